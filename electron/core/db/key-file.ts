import { randomBytes, scryptSync } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync, fsyncSync, openSync, closeSync, rmSync } from 'node:fs'
import { z } from 'zod'
import { CdpError } from '../../../shared/api/errors'

/**
 * The key file sits beside the workspace (`<file>.key.json`). It holds no secret: only the KDF's
 * parameters and the per-workspace random salt, so the same passphrase gives a different key in every
 * workspace and a stolen file cannot be attacked with a precomputed table.
 */
export const keyFileSchema = z.object({
  format: z.literal('tessera-key'),
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  /** scrypt cost parameters; N = 2^log2N. */
  log2N: z.number().int().min(10).max(22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[0-9a-f]{32,128}$/),
  cipher: z.enum(['aegis', 'sqlcipher']),
})
export type KeyFile = z.infer<typeof keyFileSchema>

/**
 * The page cipher a workspace is encrypted with (SQLite3 Multiple Ciphers' scheme name), recorded in its key
 * file for anyone who has to open it with other tools. New workspaces use AEGIS-256: authenticated encryption
 * on the CPU's AES instructions, about a quarter of the CPU per page of SQLCipher 4 (AES-CBC and HMAC-SHA512),
 * which every import, resolution and checkpoint pays on each page it writes. Workspaces made before keep
 * SQLCipher's scheme until their passphrase is next changed, which re-encrypts them under AEGIS.
 */
export type WorkspaceCipher = KeyFile['cipher']
export const currentCipher: WorkspaceCipher = 'aegis'

/** Memory-hard defaults: 2^17 × 8 × 128 B = 128 MiB, about half a second on a laptop core. */
export const defaultKdf = { log2N: 17, r: 8, p: 1 } as const
export type KdfParams = { log2N: number; r: number; p: number }

export const keyFilePath = (dbPath: string): string => `${dbPath}.key.json`
/** A key file written for a passphrase change that may not have finished (see rekey). */
export const pendingKeyFilePath = (dbPath: string): string => `${dbPath}.key.next.json`

export function newKeyFile(kdf: KdfParams = defaultKdf): KeyFile {
  return { format: 'tessera-key', version: 1, kdf: 'scrypt', ...kdf, salt: randomBytes(16).toString('hex'), cipher: currentCipher }
}

/** Derives the 256-bit database key. Pure CPU + memory; never touches the workspace. */
export function deriveKey(passphrase: string, keyFile: KeyFile): Buffer {
  if (passphrase.length === 0) throw new CdpError('InvalidInput', 'The passphrase must not be empty.')
  const N = 2 ** keyFile.log2N
  return scryptSync(passphrase.normalize('NFKC'), Buffer.from(keyFile.salt, 'hex'), 32, {
    N,
    r: keyFile.r,
    p: keyFile.p,
    maxmem: 256 * N * keyFile.r + 1024 * 1024,
  })
}

export function readKeyFile(path: string): KeyFile {
  if (!existsSync(path)) {
    throw new CdpError('WorkspaceCorrupt', `The workspace key file ${path} is missing; without it the workspace cannot be unlocked.`)
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new CdpError('WorkspaceCorrupt', `The workspace key file ${path} is not valid.`)
  return parsed.data
}

/** Writes durably: temp file, fsync, rename. A crash leaves the old file or the new one, never half of one. */
export function writeKeyFile(path: string, keyFile: KeyFile): void {
  const tmp = `${path}.tmp`
  writeFileSync(tmp, `${JSON.stringify(keyFile, null, 2)}\n`, { mode: 0o600 })
  const fd = openSync(tmp, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
}

export function removeIfExists(path: string): void {
  rmSync(path, { force: true })
}
