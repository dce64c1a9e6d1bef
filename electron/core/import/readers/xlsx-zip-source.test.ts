import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Readable, type Duplex } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { goodFixture } from './test-support'
import { ZipSource } from './xlsx-zip-source'

// The very copies exceljs's streaming reader uses: unzipper's Parse and exceljs's entry iterator.
const fromExceljs = createRequire(createRequire(__filename).resolve('exceljs'))
const unzipper = fromExceljs('unzipper') as { Parse(options: { forceStream: boolean }): Duplex }
const iterateStream = fromExceljs('exceljs/lib/utils/iterate-stream.js') as (s: Duplex) => AsyncIterable<{ path: string; autodrain(): void }>

/** Walks a zip's entries the way exceljs does, pausing on the first one as exceljs does to spool a sheet. */
async function entryNames(bytes: Buffer): Promise<string[]> {
  const zip = unzipper.Parse({ forceStream: true })
  const source = new ZipSource()
  Readable.from([bytes]).pipe(source)
  source.pipe(zip)
  const names: string[] = []
  for await (const entry of iterateStream(zip)) {
    if (names.length === 0) await new Promise((resolve) => setTimeout(resolve, 50))
    names.push(entry.path)
    entry.autodrain()
  }
  return names
}

describe('ZIP source for the XLSX reader', () => {
  const book = readFileSync(goodFixture('two-sheets.xlsx'))

  it('every entry reaches a consumer that paused on the first (unzipper ends early without it: 1 of 17)', async () => {
    const names = await entryNames(book)
    expect(names).toHaveLength(17)
    expect(names.slice(-3)).toEqual(['docProps/app.xml', 'docProps/core.xml', 'xl/workbook.xml'])
  })

  it('an archive cut short fails with an error instead of waiting for an end that never comes', async () => {
    await expect(entryNames(book.subarray(0, 6000))).rejects.toThrow('FILE_ENDED')
  })
})
