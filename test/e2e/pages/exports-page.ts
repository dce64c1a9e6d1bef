import { expect, type Download, type Page } from '@playwright/test'

/** The export wizard and its history. */
export class ExportsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: /Exports/ }).click()
    await expect(this.page.getByRole('heading', { name: 'Exports' })).toBeVisible()
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next' }).click()
  }

  async chooseSegment(label: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Segment to export' }).click()
    await this.page.getByRole('option', { name: label }).click()
    await this.next()
  }

  async choosePreset(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label }).click()
    await this.next()
  }

  /** Saves through the browser's download (the bridge has no save dialog) and returns the download. */
  async saveAndDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name: 'Save and download' }).click()
    // The file is written by a background job in a worker thread: allow for the worker's start-up on a busy machine.
    await expect(this.page.getByTestId('export-result')).toBeVisible({ timeout: 45_000 })
    return download
  }
}
