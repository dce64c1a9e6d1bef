/**
 * Spreadsheet formula injection (CSV injection): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return may be run as a formula when the file is opened in Excel, LibreOffice or Sheets.
 * Such cells get a leading apostrophe, which spreadsheets show as "text" and do not evaluate.
 * The one exception is a plain number (`-12.50`, `+447700900123`) in a column declared numeric, which
 * must reach the platform unchanged.
 */
const TRIGGER = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** True for `12`, `-3.5`, `+447700900123`, `1e5`; false for anything with other characters. */
export function isPlainNumber(value: string): boolean {
  return PLAIN_NUMBER.test(value)
}

/** The cell as it is safe to write into a CSV or XLSX file. Pure; never throws. */
export function neutraliseCell(value: string, numericColumn = false): string {
  if (numericColumn && isPlainNumber(value)) return value
  return TRIGGER.test(value) ? `'${value}` : value
}
