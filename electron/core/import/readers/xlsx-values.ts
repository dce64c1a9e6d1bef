/**
 * Excel cell values as the strings an analyst sees: dates as ISO 8601 (not serial numbers), formulas
 * as their cached results, numbers in plain notation (a 13-digit id never becomes 1.23457E+12).
 */
import type { CellValue } from 'exceljs'

/** The text of one cell. `numFmt` decides whether a bare number (e.g. a formula result) is a date. */
export function cellText(value: CellValue | undefined, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value === 'number') return isDateFormat(numFmt) ? serialToIso(value, date1904) : plainNumber(value)
  if (value instanceof Date) return isoDate(value)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: CellValue }).result, numFmt, date1904)
  }
  if ('error' in value) return String(value.error)
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue, numFmt, date1904)
  return ''
}

/**
 * Plain decimal text. Non-integers are rounded to 15 significant digits, as Excel displays them, so
 * binary noise (0.30000000000000004) does not reach the analyst.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) return BigInt(n).toString()
  return n.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 })
}

/** True for number formats that show a date or time (d, m, y, h, s outside quotes, escapes and [..]). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '')
  return /[dmyhs]/i.test(bare)
}

const msPerDay = 86_400_000
/** Serial 25569 is 1970-01-01 in the 1900 system (Excel's fictitious 1900-02-29 included). */
const unixEpochSerial = 25_569
const date1904Offset = 1_462

/** An Excel serial date (days since 1899-12-30, or 1904-01-01) as ISO 8601; a bare fraction is a time. */
export function serialToIso(serial: number, date1904: boolean): string {
  const days = serial + (date1904 ? date1904Offset : 0)
  const date = new Date(Math.round((days - unixEpochSerial) * msPerDay))
  if (Number.isNaN(date.getTime())) return plainNumber(serial)
  if (serial >= 0 && serial < 1 && !date1904) return isoDate(date).slice(11)
  return isoDate(date)
}

/** 'YYYY-MM-DD' at midnight, else 'YYYY-MM-DDTHH:MM:SS[.mmm]' (wall-clock time, no zone: Excel has none). */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10)
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23)
}
