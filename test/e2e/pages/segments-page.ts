import { expect, type Locator, type Page } from '@playwright/test'

/** The segment builder, driven the way an analyst does: add, pick, type. */
export class SegmentsPage {
  readonly count: Locator

  constructor(private readonly page: Page) {
    this.count = page.getByTestId('segment-count')
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: /Segments/ }).click()
    await expect(this.page.getByRole('heading', { name: 'New segment' })).toBeVisible()
  }

  async addCondition(group: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add condition to group ${group}` }).click()
  }

  async addGroup(group: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add group to group ${group}` }).click()
  }

  /** Opens the select labelled `label` and clicks the option named `option`. */
  async pick(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByRole('textbox', { name: label, exact: true }).fill(value)
  }

  /** The live count once it settles (no "Counting" spinner), as a number. */
  async settledCount(): Promise<number> {
    await expect(this.page.getByLabel('Counting')).toHaveCount(0)
    const text = (await this.count.textContent()) ?? ''
    return Number(text.replace(/\D/g, ''))
  }

  async save(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name' }).fill(name)
    await this.page.getByRole('button', { name: 'Save segment' }).click()
    await expect(this.page.getByTestId('segment-save-status')).toHaveText(new RegExp(`Saved "${name}"`))
  }
}
