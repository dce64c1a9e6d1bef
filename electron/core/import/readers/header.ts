/**
 * Finding the header among the first records, and making its names usable as keys. Shared by the CSV
 * and XLSX readers so both treat title lines and blank rows the same way.
 */
import { CdpError } from '../../../../shared/api/errors'
import { limits } from './limits'

/** A record with no non-blank cell is not a row (blank lines, trailing `,,,,` lines from Excel). */
export const isBlankRecord = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '')

/**
 * Index (into `records`) of the header: the first record as wide as most records are, with at least
 * half its cells filled. Title lines ("Customer export, 2024") and blank lines above it are skipped.
 * Returns -1 when there is no non-blank record at all.
 */
export function findHeaderIndex(records: readonly (readonly string[])[]): number {
  const widths = new Map<number, number>()
  for (const cells of records) {
    if (isBlankRecord(cells)) continue
    const width = filledWidth(cells)
    widths.set(width, (widths.get(width) ?? 0) + 1)
  }
  if (widths.size === 0) return -1
  // Most common width; on a tie the wider one (a title line is narrower than the table).
  let best = 0
  let bestCount = -1
  for (const [width, count] of widths) {
    if (count > bestCount || (count === bestCount && width > best)) [best, bestCount] = [width, count]
  }
  const index = records.findIndex((cells) => {
    if (isBlankRecord(cells) || filledWidth(cells) < best) return false
    return cells.filter((cell) => cell.trim() !== '').length >= Math.ceil(best / 2)
  })
  return index >= 0 ? index : records.findIndex((cells) => !isBlankRecord(cells))
}

/** Width ignoring trailing empty cells (Excel pads short rows with delimiters). */
function filledWidth(cells: readonly string[]): number {
  let width = cells.length
  while (width > 1 && (cells[width - 1] ?? '').trim() === '') width--
  return width
}

/**
 * Header names as keys: trimmed (and BOM-free), blank names become `column_N` (1-based), repeats get
 * `_2`, `_3`… so every name is unique. Throws UnsupportedFile beyond limits.maxColumns columns.
 */
export function cleanHeader(cells: readonly string[]): string[] {
  if (cells.length > limits.maxColumns) {
    throw new CdpError(
      'UnsupportedFile',
      `The header has ${cells.length.toLocaleString('en-US')} columns; Tessera reads at most ${limits.maxColumns.toLocaleString('en-US')} (the Excel limit). Check that the file is a table of customers.`,
    )
  }
  // Trailing unnamed columns come from trailing delimiters; they still count so rows align.
  const names = cells.map((cell, i) => cell.replace(/^\ufeff/, '').trim() || `column_${i + 1}`)
  const seen = new Set<string>()
  return names.map((name) => {
    let unique = name
    for (let k = 2; seen.has(unique); k++) unique = `${name}_${k}`
    seen.add(unique)
    return unique
  })
}

/**
 * The reader-level problems of a data row: wrong width, NUL bytes, oversized cells. Oversized cells are
 * truncated in place (the row is quarantined, and holding megabytes for it helps no one).
 */
export function rowProblem(cells: string[], width: number): string | undefined {
  // Runs for every row: one pass over the cells, nothing allocated for a row without problems.
  let problems: string[] | undefined
  if (cells.length !== width) problems = [`wrong column count: expected ${width}, found ${cells.length}`]
  const max = limits.maxCellChars
  let nul = false
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string
    if (!nul && cell.includes('\u0000')) nul = true
    if (cell.length > max) {
      (problems ??= []).push(`cell ${i + 1} is ${cell.length.toLocaleString('en-US')} characters long (limit ${max.toLocaleString('en-US')})`)
      cells[i] = `${cell.slice(0, limits.truncatedCellChars)}…`
    }
  }
  if (nul) (problems ??= []).push('contains NUL bytes (binary data in a text file)')
  return problems?.join('; ')
}
