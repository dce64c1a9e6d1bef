/**
 * The XLSX reader: exceljs's streaming WorkbookReader after the zip guard. Rows stream one at a time;
 * the workbook's shared-strings table is held in memory (that is how XLSX stores text).
 */
import { createReadStream, type ReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { Row, stream as ExcelStream } from 'exceljs'
import { CdpError } from '../../../../shared/api/errors'
import type { ReadRow, RowSource } from '../types'
import { throwIfAborted } from './file-bytes'
import { cleanHeader, findHeaderIndex, isBlankRecord, rowProblem } from './header'
import { limits } from './limits'
import { cellText } from './xlsx-values'
import { checkXlsxZip } from './xlsx-zip-guard'
import { ZipSource } from './xlsx-zip-source'

type WorkbookReader = InstanceType<typeof ExcelStream.xlsx.WorkbookReader>
type WorksheetReader = InstanceType<typeof ExcelStream.xlsx.WorksheetReader>

let excelStream: Promise<typeof ExcelStream> | undefined

/**
 * exceljs, loaded on the first XLSX: it takes about a quarter of a second of CPU to load, and every import
 * starts a parse worker that would otherwise pay it for CSV files too. The module is CommonJS: an ESM
 * import() sees it as `default`, a bundler's interop may expose it directly.
 */
function loadExcelStream(): Promise<typeof ExcelStream> {
  excelStream ??= import('exceljs').then((m: { stream?: typeof ExcelStream; default?: { stream: typeof ExcelStream } }) => {
    const s = m.stream ?? m.default?.stream
    if (!s) throw new Error('exceljs has no stream reader')
    return s
  })
  return excelStream
}

interface OpenWorkbook {
  input: ReadStream
  reader: WorkbookReader
  sheets: AsyncIterator<WorksheetReader>
  /** Stops reading: the file and the stream exceljs reads from. */
  close(): void
}

async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const excel = await loadExcelStream()
  const input = createReadStream(path, { highWaterMark: 256 * 1024 })
  const source = new ZipSource()
  input.on('error', (e) => source.destroy(e))
  input.pipe(source)
  const reader = new excel.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  const close = (): void => {
    input.destroy()
    source.destroy()
  }
  return { input, reader, sheets: reader[Symbol.asyncIterator](), close }
}

/** Sheet names in workbook order (read from the workbook part, which precedes the sheets' rows). */
export async function listXlsxSheets(path: string, fileName: string): Promise<string[]> {
  await checkXlsxZip(path, fileName)
  const book = await openWorkbook(path)
  const seen: string[] = []
  try {
    for (let next = await book.sheets.next(); !next.done; next = await book.sheets.next()) {
      const names = modelSheetNames(book.reader)
      if (names.length > 0) return names
      passOver(next.value)
      seen.push(sheetName(next.value))
    }
    return modelSheetNames(book.reader).length > 0 ? modelSheetNames(book.reader) : seen
  } catch (e) {
    throw asXlsxError(e, fileName)
  } finally {
    book.close()
  }
}

/** Opens one sheet (default: the first) as a RowSource. Throws InvalidInput for an unknown sheet name. */
export async function openXlsx(path: string, fileName: string, sheet: string | undefined, signal?: AbortSignal): Promise<RowSource> {
  await checkXlsxZip(path, fileName, signal)
  const book = await openWorkbook(path)
  let bytes = 0
  book.input.on('data', (chunk) => (bytes += chunk.length))
  try {
    const worksheet = await findSheet(book, sheet, fileName)
    const sheets = modelSheetNames(book.reader)
    const date1904 = isDate1904(book.reader)
    const rows = worksheetRows(worksheet, date1904)
    const { header, headerLine, buffered } = await readHeader(rows, fileName)
    const info = { format: 'xlsx' as const, sheets, sheet: sheetName(worksheet), headerLine }
    async function* dataRows(): AsyncGenerator<ReadRow> {
      let rowNumber = 0
      try {
        for await (const row of allRows(buffered, rows)) {
          throwIfAborted(signal)
          if (isBlankRecord(row.cells)) continue
          rowNumber++
          yield toReadRow(row.cells, header.length, rowNumber)
        }
      } catch (e) {
        throw asXlsxError(e, fileName)
      } finally {
        book.close()
      }
    }
    return { info, header, rows: dataRows(), bytesRead: () => bytes, close: async () => book.close() }
  } catch (e) {
    book.close()
    throw asXlsxError(e, fileName)
  }
}

interface SheetRow {
  number: number
  cells: string[]
}

/** Pads short rows (XLSX omits trailing empty cells); a longer row is a wrong column count. */
function toReadRow(cells: string[], width: number, rowNumber: number): ReadRow {
  while (cells.length < width) cells.push('')
  const error = rowProblem(cells, width)
  return error ? { rowNumber, cells, error } : { rowNumber, cells }
}

/** The first rows (up to limits.headerSampleRows non-blank) decide the header, as for CSV. */
async function readHeader(rows: AsyncIterator<SheetRow>, fileName: string) {
  const sample: SheetRow[] = []
  while (sample.filter((r) => !isBlankRecord(r.cells)).length < limits.headerSampleRows) {
    const next = await rows.next()
    if (next.done) break
    sample.push(next.value)
  }
  const index = findHeaderIndex(sample.map((r) => r.cells))
  const headerRow = sample[index]
  if (index < 0 || !headerRow) throw new CdpError('UnsupportedFile', `The sheet in ${fileName} is empty: there is no header row.`)
  return { header: cleanHeader(headerRow.cells), headerLine: headerRow.number, buffered: sample.slice(index + 1) }
}

/** The rows sampled for the header first, then the rest of the sheet. */
async function* allRows(buffered: SheetRow[], rows: AsyncIterator<SheetRow>): AsyncGenerator<SheetRow> {
  yield* buffered
  for (let next = await rows.next(); !next.done; next = await rows.next()) yield next.value
}

async function* worksheetRows(worksheet: WorksheetReader, date1904: boolean): AsyncGenerator<SheetRow> {
  for await (const row of worksheet) yield { number: row.number, cells: rowCells(row, date1904) }
}

function rowCells(row: Row, date1904: boolean): string[] {
  const cells: string[] = []
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = cellText(cell.value, cell.numFmt, date1904)
    if (text === '') return
    while (cells.length < column - 1) cells.push('')
    cells[column - 1] = text
  })
  return cells
}

async function findSheet(book: OpenWorkbook, wanted: string | undefined, fileName: string): Promise<WorksheetReader> {
  const seen: string[] = []
  for (let next = await book.sheets.next(); !next.done; next = await book.sheets.next()) {
    const name = sheetName(next.value)
    const target = wanted ?? modelSheetNames(book.reader)[0] ?? name
    if (name === target) return next.value
    passOver(next.value)
    seen.push(name)
  }
  const names = modelSheetNames(book.reader).length > 0 ? modelSheetNames(book.reader) : seen
  if (wanted === undefined) throw new CdpError('UnsupportedFile', `${fileName} has no worksheet to read.`)
  throw new CdpError('InvalidInput', `${fileName} has no sheet named "${wanted}". Its sheets are: ${names.map((n) => `"${n}"`).join(', ')}.`)
}

/**
 * Lets go of a sheet we will not read. exceljs spools a sheet that comes before the shared strings to a
 * temporary file, hands the sheet out with a read stream of that file already opening, and deletes the file
 * when asked for the next sheet: an unread sheet's open then failed now and then with ENOENT, an 'error'
 * nobody listened to, which kills the process. The stream (an untyped property) gets a listener and is closed.
 */
function passOver(worksheet: WorksheetReader): void {
  const stream: unknown = (worksheet as unknown as { iterator?: unknown }).iterator
  if (stream instanceof Readable) stream.on('error', () => {}).destroy()
}

// exceljs's stream reader keeps the sheet name and workbook model on untyped properties.
function sheetName(worksheet: WorksheetReader): string {
  const name: unknown = (worksheet as unknown as { name?: unknown }).name
  return typeof name === 'string' ? name : ''
}

function modelSheetNames(reader: WorkbookReader): string[] {
  const model: unknown = (reader as unknown as { model?: unknown }).model
  const sheets: unknown = typeof model === 'object' && model !== null ? (model as { sheets?: unknown }).sheets : undefined
  if (!Array.isArray(sheets)) return []
  return sheets.flatMap((s: unknown) => {
    const name = typeof s === 'object' && s !== null ? (s as { name?: unknown }).name : undefined
    return typeof name === 'string' ? [name] : []
  })
}

function isDate1904(reader: WorkbookReader): boolean {
  const properties: unknown = (reader as unknown as { properties?: unknown }).properties
  const model = typeof properties === 'object' && properties !== null ? (properties as { model?: unknown }).model : undefined
  return typeof model === 'object' && model !== null && (model as { date1904?: unknown }).date1904 === true
}

function asXlsxError(e: unknown, fileName: string): unknown {
  if (e instanceof CdpError) return e
  const message = e instanceof Error ? e.message : String(e)
  return new CdpError('UnsupportedFile', `${fileName} could not be read as XLSX (${message}); it may be damaged. Export it again.`)
}
