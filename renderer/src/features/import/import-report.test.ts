import { describe, expect, it } from 'vitest'
import { readImportReport, toCsv } from './import-report'

describe('readImportReport', () => {
  it('reads the counts and tolerates missing fields', () => {
    const r = readImportReport({ importId: 3, recordsImported: 10, rowsQuarantined: 2, quarantineReasons: { 'no-identity': 2 } })
    expect(r).toMatchObject({ importId: 3, recordsImported: 10, recordsUpdated: 0, eventsImported: 0, rowsQuarantined: 2, quarantineReasons: { 'no-identity': 2 } })
  })
  it('reads the person records event rows made', () => {
    expect(readImportReport({ eventsImported: 5, recordsFromEvents: 1, recordsFromBuyerDetails: 2 })).toMatchObject({ recordsFromEvents: 1, recordsFromBuyerDetails: 2 })
    expect(readImportReport({})).toMatchObject({ recordsFromEvents: 0, recordsFromBuyerDetails: 0 })
  })
  it.each([null, 'x', 3])('returns undefined for %j', (v) => expect(readImportReport(v)).toBeUndefined())
})

describe('toCsv', () => {
  it.each([
    [[['a', 'b']], 'a,b\r\n'],
    [[['a,b', 'say "hi"']], '"a,b","say ""hi"""\r\n'],
    [[['line\nbreak']], '"line\nbreak"\r\n'],
  ])('%j', (rows, text) => expect(toCsv(rows)).toBe(text))
})
