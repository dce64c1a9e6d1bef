/**
 * Checks an XLSX (a zip archive) before exceljs reads it, so a hostile or broken file gets a clear error
 * instead of a hang, a crash or gigabytes of inflated XML:
 *  - the central directory must be present and inside the file (a truncated download loses it first);
 *  - declared sizes must stay under limits.maxInflatedBytes and limits.maxCompressionRatio;
 *  - every entry is then inflated once, streaming and discarding the output, counting the real bytes:
 *    an entry that inflates past its declared size (a lying header) or past the limits is a zip bomb.
 * Reading from the central directory is not an XLSX parser: it is the part of the zip format that says
 * how big things will get, which exceljs does not check.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import { CdpError } from '../../../../shared/api/errors'
import { limits } from './limits'

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

const eocdSignature = 0x06054b50
const centralSignature = 0x02014b50
const localSignature = 0x04034b50

/** Throws CdpError('UnsupportedFile') when the file is truncated, damaged, not a workbook, or a zip bomb. */
export async function checkXlsxZip(path: string, fileName: string, signal?: AbortSignal): Promise<void> {
  const handle = await open(path, 'r')
  let entries: ZipEntry[]
  try {
    const { size } = await handle.stat()
    entries = await readCentralDirectory(handle, size, fileName)
    checkDeclaredSizes(entries, fileName)
    for (const entry of entries) entry.localHeaderOffset = await dataOffset(handle, entry, size, fileName)
  } finally {
    await handle.close()
  }
  let total = 0
  for (const entry of entries) {
    if (signal?.aborted) throw new CdpError('Cancelled', 'Reading the file was cancelled.')
    total += await inflatedSize(path, entry, fileName, limits.maxInflatedBytes - total)
  }
}

const damaged = (fileName: string, why: string): CdpError =>
  new CdpError('UnsupportedFile', `${fileName} is not a complete XLSX file (${why}): it may be truncated or damaged. Export it again.`)

const bomb = (fileName: string, why: string): CdpError =>
  new CdpError('UnsupportedFile', `${fileName} was refused as a possible zip bomb: ${why}. Tessera will not unpack it.`)

type Handle = Awaited<ReturnType<typeof open>>

async function readCentralDirectory(handle: Handle, size: number, fileName: string): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, 65_557)
  const tail = Buffer.alloc(tailLength)
  await handle.read(tail, 0, tailLength, size - tailLength)
  let eocd = -1
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === eocdSignature) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw damaged(fileName, 'the zip directory at its end is missing')
  const count = tail.readUInt16LE(eocd + 10)
  const dirSize = tail.readUInt32LE(eocd + 12)
  const dirOffset = tail.readUInt32LE(eocd + 16)
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw new CdpError('UnsupportedFile', `${fileName} uses the ZIP64 format (over 4 GB), which Tessera does not read. Export to CSV instead.`)
  }
  if (dirOffset + dirSize > size) throw damaged(fileName, 'the zip directory points past the end of the file')
  const dir = Buffer.alloc(dirSize)
  await handle.read(dir, 0, dirSize, dirOffset)
  const entries = parseCentralDirectory(dir, count, fileName)
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new CdpError('UnsupportedFile', `${fileName} is a zip archive but not an Excel workbook (.xlsx).`)
  }
  return entries
}

function parseCentralDirectory(dir: Buffer, count: number, fileName: string): ZipEntry[] {
  const entries: ZipEntry[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== centralSignature) throw damaged(fileName, 'its zip directory is corrupt')
    const nameLength = dir.readUInt16LE(at + 28)
    entries.push({
      method: dir.readUInt16LE(at + 10),
      compressedSize: dir.readUInt32LE(at + 20),
      size: dir.readUInt32LE(at + 24),
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      localHeaderOffset: dir.readUInt32LE(at + 42),
    })
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32)
  }
  return entries
}

function checkDeclaredSizes(entries: ZipEntry[], fileName: string): void {
  let total = 0
  for (const entry of entries) {
    total += entry.size
    if (total > limits.maxInflatedBytes) {
      throw bomb(fileName, `it declares more than ${limits.maxInflatedBytes / 1024 ** 3} GB of content`)
    }
    checkRatio(entry.name, entry.size, entry.compressedSize, fileName)
  }
}

function checkRatio(name: string, inflated: number, compressed: number, fileName: string): void {
  if (inflated > limits.minRatioCheckBytes && inflated > Math.max(compressed, 1) * limits.maxCompressionRatio) {
    throw bomb(fileName, `${name} expands more than ${limits.maxCompressionRatio} times`)
  }
}

/** Where the entry's compressed data starts (after its local header); checks it lies inside the file. */
async function dataOffset(handle: Handle, entry: ZipEntry, size: number, fileName: string): Promise<number> {
  const header = Buffer.alloc(30)
  const { bytesRead } = await handle.read(header, 0, 30, entry.localHeaderOffset)
  if (bytesRead < 30 || header.readUInt32LE(0) !== localSignature) throw damaged(fileName, `the entry ${entry.name} is missing`)
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (start + entry.compressedSize > size) throw damaged(fileName, `the entry ${entry.name} is cut short`)
  return start
}

/** Inflates one entry to nowhere, counting; stops as soon as it exceeds what it declared or `budget`. */
async function inflatedSize(path: string, entry: ZipEntry, fileName: string, budget: number): Promise<number> {
  if (entry.method === 0 || entry.compressedSize === 0) return entry.compressedSize
  if (entry.method !== 8) throw new CdpError('UnsupportedFile', `${fileName} uses a zip compression method Tessera cannot read.`)
  const input = createReadStream(path, { start: entry.localHeaderOffset, end: entry.localHeaderOffset + entry.compressedSize - 1 })
  const inflater = createInflateRaw()
  input.pipe(inflater)
  let inflated = 0
  try {
    for await (const chunk of inflater) {
      inflated += (chunk as Buffer).length
      if (inflated > entry.size) throw bomb(fileName, `${entry.name} inflates beyond the size it declares`)
      if (inflated > budget) throw bomb(fileName, `it inflates to more than ${limits.maxInflatedBytes / 1024 ** 3} GB`)
    }
  } catch (e) {
    if (e instanceof CdpError) throw e
    throw damaged(fileName, `the entry ${entry.name} does not decompress`)
  } finally {
    input.destroy()
    inflater.destroy()
  }
  if (inflated !== entry.size) throw damaged(fileName, `the entry ${entry.name} is shorter than declared`)
  return inflated
}
