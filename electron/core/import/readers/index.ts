/**
 * Import readers: turn a customer export (CSV/TSV/…, XLSX, JSON array, NDJSON) into a streaming
 * RowSource of string cells aligned with a header. Used by the import pipeline and the wizard preview.
 *
 * Every function here throws CdpError with an actionable message for files it cannot read
 * (NotFound, UnsupportedFile, InvalidInput for an unknown sheet, Cancelled on abort); problems confined
 * to one row are reported on that row (`ReadRow.error`) so the row can be quarantined.
 */
import { basename } from 'node:path'
import type { FileFormat, ReadRow, ReaderInfo, RowSource } from '../types'
import { openCsv } from './csv-reader'
import { detectFormat } from './detect-format'
import { fileSize, readHead, throwIfAborted } from './file-bytes'
import { openJson } from './json-reader'
import { listXlsxSheets, openXlsx } from './xlsx-reader'

export { fileSha256 } from './file-bytes'

export interface OpenOptions {
  /** XLSX: the sheet to read (default: the first sheet of the workbook). */
  sheet?: string
  /** Aborts reading; the next row pull throws CdpError('Cancelled'). */
  signal?: AbortSignal
  /** Skip content detection and read as this format (content that is clearly another kind still fails). */
  format?: FileFormat
}

/**
 * Opens a file for streaming. The header is known when this resolves; `rows` can be iterated once.
 * Memory stays bounded whatever the file size (XLSX: plus the workbook's shared-strings table; JSON:
 * plus the set of keys). Call `close()` when stopping early; a finished iteration closes itself.
 * `info.encoding` is final once the rows are read (a mixed UTF-8/Windows-1252 file reveals itself late).
 */
export async function openRowSource(path: string, opts: OpenOptions = {}): Promise<RowSource> {
  throwIfAborted(opts.signal)
  await fileSize(path)
  const head = await readHead(path, 8192)
  const format = detectFormat(path, head, opts.format)
  const name = basename(path)
  if (format === 'xlsx') return openXlsx(path, name, opts.sheet, opts.signal)
  if (format === 'json' || format === 'ndjson') return openJson(path, name, format, opts.signal)
  return openCsv(path, name, opts.signal)
}

/** The sheet names of an XLSX workbook in workbook order. Throws UnsupportedFile for anything else. */
export async function listSheets(path: string): Promise<string[]> {
  await fileSize(path)
  const head = await readHead(path, 8192)
  detectFormat(path, head, 'xlsx')
  return listXlsxSheets(path, basename(path))
}

/** The first `rows` (default 20) data rows with the header and reader info, for the import wizard. */
export async function previewFile(
  path: string,
  opts: { sheet?: string; rows?: number } = {},
): Promise<{ info: ReaderInfo; header: string[]; rows: ReadRow[] }> {
  const limit = opts.rows ?? 20
  const source = await openRowSource(path, { sheet: opts.sheet })
  const rows: ReadRow[] = []
  try {
    if (limit > 0) {
      for await (const row of source.rows) {
        rows.push(row)
        if (rows.length >= limit) break
      }
    }
  } finally {
    await source.close()
  }
  return { info: source.info, header: source.header, rows }
}
