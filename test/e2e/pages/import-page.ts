import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { AppPage } from './app-page'

/** The import wizard: drop a file, check the mapping, run, read the report. */
export class ImportPage extends AppPage {
  readonly dropzone: Locator

  constructor(page: Page) {
    super(page)
    this.dropzone = page.getByTestId('import-dropzone')
  }

  /** Drops a real file on the drop zone, as an analyst dragging it from the desktop would. */
  async dropFile(path: string, type = 'text/csv'): Promise<void> {
    const data = readFileSync(path).toString('base64')
    const transfer = await this.page.evaluateHandle(
      ({ data, name, type }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
        const dt = new DataTransfer()
        dt.items.add(new File([bytes], name, { type }))
        return dt
      },
      { data, name: basename(path), type },
    )
    await this.dropzone.dispatchEvent('dragenter', { dataTransfer: transfer })
    await this.dropzone.dispatchEvent('drop', { dataTransfer: transfer })
  }

  mappingFor(column: string): Locator {
    return this.page.getByRole('combobox', { name: `Field for column ${column}`, exact: true })
  }

  async setMapping(column: string, target: string): Promise<void> {
    await this.mappingFor(column).click()
    await this.page.getByRole('option', { name: target, exact: true }).click()
    await expect(this.mappingFor(column)).toHaveValue(target)
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: /^Import / }).click()
  }

  count(name: 'records' | 'updated' | 'events' | 'quarantined'): Locator {
    return this.page.getByTestId(`report-${name}`)
  }
}
