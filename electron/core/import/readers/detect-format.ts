/**
 * Decides what a file is from its content first and its extension second: a binary file named .csv is
 * refused with a message that says what it looks like, an .xlsx renamed to .csv is still read as XLSX.
 */
import { extname } from 'node:path'
import { CdpError } from '../../../../shared/api/errors'
import type { FileFormat } from '../types'
import { detectEncoding, createDecoder } from './text-decoding'

const signatures: { bytes: number[]; what: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'a legacy Excel 97–2003 (.xls) or other Office file: save it as .xlsx or CSV' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive: unpack it first' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF binary)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
]

const zipMagic = [0x50, 0x4b, 0x03, 0x04]
const emptyZipMagic = [0x50, 0x4b, 0x05, 0x06]

const startsWith = (head: Buffer, bytes: number[]): boolean => bytes.every((b, i) => head[i] === b)

/**
 * The format of the file at `path`, from its first bytes (`head`) and its name.
 * Throws CdpError('UnsupportedFile') for an empty file, a known binary format or bytes that are not text.
 */
export function detectFormat(path: string, head: Buffer, requested?: FileFormat): FileFormat {
  const name = path.split(/[\\/]/).pop() ?? path
  if (head.length === 0) throw new CdpError('UnsupportedFile', `${name} is empty: there is nothing to import.`)
  if (startsWith(head, zipMagic) || startsWith(head, emptyZipMagic)) {
    if (requested !== undefined && requested !== 'xlsx') {
      throw new CdpError('UnsupportedFile', `${name} is a zip archive (like .xlsx), not ${requested.toUpperCase()}.`)
    }
    return 'xlsx'
  }
  for (const { bytes, what } of signatures) {
    if (startsWith(head, bytes)) throw new CdpError('UnsupportedFile', `${name} is ${what}, not a data export Tessera can read.`)
  }
  if (requested === 'xlsx' || extname(name).toLowerCase() === '.xlsx') {
    throw new CdpError('UnsupportedFile', `${name} is not a valid XLSX file (it is not a zip archive); it may be damaged or mis-named.`)
  }
  if (looksBinary(head)) {
    throw new CdpError('UnsupportedFile', `${name} does not contain text (it looks like binary data), so it cannot be read as CSV or JSON.`)
  }
  return requested ?? textFormat(name, head)
}

/** JSON array ('[') or NDJSON ('{' per line) by the first non-blank character, else CSV. */
function textFormat(name: string, head: Buffer): FileFormat {
  const ext = extname(name).toLowerCase()
  const guess = detectEncoding(head)
  const decoder = createDecoder(guess.encoding)
  const text = decoder.write(head.subarray(guess.bomLength, Math.min(head.length, 4096))).replace(/^\ufeff/, '')
  const first = text.trimStart()[0]
  if (first === '[') return 'json'
  if (first === '{') return ext === '.json' && !looksLikeNdjson(text, head.length > 4096) ? 'json' : 'ndjson'
  return 'csv'
}

/**
 * NDJSON has a complete object on each line; a pretty-printed or single-line JSON document does not
 * have two. `cut` says the sample stops mid-file (then one complete line followed by more is enough).
 */
function looksLikeNdjson(text: string, cut: boolean): boolean {
  const lines = text.trim().split('\n').map((line) => line.trim()).filter(Boolean)
  const complete = lines.filter((line) => line.startsWith('{') && line.endsWith('}')).length
  return complete >= 2 || (complete === 1 && cut && lines.length > 1)
}

/**
 * Text has few control characters; binary data has many. UTF-16 is text with NUL in every other byte,
 * so it is recognised before this test. A CSV with a few stray NUL bytes stays text (its rows are flagged).
 */
function looksBinary(head: Buffer): boolean {
  const { encoding } = detectEncoding(head)
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false
  const sample = head.subarray(0, Math.min(head.length, 8192))
  let control = 0
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  return control > sample.length * 0.1
}
