import { expect, type Locator, type Page } from '@playwright/test'

/** The review queue screen, as a reviewer drives it (keyboard first). */
export class ReviewPage {
  readonly item: Locator
  readonly status: Locator
  readonly progress: Locator

  constructor(private readonly page: Page) {
    this.item = page.getByTestId('review-item')
    this.status = page.getByTestId('review-status')
    this.progress = page.getByTestId('review-progress')
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: /Review/ }).click()
    await expect(this.page.getByRole('heading', { name: 'Review queue' })).toBeVisible()
  }

  /** The id of the pair on screen (waits until one is loaded). */
  async currentId(): Promise<number> {
    await expect(this.item).toBeVisible()
    return Number(await this.item.getAttribute('data-review-item'))
  }

  /** Presses a decision key (A, R, S, U) and waits for the status line to report it. */
  async press(key: 'a' | 'r' | 's' | 'u', expected: RegExp): Promise<void> {
    await this.page.locator('body').press(key)
    await expect(this.status).toHaveText(expected)
  }
}
