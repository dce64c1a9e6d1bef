import { randomBytes } from 'node:crypto'
import { createWriteStream, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { basename, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { CdpError } from '../../shared/api/errors'

/** Biggest file a browser may upload (exports of a few million rows fit easily). */
export const maxUploadBytes = 4 * 1024 ** 3

/** A file name safe to keep on disk: base name only, no control or path characters, bounded length. */
export function safeUploadName(name: string | null): string {
  const base = basename((name ?? '').replace(/\\/g, '/'))
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '').slice(0, 120)
  return cleaned.length > 0 ? cleaned : 'upload'
}

/**
 * Streams a request body (a file the analyst dropped or picked in the browser, which has no path) into the
 * bridge's private upload folder and returns the file's path there. The folder is created 0700 and removed
 * when the bridge stops. Throws CdpError('InvalidInput') when the file is larger than `maxUploadBytes`.
 */
export async function receiveUpload(req: IncomingMessage, dir: string, name: string | null): Promise<string> {
  const path = join(dir, `${randomBytes(6).toString('hex')}-${safeUploadName(name)}`)
  let size = 0
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > maxUploadBytes) done(new CdpError('InvalidInput', 'The file is larger than 4 GiB; split it or import it with the cdp command.'))
      else done(null, chunk)
    },
  })
  try {
    await pipeline(req, limit, createWriteStream(path, { mode: 0o600 }))
  } catch (e) {
    rmSync(path, { force: true })
    throw e
  }
  return path
}
