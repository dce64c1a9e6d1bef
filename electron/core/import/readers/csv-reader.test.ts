import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fileSha256, openRowSource, previewFile } from './index'
import { goodFixture, readAll, sharedData } from './test-support'

const people = [
  ['1', 'José', 'Müller', 'jose@example.com', 'Zürich'],
  ['2', 'Zoë', 'Ångström', 'zoe@example.com', 'Malmö'],
  ['3', 'François', 'Œuvre', 'f@example.com', 'Besançon — Doubs'],
]

describe('CSV reader: encodings', () => {
  it.each([
    ['utf8-bom.csv', 'utf-8'],
    ['utf16le-bom.csv', 'utf-16le'],
    ['utf16be-bom.csv', 'utf-16be'],
    ['utf16le-no-bom.csv', 'utf-16le'],
    ['windows-1252.csv', 'windows-1252'],
  ])('%s decodes as %s', async (file, encoding) => {
    const { source, rows } = await readAll(goodFixture(file))
    expect(source.info).toMatchObject({ format: 'csv', encoding, delimiter: ',', headerLine: 1 })
    expect(source.header).toEqual(['id', 'first_name', 'last_name', 'email', 'city'])
    expect(rows.map((r) => r.cells)).toEqual(people)
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3])
    expect(rows.every((r) => r.error === undefined)).toBe(true)
  })
})

describe('CSV reader: dialects', () => {
  it.each([
    ['semicolon.csv', ';', ['2', 'Müller; Hans', '7,00', 'Berlin']],
    ['tab.tsv', '\t', ['2', 'Bob, Jr.', 'bob@example.com']],
    ['pipe.csv', '|', ['2', 'Bob "Bobby" Ray', '555-0100']],
    ['single-quotes.csv', ',', ['2', 'Bob', 'Paris']],
  ])('%s: delimiter %j is sniffed and quoting honoured', async (file, delimiter, second) => {
    const { source, rows } = await readAll(goodFixture(file))
    expect(source.info.delimiter).toBe(delimiter)
    expect(rows[1]?.cells).toEqual(second)
    expect(rows.every((r) => r.error === undefined)).toBe(true)
  })

  it('keeps quoted fields with a delimiter inside (single-quote files)', async () => {
    const { rows } = await readAll(goodFixture('single-quotes.csv'))
    expect(rows[0]?.cells).toEqual(['1', 'Ann Lee', 'London, UK'])
  })

  it('reads embedded newlines (CRLF and LF), doubled quotes, no final newline; rowNumber counts records', async () => {
    const { rows } = await readAll(goodFixture('embedded-newlines.csv'))
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['1', 'Ann', '12 High St\r\nFlat 2\r\nLondon', 'said "hi"'] },
      { rowNumber: 2, cells: ['2', 'Bob', '1 Main St', ''] },
      { rowNumber: 3, cells: ['3', 'Cy', 'Line one\nline two', 'ok'] },
    ])
  })

  it('skips title and blank lines above the header, reports headerLine, names blank/duplicate columns, drops blank rows', async () => {
    const { source, rows } = await readAll(goodFixture('title-line.csv'))
    expect(source.info.headerLine).toBe(4)
    expect(source.header).toEqual(['First Name', 'Last Name', 'Email', 'column_4', 'Email_2'])
    expect(rows.map((r) => r.cells)).toEqual([
      ['Ann', 'Lee', 'ann@example.com', 'x', 'ann2@example.com'],
      ['Bob', 'Ray', 'bob@example.com', '', ''],
    ])
  })
})

describe('CSV reader: FEBRL reference files (", " separators, CRLF, no final newline)', () => {
  it.each([
    ['febrl/dataset1.csv', 1000],
    ['febrl/dataset4a.csv', 5000],
    ['febrl/dataset4b.csv', 5000],
    ['febrl-dsgen/dataset_A_1000.csv', 1000],
    ['restaurants/restaurant.csv', 864],
  ])('%s reads %i clean rows', async (file, count) => {
    const path = sharedData(file)
    expect(existsSync(path), `reference data missing: ${path}`).toBe(true)
    const { source, rows } = await readAll(path)
    expect(rows).toHaveLength(count)
    expect(rows.filter((r) => r.error)).toEqual([])
    expect(source.header[0]).toMatch(/^(rec_id|name)$/)
    // No cell keeps the space after the separator, nor a quote the parser did not see.
    expect(rows.some((r) => r.cells.some((c) => c.startsWith(' ') || c.startsWith('"')))).toBe(false)
    expect(source.bytesRead()).toBe(statSync(path).size)
  })

  it('keeps leading zeros and reads the two double-spaced values of dataset4b', async () => {
    const { rows } = await readAll(sharedData('febrl/dataset4b.csv'))
    const ids = new Set(rows.map((r) => r.cells[0]))
    expect(ids.has('rec-3945-dup-0')).toBe(true)
    expect(ids.has('rec-3958-dup-0')).toBe(true)
    expect(rows.some((r) => /^0\d+/.test(r.cells[7] ?? ''))).toBe(true)
  })
})

describe('CSV reader: control', () => {
  it('previewFile returns the first N rows and the reader info', async () => {
    const preview = await previewFile(sharedData('febrl/dataset4a.csv'), { rows: 5 })
    expect(preview.rows).toHaveLength(5)
    expect(preview.rows[4]?.rowNumber).toBe(5)
    expect(preview.info).toMatchObject({ format: 'csv', delimiter: ',', headerLine: 1 })
  })

  it('stops with Cancelled when the signal aborts mid-file', async () => {
    const controller = new AbortController()
    const source = await openRowSource(sharedData('febrl/dataset4a.csv'), { signal: controller.signal })
    let seen = 0
    const read = async () => {
      for await (const _row of source.rows) if (++seen === 10) controller.abort()
    }
    await expect(read()).rejects.toMatchObject({ code: 'Cancelled' })
    expect(seen).toBe(10)
  })

  it('close() after a partial read releases the file without errors', async () => {
    const source = await openRowSource(sharedData('febrl/dataset4a.csv'))
    const iterator = source.rows[Symbol.asyncIterator]()
    await iterator.next()
    await source.close()
    expect(source.bytesRead()).toBeGreaterThan(0)
  })

  it('fileSha256 streams the file hash', async () => {
    const path = sharedData('febrl/dataset4a.csv')
    expect(await fileSha256(path)).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'))
    expect(await fileSha256(goodFixture('tab.tsv'))).toBe('ad8218b0b9ea79a8c43d373ff30231453ab078b5c4979d9429560b1e9739bc1c')
  })

  it('a missing file is NotFound', async () => {
    await expect(openRowSource(goodFixture('nope.csv'))).rejects.toMatchObject({ code: 'NotFound' })
  })
})
