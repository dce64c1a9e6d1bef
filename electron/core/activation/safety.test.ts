import { describe, expect, it } from 'vitest'
import { csvText } from './writers'
import { isPlainNumber, neutraliseCell } from './safety'

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', false, `'=HYPERLINK("http://evil","x")`],
    ['+cmd|\' /C calc\'!A0', false, `'+cmd|' /C calc'!A0`],
    ['-2+3', false, "'-2+3"],
    ['@SUM(A1:A2)', false, "'@SUM(A1:A2)"],
    ['\t=1+1', false, "'\t=1+1"],
    ['\r=1+1', false, "'\r=1+1"],
    ['-12.50', false, "'-12.50"],
    ['-12.50', true, '-12.50'],
    ['+447700900123', true, '+447700900123'],
    ['+44 7700 900123', true, "'+44 7700 900123"],
    ['=1+1', true, "'=1+1"],
    ['plain text', false, 'plain text'],
    ['a=b', false, 'a=b'],
    ['', false, ''],
  ])('%j (numeric column: %s) → %j', (value, numeric, expected) => {
    expect(neutraliseCell(value, numeric)).toBe(expected)
  })
  it('recognises plain numbers only', () => {
    expect(['0', '12', '-3.5', '+1', '1e5', '.5'].every(isPlainNumber)).toBe(true)
    expect(['1,000', '12a', '--1', '', '1.2.3'].some(isPlainNumber)).toBe(false)
  })
  it('neutralises every CSV cell, quotes what needs quoting, and writes an optional BOM and delimiter', () => {
    const columns = [{ header: 'name', numeric: false }, { header: 'spend', numeric: true }]
    const text = csvText([['=evil()', '-5'], ['Smith; Jr', '7'], ['say "hi"', '@x']], { columns, delimiter: ';', bom: true })
    expect(text).toBe("\uFEFFname;spend\r\n'=evil();-5\r\n\"Smith; Jr\";7\r\n\"say \"\"hi\"\"\";'@x\r\n")
  })
})
