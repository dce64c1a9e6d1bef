import { scrypt } from 'node:crypto'
import { CdpError } from '../../../shared/api/errors'
import { keyFilePath } from '../db'
import { readKeyFile } from '../db/key-file'

/**
 * Derives a workspace key like `Passphrase.keyFor` (same salt, parameters and normalisation) but on libuv's
 * thread pool, so a half-second of scrypt never freezes the app's main thread while unlocking.
 * Throws CdpError: InvalidInput (empty passphrase), WorkspaceCorrupt (missing/invalid key file).
 */
export async function deriveKeyAsync(passphrase: string, dbPath: string): Promise<Buffer> {
  if (passphrase.length === 0) throw new CdpError('InvalidInput', 'The passphrase must not be empty.')
  const kf = readKeyFile(keyFilePath(dbPath))
  const N = 2 ** kf.log2N
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), Buffer.from(kf.salt, 'hex'), 32, { N, r: kf.r, p: kf.p, maxmem: 256 * N * kf.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}
