import { describe, expect, it } from 'vitest'
import { listSheets, openRowSource, previewFile } from './index'
import { goodFixture, readAll } from './test-support'
import { cellText, isDateFormat, plainNumber, serialToIso } from './xlsx-values'

describe('XLSX reader', () => {
  const book = goodFixture('two-sheets.xlsx')

  it('lists every sheet in workbook order', async () => {
    expect(await listSheets(book)).toEqual(['Customers', 'Orders'])
  })

  it('reads the first sheet by default: title skipped, dates ISO, formulas cached, long ids plain', async () => {
    const { source, rows } = await readAll(book)
    expect(source.info).toEqual({ format: 'xlsx', sheets: ['Customers', 'Orders'], sheet: 'Customers', headerLine: 3 })
    expect(source.header).toEqual(['Customer ID', 'Email', 'Signed up', 'Orders', 'Spend', 'Total', 'VIP'])
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['7022550000001', 'ann@example.com', '2024-03-31', '3', '12.5', '37.5', 'TRUE'] },
      { rowNumber: 2, cells: ['7022550000002', 'bob@example.com', '2023-12-01T14:30:00', '1', '0.1', '0.1', 'FALSE'] },
      // A formula result in a date format is a date too; the last empty cell is padded.
      { rowNumber: 3, cells: ['123456789012345680', 'cy@example.com', '1999-01-02', '0', '0', '2020-01-15', ''] },
    ])
  })

  it('reads another sheet by name', async () => {
    const { source, rows } = await readAll(book, { sheet: 'Orders' })
    expect(source.info.sheet).toBe('Orders')
    expect(source.header).toEqual(['Order', 'Customer ID', 'Amount'])
    expect(rows.map((r) => r.cells)).toEqual([
      ['#1001', '7022550000001', '19.99'],
      ['#1002', '7022550000002', '5'],
    ])
  })

  it('an aborted signal stops reading with Cancelled; close() after a partial read is clean', async () => {
    const controller = new AbortController()
    const source = await openRowSource(book, { signal: controller.signal })
    const first = await source.rows[Symbol.asyncIterator]().next()
    expect(first.value).toMatchObject({ rowNumber: 1 })
    controller.abort()
    await expect(source.rows[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'Cancelled' })
    await source.close()
    await expect(openRowSource(book, { signal: controller.signal })).rejects.toMatchObject({ code: 'Cancelled' })
  })

  it('passing over a sheet leaves no stray read of its temporary file behind (an uncaught ENOENT, now and then)', async () => {
    // exceljs spools a sheet that precedes the shared strings to a temp file, opens it when it hands the sheet
    // out, and deletes it when asked for the next one: a sheet passed over unread raced its own file's open.
    for (let k = 0; k < 60; k++) {
      const { rows } = await readAll(book, { sheet: 'Orders' })
      expect(rows).toHaveLength(2)
    }
  })

  it('an unknown sheet is InvalidInput naming the sheets', async () => {
    await expect(previewFile(book, { sheet: 'Leads' })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('"Customers", "Orders"'),
    })
  })
})

describe('XLSX cell values', () => {
  it.each([
    [1234567890123, 'General', '1234567890123'],
    [1e21, undefined, '1000000000000000000000'],
    [0.1 + 0.2, '0.00', '0.3'],
    [1.5e-7, undefined, '0.00000015'],
    [45382, 'dd/mm/yyyy', '2024-03-31'],
    [45382.5, 'yyyy-mm-dd hh:mm', '2024-03-31T12:00:00'],
    [0.75, 'h:mm', '18:00:00'],
    [5, '"days" 0', '5'],
    [true, undefined, 'TRUE'],
    [{ richText: [{ text: 'Ann ' }, { text: 'Lee' }] }, undefined, 'Ann Lee'],
    [{ formula: 'A1', result: 'x' }, undefined, 'x'],
    [{ formula: 'A1' }, undefined, ''],
    [{ error: '#N/A' }, undefined, '#N/A'],
    [{ text: 'site', hyperlink: 'https://example.com' }, undefined, 'site'],
    [new Date(Date.UTC(2020, 0, 15)), undefined, '2020-01-15'],
  ])('%j with format %j → %j', (value, format, text) => {
    expect(cellText(value as Parameters<typeof cellText>[0], format, false)).toBe(text)
  })

  it('knows date formats from number formats', () => {
    expect([isDateFormat('yyyy-mm-dd'), isDateFormat('[$-409]d-mmm-yy'), isDateFormat('0.00'), isDateFormat('"m"0')]).toEqual([true, true, false, false])
  })

  it('honours the 1904 date system', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01')
    expect(plainNumber(-0.5)).toBe('-0.5')
  })
})
