/**
 * Sniffs how a delimited text file is written from its head: line ending, delimiter, quote character,
 * FEBRL-style spaces after delimiters, and which record is the header. Every guess is made by parsing
 * the head with the real parser, so quoted delimiters and embedded newlines do not fool it.
 */
import { parseText, sampleRecords, type CsvDialect } from './csv-records'
import { findHeaderIndex, isBlankRecord } from './header'
import { limits } from './limits'

const delimiters = [',', ';', '\t', '|'] as const

/** The dialect plus where the header is: `headerIndex` counts records (blank ones too) before it. */
export interface SniffResult {
  dialect: CsvDialect
  headerIndex: number
  /** 1-based physical line of the header in the (decoded) file. */
  headerLine: number
  /** How many complete records the head held (0 → the head is too short to judge). */
  completeRecords: number
}

/** Sniffs from `head` (decoded text of the file's start); `complete` when it is the whole file. */
export function sniffDialect(head: string, complete: boolean): SniffResult {
  const newline = detectNewline(head)
  let dialect: CsvDialect = { delimiter: ',', quoteChar: '"', newline, trimLeadingSpaces: false }
  dialect = { ...dialect, delimiter: bestDelimiter(head, dialect, complete) }
  const quoteChar = detectQuote(head, dialect, complete)
  if (quoteChar !== dialect.quoteChar) {
    dialect = { ...dialect, quoteChar }
    dialect = { ...dialect, delimiter: bestDelimiter(head, dialect, complete) }
  }
  const first = sampleRecords(head, dialect, complete, limits.headerSampleRows)
  if (spacesAfterDelimiters(first.records)) dialect = withSpacedDelimiter(head, dialect, complete)
  // Sampled again with the final dialect: leading spaces trimmed, maybe a different delimiter.
  const { records, ends } = sampleRecords(head, dialect, complete, limits.headerSampleRows)
  const headerIndex = Math.max(0, findHeaderIndex(records))
  const start = headerIndex === 0 ? 0 : (ends[headerIndex - 1] ?? 0)
  const headerLine = countNewlines(head.slice(0, start), newline) + 1
  return { dialect, headerIndex, headerLine, completeRecords: records.length }
}

/**
 * `a, "b, c", d` (FEBRL, the restaurants set): the space belongs to the delimiter, or the quote after it
 * is not seen as a quote. Use "<delimiter><space>" when the table stays as consistent that way, and
 * trim leading spaces either way (a few values have two).
 */
function withSpacedDelimiter(head: string, dialect: CsvDialect, complete: boolean): CsvDialect {
  const spaced = { ...dialect, delimiter: `${dialect.delimiter} ` }
  const better = consistency(head, spaced, complete) >= consistency(head, dialect, complete)
  return { ...(better ? spaced : dialect), trimLeadingSpaces: true }
}

function detectNewline(text: string): CsvDialect['newline'] {
  const lf = text.indexOf('\n')
  const cr = text.indexOf('\r')
  if (cr >= 0 && text[cr + 1] === '\n') return '\r\n'
  if (cr >= 0 && (lf < 0 || cr < lf)) return '\r'
  return '\n'
}

/** The delimiter whose records have the most consistent width (> 1 column); ',' for one column. */
function bestDelimiter(head: string, base: CsvDialect, complete: boolean): string {
  let best: string = ','
  let bestScore = 0
  for (const delimiter of delimiters) {
    const score = consistency(head, { ...base, delimiter }, complete)
    if (score > bestScore) [best, bestScore] = [delimiter, score]
  }
  return best
}

/**
 * Share of non-blank records having the most common width, plus a tiny bonus for width (a wider table
 * wins ties: "1,5" decimals in a ';' file stay consistent for ';'). 0 when that width is 1.
 */
function consistency(head: string, dialect: CsvDialect, complete: boolean): number {
  const { records } = parseText(head, dialect, complete)
  const widths = records.filter((r) => !isBlankRecord(r.cells)).map((r) => r.cells.length)
  if (widths.length === 0) return 0
  const counts = new Map<number, number>()
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1)
  const [mode, modeCount] = [...counts].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] > a[0]) ? b : a))
  return mode < 2 ? 0 : modeCount / widths.length + mode / 1e6
}

/** "'" only when the head has no '"' and several fields are wrapped in single quotes. */
function detectQuote(head: string, dialect: CsvDialect, complete: boolean): string {
  if (head.includes('"')) return '"'
  const { records } = parseText(head, dialect, complete)
  let wrapped = 0
  let filled = 0
  for (const { cells } of records) {
    for (const cell of cells) {
      if (cell === '') continue
      filled++
      if (cell.length >= 2 && cell.startsWith("'") && cell.endsWith("'")) wrapped++
    }
  }
  return wrapped >= 2 && wrapped >= filled * 0.2 ? "'" : '"'
}

/** FEBRL writes `a, b, c`: nearly every non-first field starts with a space. */
function spacesAfterDelimiters(records: string[][]): boolean {
  let fields = 0
  let spaced = 0
  for (const cells of records) {
    for (let i = 1; i < cells.length; i++) {
      const cell = cells[i] as string
      if (cell === '') continue
      fields++
      if (cell.startsWith(' ')) spaced++
    }
  }
  return fields >= 3 && spaced >= fields * 0.9
}

function countNewlines(text: string, newline: string): number {
  let count = 0
  for (let i = text.indexOf(newline); i >= 0; i = text.indexOf(newline, i + newline.length)) count++
  return count
}
