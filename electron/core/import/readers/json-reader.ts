/**
 * JSON array and NDJSON readers, streaming in two passes over the file:
 *  1. collect the header: the union of flattened keys, in order of first appearance;
 *  2. stream the rows aligned with that header.
 * Two passes cost a second parse but keep memory at one record plus the key set, and a key that first
 * appears in the last record still gets its column (a sample-only header would lose that data).
 * A syntax error in a JSON array fails pass 1, before any row is handed out (nothing half-imported);
 * a bad NDJSON line only puts that line in quarantine.
 */
import { Readable } from 'node:stream'
import streamJson from 'stream-json'
import { CdpError } from '../../../../shared/api/errors'
import type { ReadRow, RowSource } from '../types'
import { openBytes, readHead, throwIfAborted, type ByteSource } from './file-bytes'
import { cleanHeader, rowProblem } from './header'
import { flattenLine, TokenFlattener, type JsonRecord, type JsonToken } from './json-flatten'
import { limits } from './limits'
import { createDecoder, detectEncoding } from './text-decoding'

type JsonFormat = 'json' | 'ndjson'

/** Opens a JSON array or NDJSON file. Throws UnsupportedFile when it is malformed or holds no records. */
export async function openJson(path: string, fileName: string, format: JsonFormat, signal?: AbortSignal): Promise<RowSource> {
  const guess = detectEncoding(await readHead(path, limits.sniffBytes))
  const keys = new Set<string>()
  let records = 0
  const firstPass = openBytes(path, guess.bomLength, signal)
  try {
    for await (const record of jsonRecords(firstPass, guess.encoding, format, fileName)) {
      records++
      if (record.fields) for (const key of record.fields.keys()) keys.add(key)
      if (keys.size > limits.maxColumns) break
    }
  } finally {
    firstPass.close()
  }
  if (records === 0) throw new CdpError('UnsupportedFile', `${fileName} holds no records.`)
  const header = cleanHeader([...keys])
  const bytes = openBytes(path, guess.bomLength, signal)
  const info = { format, encoding: guess.encoding === 'utf-8' ? 'utf-8' : guess.encoding }
  async function* rows(): AsyncGenerator<ReadRow> {
    let rowNumber = 0
    const names = [...keys]
    try {
      for await (const record of jsonRecords(bytes, guess.encoding, format, fileName)) {
        throwIfAborted(signal)
        rowNumber++
        yield toRow(record, names, rowNumber)
      }
    } finally {
      bytes.close()
    }
  }
  return { info, header, rows: rows(), bytesRead: () => bytes.bytesRead(), close: async () => bytes.close() }
}

function toRow(record: JsonRecord, names: string[], rowNumber: number): ReadRow {
  if (!record.fields) return { rowNumber, cells: names.map(() => ''), error: record.error }
  const fields = record.fields
  const cells = names.map((name) => fields.get(name) ?? '')
  const error = rowProblem(cells, names.length)
  return error ? { rowNumber, cells, error } : { rowNumber, cells }
}

async function* decodedText(bytes: ByteSource, encoding: ReturnType<typeof detectEncoding>['encoding']): AsyncGenerator<string> {
  const decoder = createDecoder(encoding)
  let first = true
  for await (const chunk of bytes.chunks) {
    let text = decoder.write(chunk)
    if (first && text) [text, first] = [text.replace(/^\ufeff/, ''), false]
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

function jsonRecords(bytes: ByteSource, encoding: ReturnType<typeof detectEncoding>['encoding'], format: JsonFormat, fileName: string) {
  const text = decodedText(bytes, encoding)
  return format === 'ndjson' ? ndjsonRecords(text) : arrayRecords(text, fileName)
}

async function* arrayRecords(text: AsyncIterable<string>, fileName: string): AsyncGenerator<JsonRecord> {
  const source = Readable.from(text)
  const tokens = source.pipe(streamJson.parser({ packValues: true, streamValues: false }))
  // pipe() does not forward errors: a read error must reach the loop below, not go unhandled.
  source.on('error', (e) => tokens.destroy(e))
  const flattener = new TokenFlattener()
  try {
    for await (const token of tokens) {
      const record = flattener.push(token as JsonToken)
      if (record) yield record
    }
  } catch (e) {
    if (e instanceof CdpError) throw e
    const reason = e instanceof Error ? e.message.replace(/^Parser cannot parse input: /, '') : String(e)
    throw new CdpError('UnsupportedFile', `${fileName} is not valid JSON (${reason}); it may be truncated or damaged.`)
  } finally {
    source.destroy()
    tokens.destroy()
  }
}

/** One record per non-blank line; a line longer than limits.maxRecordChars aborts (it is not NDJSON). */
async function* ndjsonRecords(text: AsyncIterable<string>): AsyncGenerator<JsonRecord> {
  let pending = ''
  for await (const chunk of text) {
    pending += chunk
    let start = 0
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      const line = pending.slice(start, end).trim()
      start = end + 1
      if (line) yield flattenLine(line)
    }
    pending = pending.slice(start)
    if (pending.length > limits.maxRecordChars) {
      throw new CdpError('UnsupportedFile', `A line is longer than ${limits.maxRecordChars / 1024 / 1024} MB: this is not NDJSON.`)
    }
  }
  if (pending.trim()) yield flattenLine(pending.trim())
}
