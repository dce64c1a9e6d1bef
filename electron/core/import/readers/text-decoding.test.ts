import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { completeUtf8End, createDecoder, detectEncoding } from './text-decoding'

const decodeInPieces = (bytes: Buffer, encoding: Parameters<typeof createDecoder>[0], size: number) => {
  const decoder = createDecoder(encoding)
  let text = ''
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size))
  return { text: text + decoder.end(), label: decoder.label() }
}

describe('encoding detection', () => {
  it.each([
    [Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8', 3],
    [Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'utf-16le', 2],
    [Buffer.from([0xfe, 0xff, 0x00, 0x61]), 'utf-16be', 2],
    [iconv.encode('id,name\n1,Ann\n', 'utf-16le'), 'utf-16le', 0],
    [iconv.encode('id,name\n1,Ann\n', 'utf-16be'), 'utf-16be', 0],
    [Buffer.from('id,name\n1,José\n'), 'utf-8', 0],
    [iconv.encode('id,name\n1,José\n', 'windows-1252'), 'windows-1252', 0],
  ])('%#: %s', (bytes, encoding, bomLength) => {
    expect(detectEncoding(bytes)).toEqual({ encoding, bomLength })
  })

  it('holds back a sequence cut at the end of a chunk', () => {
    const bytes = Buffer.from('aé€😀')
    expect([1, 2, 3, 4, 5, 6].map((n) => completeUtf8End(bytes.subarray(0, n)))).toEqual([1, 1, 3, 3, 3, 6])
  })
})

describe('hybrid UTF-8 / Windows-1252 decoder', () => {
  const utf8 = Buffer.from('José Zoë 😀 Malmö\n')
  const cp1252 = iconv.encode('Renée — Œuvre €\n', 'windows-1252')
  const text = 'José Zoë 😀 Malmö\nRenée — Œuvre €\n'

  it.each([1, 2, 3, 5, 64])('decodes a mixed file split every %i bytes', (size) => {
    expect(decodeInPieces(Buffer.concat([utf8, cp1252]), 'utf-8', size)).toEqual({ text, label: 'utf-8+windows-1252' })
  })

  it.each([
    [utf8, 'utf-8', 'utf-8'],
    [cp1252, 'windows-1252', 'windows-1252'],
  ] as const)('labels a pure file %#', (bytes, encoding, label) => {
    expect(decodeInPieces(bytes, encoding, 7).label).toBe(label)
  })

  it('a dangling lead byte at the very end is decoded as Windows-1252', () => {
    expect(decodeInPieces(Buffer.from([0x61, 0xe9]), 'utf-8', 1).text).toBe('aé')
  })
})
