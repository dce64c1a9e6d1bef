/**
 * Text encodings of CSV/JSON exports: BOMs, UTF-16 with or without BOM, UTF-8, Windows-1252/Latin-1,
 * and files that mix UTF-8 and Windows-1252 (rows pasted from different tools).
 *
 * 8-bit files are decoded by one hybrid decoder: valid UTF-8 sequences as UTF-8, every byte that is not
 * part of one as Windows-1252 (via iconv-lite's table). Pure UTF-8 and pure Windows-1252 files decode
 * exactly; a mixed file decodes correctly row by row instead of turning half of it into mojibake. The
 * only ambiguity is Windows-1252 text that happens to form valid UTF-8 (e.g. "Ã©"), which real data
 * almost never does.
 */
import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** What the head of the file says about its encoding. */
export interface EncodingGuess {
  encoding: TextEncoding
  /** Bytes of byte-order mark to skip. */
  bomLength: number
}

/** Detects the encoding from the first bytes of the file (BOM, NUL pattern, UTF-8 validity). */
export function detectEncoding(head: Buffer): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  const utf16 = utf16WithoutBom(head)
  if (utf16) return { encoding: utf16, bomLength: 0 }
  return { encoding: isUtf8(head.subarray(0, completeUtf8End(head))) ? 'utf-8' : 'windows-1252', bomLength: 0 }
}

/** UTF-16 text without a BOM is ASCII-heavy: one byte of each pair is almost always NUL. */
function utf16WithoutBom(head: Buffer): TextEncoding | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2)
  if (pairs < 4) return undefined
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZero++
    if (head[i + 1] === 0) oddZero++
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be'
  return undefined
}

/** Turns byte chunks into text; `end()` flushes a sequence cut at the last chunk. */
export interface TextDecoderLike {
  write(chunk: Buffer): string
  end(): string
  /** What was actually seen so far: 'utf-8', 'windows-1252', 'utf-8+windows-1252' (mixed), 'utf-16le'… */
  label(): string
}

/** A streaming decoder for the detected encoding. */
export function createDecoder(encoding: TextEncoding): TextDecoderLike {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const decoder = iconv.getDecoder(encoding, { stripBOM: false })
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '', label: () => encoding }
  }
  return new HybridUtf8Decoder(encoding)
}

/** Windows-1252 for each byte ≥ 0x80; its 5 undefined bytes fall back to Latin-1 (same code point). */
const cp1252: string[] = Array.from({ length: 128 }, (_, i) => {
  const char = iconv.decode(Buffer.from([0x80 + i]), 'windows-1252')
  return char === '\ufffd' ? String.fromCharCode(0x80 + i) : char
})

class HybridUtf8Decoder implements TextDecoderLike {
  private carry: Buffer = Buffer.alloc(0)
  private sawUtf8 = false
  private sawFallback = false

  constructor(private readonly detected: TextEncoding) {
    this.sawFallback = detected === 'windows-1252'
  }

  write(chunk: Buffer): string {
    const buffer = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk
    const end = completeUtf8End(buffer)
    this.carry = Buffer.from(buffer.subarray(end))
    return this.decode(buffer.subarray(0, end))
  }

  end(): string {
    const rest = this.carry
    this.carry = Buffer.alloc(0)
    return rest.length > 0 ? this.decodeMixed(rest) : ''
  }

  label(): string {
    if (this.sawFallback && this.sawUtf8) return 'utf-8+windows-1252'
    return this.sawFallback ? 'windows-1252' : 'utf-8'
  }

  private decode(bytes: Buffer): string {
    if (isUtf8(bytes)) {
      const text = bytes.toString('utf8')
      if (text.length !== bytes.length) this.sawUtf8 = true
      return text
    }
    return this.decodeMixed(bytes)
  }

  /** Slow path, only for chunks that are not valid UTF-8: walk sequences, map stray bytes. */
  private decodeMixed(bytes: Buffer): string {
    let out = ''
    let runStart = 0
    let i = 0
    while (i < bytes.length) {
      const byte = bytes[i] as number
      if (byte < 0x80) {
        i++
        continue
      }
      const length = utf8SequenceLength(bytes, i)
      if (length > 0) {
        this.sawUtf8 = true
        i += length
        continue
      }
      this.sawFallback = true
      out += bytes.toString('utf8', runStart, i) + cp1252[byte - 0x80]
      i++
      runStart = i
    }
    return out + bytes.toString('utf8', runStart, bytes.length)
  }
}

/** Length of the valid UTF-8 sequence starting at `i` (2–4), or 0 when the bytes there are not one. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number
  const inRange = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k]
    return b !== undefined && b >= lo && b <= hi
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) return inRange(1) ? 2 : 0
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80
    const hi = b0 === 0xed ? 0x9f : 0xbf
    return inRange(1, lo, hi) && inRange(2) ? 3 : 0
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80
    const hi = b0 === 0xf4 ? 0x8f : 0xbf
    return inRange(1, lo, hi) && inRange(2) && inRange(3) ? 4 : 0
  }
  return 0
}

/**
 * Where the last complete UTF-8 sequence ends: a lead byte in the last 3 bytes whose sequence runs past
 * the end is held back for the next chunk (it may be completed there).
 */
export function completeUtf8End(bytes: Uint8Array): number {
  const n = bytes.length
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back] as number
    if (b < 0x80) return n
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? n - back : n
    }
  }
  return n
}
