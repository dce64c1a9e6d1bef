/**
 * The delimited-text reader: head → encoding + dialect + header, then a streaming pass
 * bytes → text (decoder) → records (papaparse) → rows. Memory is one chunk plus one record.
 */
import { CdpError } from '../../../../shared/api/errors'
import type { ReadRow, RowSource } from '../types'
import { csvRecords, type CsvRecord } from './csv-records'
import { sniffDialect, type SniffResult } from './csv-dialect'
import { openBytes, readHead, throwIfAborted } from './file-bytes'
import { cleanHeader, isBlankRecord, rowProblem } from './header'
import { limits } from './limits'
import { createDecoder, detectEncoding, type EncodingGuess, type TextDecoderLike } from './text-decoding'

/** Opens a CSV/TSV/semicolon/pipe file as a RowSource. Throws CdpError('UnsupportedFile') when it has no header. */
export async function openCsv(path: string, fileName: string, signal?: AbortSignal): Promise<RowSource> {
  const { guess, sniff } = await sniffFile(path)
  const decoder = createDecoder(guess.encoding)
  const bytes = openBytes(path, guess.bomLength, signal)
  const records = csvRecords(decodeChunks(bytes.chunks, decoder), sniff.dialect)[Symbol.asyncIterator]()
  try {
    const header = await readHeader(records, sniff, fileName)
    const info = {
      format: 'csv' as const,
      encoding: decoder.label(),
      // ', ' (FEBRL) is reported as ','; the space is how it is read, not what separates the columns.
      delimiter: sniff.dialect.delimiter.charAt(0),
      headerLine: sniff.headerLine,
    }
    async function* rows(): AsyncGenerator<ReadRow> {
      try {
        yield* dataRows(records, header.length, signal)
      } finally {
        info.encoding = decoder.label()
        bytes.close()
      }
    }
    return { info, header, rows: rows(), bytesRead: () => bytes.bytesRead(), close: async () => bytes.close() }
  } catch (e) {
    bytes.close()
    throw e
  }
}

/** Reads a growing head until it holds a couple of complete records (long headers need more than 64 KB). */
async function sniffFile(path: string): Promise<{ guess: EncodingGuess; sniff: SniffResult }> {
  for (let size = limits.sniffBytes; ; size *= 2) {
    const head = await readHead(path, size)
    const guess = detectEncoding(head)
    const complete = head.length < size
    const decoder = createDecoder(guess.encoding)
    const text = (decoder.write(head.subarray(guess.bomLength)) + (complete ? decoder.end() : '')).replace(/^\ufeff/, '')
    const sniff = sniffDialect(text, complete)
    if (complete || sniff.completeRecords >= 2 || size >= limits.maxSniffBytes) return { guess, sniff }
  }
}

async function* decodeChunks(chunks: AsyncIterable<Buffer>, decoder: TextDecoderLike): AsyncGenerator<string> {
  let first = true
  for await (const chunk of chunks) {
    let text = decoder.write(chunk)
    if (first && text.length > 0) {
      text = text.replace(/^\ufeff/, '')
      first = false
    }
    if (text.length > 0) yield text
  }
  const rest = decoder.end()
  if (rest.length > 0) yield rest
}

/** Skips the lines above the header (titles, blanks) and returns the cleaned header. */
async function readHeader(records: AsyncIterator<CsvRecord>, sniff: SniffResult, fileName: string): Promise<string[]> {
  for (let i = 0; ; i++) {
    const next = await records.next()
    if (next.done) throw new CdpError('UnsupportedFile', `${fileName} has no header line: it is empty or blank.`)
    if (i < sniff.headerIndex || isBlankRecord(next.value.cells)) continue
    return cleanHeader(next.value.cells)
  }
}

async function* dataRows(records: AsyncIterator<CsvRecord>, width: number, signal?: AbortSignal): AsyncGenerator<ReadRow> {
  let rowNumber = 0
  for (let next = await records.next(); !next.done; next = await records.next()) {
    throwIfAborted(signal)
    const { cells, quoteError } = next.value
    if (isBlankRecord(cells)) continue
    rowNumber++
    const found = rowProblem(cells, width)
    const problem = quoteError && found ? `${quoteError}; ${found}` : quoteError || found
    yield problem ? { rowNumber, cells, error: problem } : { rowNumber, cells }
  }
}
