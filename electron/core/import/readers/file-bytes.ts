/**
 * Byte-level access to an input file: the head (for sniffing), a counted chunk stream, the SHA-256.
 * Everything streams; nothing here holds more than one chunk (or the sniff window) in memory.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { CdpError } from '../../../../shared/api/errors'
import { chunkBytes } from './limits'

/** Reads at most `max` bytes from the start of the file; fewer when the file is shorter. */
export async function readHead(path: string, max: number): Promise<Buffer> {
  const handle = await openOrThrow(path)
  try {
    const buffer = Buffer.alloc(max)
    const { bytesRead } = await handle.read(buffer, 0, max, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** File size in bytes; a missing path or a directory is a clear NotFound/UnsupportedFile. */
export async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new CdpError('UnsupportedFile', `${path} is not a file.`)
    return info.size
  } catch (e) {
    throw asFileError(e, path)
  }
}

/** A chunk stream over the file from `start`, counting the bytes handed out (for progress). */
export interface ByteSource {
  chunks: AsyncIterable<Buffer>
  bytesRead(): number
  close(): void
}

/** Opens a counted byte stream; `signal` aborts it with a Cancelled CdpError between chunks. */
export function openBytes(path: string, start: number, signal?: AbortSignal): ByteSource {
  const stream = createReadStream(path, { start, highWaterMark: chunkBytes })
  let count = start
  let closed = false
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of stream) {
        throwIfAborted(signal)
        const buffer = chunk as Buffer
        count += buffer.length
        yield buffer
      }
    } catch (e) {
      // Closed on purpose (the consumer stopped early): the stream's premature-close is not an error.
      if (closed) return
      throw asFileError(e, path)
    } finally {
      stream.destroy()
    }
  }
  const close = (): void => {
    closed = true
    stream.destroy()
  }
  return { chunks: chunks(), bytesRead: () => count, close }
}

/** SHA-256 of the file as lowercase hex, streamed in chunks (constant memory). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  const source = openBytes(path, 0)
  for await (const chunk of source.chunks) hash.update(chunk)
  return hash.digest('hex')
}

/** Cancellation is a CdpError so every shell reports it the same way. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CdpError('Cancelled', 'Reading the file was cancelled.')
}

async function openOrThrow(path: string) {
  try {
    return await open(path, 'r')
  } catch (e) {
    throw asFileError(e, path)
  }
}

/** Maps fs errors to codes a person can act on; CdpErrors pass through. */
function asFileError(e: unknown, path: string): unknown {
  if (e instanceof CdpError) return e
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
  if (code === 'ENOENT') return new CdpError('NotFound', `File not found: ${path}`)
  if (code === 'EISDIR') return new CdpError('UnsupportedFile', `${path} is a folder, not a file.`)
  if (code === 'EACCES' || code === 'EPERM') return new CdpError('UnsupportedFile', `No permission to read ${path}.`)
  return e
}
