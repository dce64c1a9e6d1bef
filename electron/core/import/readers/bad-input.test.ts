/**
 * Every hostile or broken input gives a clear CdpError or rows with `error` set: never a crash, a hang
 * or a silently dropped row. Fixtures live in test/fixtures/bad (binary ones from make-fixtures.ts);
 * the huge ones are generated here.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listSheets, openRowSource } from './index'
import { limits } from './limits'
import { badFixture, goodFixture, readAll } from './test-support'

const dir = mkdtempSync(join(tmpdir(), 'tessera-readers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bad input: files refused with a clear UnsupportedFile', () => {
  it.each([
    ['empty.csv', 'is empty'],
    ['binary.csv', 'does not contain text'],
    ['truncated.xlsx', 'not a complete XLSX file'],
    ['zip-bomb.xlsx', 'zip bomb'],
    ['zip-bomb-lying.xlsx', 'inflates beyond the size it declares'],
    ['not-a-workbook.xlsx', 'not a valid XLSX file'],
    ['truncated.json', 'not valid JSON'],
  ])('%s → %s', async (file, message) => {
    await expect(openRowSource(badFixture(file))).rejects.toMatchObject({ code: 'UnsupportedFile', message: expect.stringContaining(message) })
  })

  it('listSheets refuses the zip bomb and the truncated workbook too', async () => {
    await expect(listSheets(badFixture('zip-bomb.xlsx'))).rejects.toMatchObject({ code: 'UnsupportedFile' })
    await expect(listSheets(badFixture('truncated.xlsx'))).rejects.toMatchObject({ code: 'UnsupportedFile' })
  })

  it('an XLSX renamed to .csv is still read as XLSX (content wins over the name)', async () => {
    const path = join(dir, 'really-a-workbook.csv')
    copyFileSync(goodFixture('two-sheets.xlsx'), path)
    const { source } = await readAll(path)
    expect(source.info.format).toBe('xlsx')
  })

  it('20,000 columns exceed the Excel limit: refused, not parsed into a monster header', async () => {
    const path = join(dir, 'wide.csv')
    const header = Array.from({ length: 20_000 }, (_, i) => `col_${i}`).join(',')
    writeFileSync(path, `${header}\n${Array.from({ length: 20_000 }, () => 'x').join(',')}\n`)
    await expect(openRowSource(path)).rejects.toMatchObject({ code: 'UnsupportedFile', message: expect.stringContaining('20,000 columns') })
  })
})

describe('bad input: rows put in quarantine, the rest read', () => {
  it('header only → the header and no rows', async () => {
    const { source, rows } = await readAll(badFixture('header-only.csv'))
    expect(source.header).toEqual(['id', 'name', 'email'])
    expect(rows).toEqual([])
  })

  it('wrong column count → that row has the error, never padded or dropped', async () => {
    const { rows } = await readAll(badFixture('wrong-column-count.csv'))
    expect(rows.map((r) => [r.rowNumber, r.error])).toEqual([
      [1, undefined],
      [2, 'wrong column count: expected 3, found 2'],
      [3, 'wrong column count: expected 3, found 4'],
      [4, undefined],
    ])
    expect(rows[1]?.cells).toEqual(['2', 'Bob'])
  })

  it('unbalanced quote → the row that opens it is quarantined with the swallowed text', async () => {
    const { rows } = await readAll(badFixture('unbalanced-quotes.csv'))
    expect(rows).toHaveLength(2)
    expect(rows[0]?.error).toBeUndefined()
    expect(rows[1]?.error).toContain('unbalanced quote')
    expect(rows[1]?.cells[2]).toContain('4,Dee,also lost')
  })

  it('NUL bytes → only that row is quarantined', async () => {
    const { rows } = await readAll(badFixture('nul-bytes.csv'))
    expect(rows.map((r) => r.error)).toEqual([undefined, 'contains NUL bytes (binary data in a text file)', undefined])
  })

  it('mixed UTF-8 and Windows-1252 → every row decodes correctly and the encoding says mixed', async () => {
    const { source, rows } = await readAll(badFixture('mixed-encodings.csv'))
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', 'José', 'Zürich'],
      ['2', 'Renée', 'Besançon'],
      ['3', 'Zoë', 'Malmö'],
    ])
    expect(source.info.encoding).toBe('utf-8+windows-1252')
  })

  it('a 10 MB single cell → that row is quarantined with the cell truncated; the next row is fine', async () => {
    const path = join(dir, 'big-cell.csv')
    writeFileSync(path, `id,note,email\n1,"${'x'.repeat(10 * 1024 * 1024)}",a@example.com\n2,short,b@example.com\n`)
    const { rows } = await readAll(path)
    expect(rows).toHaveLength(2)
    expect(rows[0]?.error).toBe(`cell 2 is 10,485,760 characters long (limit ${limits.maxCellChars.toLocaleString('en-US')})`)
    expect(rows[0]?.cells[1]?.length).toBe(limits.truncatedCellChars + 1)
    expect(rows[1]).toEqual({ rowNumber: 2, cells: ['2', 'short', 'b@example.com'] })
  })
})
