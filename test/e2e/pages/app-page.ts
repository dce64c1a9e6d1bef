import type { Locator, Page } from '@playwright/test'

/** The shell every screen lives in: navigation, jobs panel. */
export class AppPage {
  constructor(readonly page: Page) {}

  nav(label: string): Locator {
    return this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: new RegExp(`^${label}`) })
  }

  async open(label: string): Promise<void> {
    await this.nav(label).click()
  }
}
