/**
 * CSV records from a stream of text chunks, parsed by papaparse's core Parser (RFC 4180 quoting,
 * embedded newlines). We drive the Parser ourselves rather than through Papa's stream wrapper so that
 * an unterminated quote cannot buffer the whole file: the unfinished record is bounded by
 * limits.maxRecordChars, and a long record is re-parsed geometrically (not on every chunk).
 */
import Papa from 'papaparse'
import { CdpError } from '../../../../shared/api/errors'
import { limits } from './limits'

/** How the file is written, as sniffed from its head. */
export interface CsvDialect {
  delimiter: string
  quoteChar: string
  newline: '\n' | '\r\n' | '\r'
  /** FEBRL-style `a, b, c`: drop the spaces after each delimiter. */
  trimLeadingSpaces: boolean
}

/** One parsed record with the parser's own complaint about it, if any. */
export interface CsvRecord {
  cells: string[]
  quoteError?: string
}

interface PapaError {
  code: string
  row?: number
}

/** Parses `text` (a prefix of the file when `final` is false) into complete records and the rest. */
export function parseText(text: string, dialect: CsvDialect, final: boolean): { records: CsvRecord[]; consumed: number } {
  const parser = new Papa.Parser({
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    quoteChar: dialect.quoteChar,
    escapeChar: dialect.quoteChar,
  })
  const result = parser.parse(text, 0, !final) as { data: string[][]; errors: PapaError[]; meta: { cursor: number } }
  const records: CsvRecord[] = result.data.map((cells) => ({ cells: tidy(cells, dialect) }))
  for (const error of result.errors) {
    const record = error.row === undefined ? undefined : records[error.row]
    if (!record) continue
    record.quoteError =
      error.code === 'MissingQuotes'
        ? 'unbalanced quote: a quoted field never closes, so the rest of the file was read into this row'
        : 'malformed quotes: text follows a closing quote'
  }
  return { records, consumed: final ? text.length : result.meta.cursor }
}

function tidy(cells: string[], dialect: CsvDialect): string[] {
  if (dialect.trimLeadingSpaces) {
    const q = dialect.quoteChar
    for (let i = 0; i < cells.length; i++) {
      const cell = (cells[i] as string).replace(/^ +/, '')
      // After `, ` the parser did not see the opening quote: unquote `"…"` ourselves.
      const quoted = cell.length >= 2 && cell.startsWith(q) && cell.endsWith(q)
      cells[i] = quoted ? cell.slice(1, -1).replaceAll(q + q, q) : cell
    }
  }
  // A '\n' file with some '\r\n' lines (concatenated exports) leaves '\r' on the last cell.
  const last = cells.length - 1
  if (dialect.newline === '\n' && last >= 0 && (cells[last] as string).endsWith('\r')) {
    cells[last] = (cells[last] as string).slice(0, -1)
  }
  return cells
}

/**
 * Streams records from text chunks. Throws CdpError('UnsupportedFile') when one record grows beyond
 * limits.maxRecordChars (an unbalanced quote in a large file), before memory can follow the file size.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, dialect: CsvDialect): AsyncGenerator<CsvRecord> {
  let pending = ''
  // When a record spans chunks, wait until the pending text doubles before re-parsing it (linear total).
  let parseAt = 0
  for await (const chunk of chunks) {
    pending += chunk
    if (pending.length < parseAt) continue
    const { records, consumed } = parseText(pending, dialect, false)
    yield* records
    pending = pending.slice(consumed)
    if (pending.length > limits.maxRecordChars) {
      throw new CdpError(
        'UnsupportedFile',
        `A single record is longer than ${limits.maxRecordChars / 1024 / 1024} MB: the file probably has an unbalanced quote (")`,
      )
    }
    parseAt = pending.length > 1024 * 1024 ? pending.length * 2 : 0
  }
  if (pending.length > 0) yield* parseText(pending, dialect, true).records
}

/**
 * The first `max` complete records of `text` and the offset where each ends (used to number the header
 * line). One parser pass with a step callback, so a head full of quoted newlines stays linear.
 */
export function sampleRecords(text: string, dialect: CsvDialect, final: boolean, max: number): { records: string[][]; ends: number[] } {
  const records: string[][] = []
  const ends: number[] = []
  const parser = new Papa.Parser({
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    quoteChar: dialect.quoteChar,
    escapeChar: dialect.quoteChar,
    // In step mode Papa hands over one row at a time; `preview` is not honoured there, hence the check.
    step: (result: { data: string[][]; meta: { cursor: number } }) => {
      const row = result.data[0]
      if (!row || records.length >= max) return
      records.push(tidy(row, dialect))
      ends.push(result.meta.cursor)
    },
  })
  parser.parse(text, 0, !final)
  return { records, ends }
}
