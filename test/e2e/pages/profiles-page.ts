import type { Locator, Page } from '@playwright/test'
import { AppPage } from './app-page'

/** The profiles table and the profile detail screen. */
export class ProfilesPage extends AppPage {
  readonly search: Locator
  readonly total: Locator

  constructor(page: Page) {
    super(page)
    this.search = page.getByRole('textbox', { name: 'Search profiles' })
    this.total = page.getByTestId('profiles-total')
  }

  rowFor(name: string): Locator {
    return this.page.getByRole('button', { name: `Open ${name}` })
  }

  /** A golden value's provenance trigger (hover or focus shows where the value came from). */
  goldenValue(attribute: string): Locator {
    return this.page.getByRole('button', { name: `${attribute}: show provenance` })
  }

  readonly provenance = (): Locator => this.page.getByTestId('provenance')
}
