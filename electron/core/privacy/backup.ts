import { createHash, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { CdpError } from '../../../shared/api/errors'
import { openWorkspace, RawKey, type Workspace } from '../db'
import { deriveKey, keyFilePath, keyFileSchema, pendingKeyFilePath, type KeyFile } from '../db/key-file'
import { appendAudit } from './audit'

/**
 * Backup and restore as one encrypted file. The database copy is made with `VACUUM INTO`, SQLite's
 * consistent online snapshot, which SQLite3 Multiple Ciphers writes under the same cipher and key as the
 * workspace (better-sqlite3's `backup()` refuses an encrypted source with "incompatible source and target
 * databases": its target connection has no key, and a plaintext copy is exactly what must never be written).
 * The key file (salt and KDF parameters, no secret) travels in the same file, so the backup restores with
 * the passphrase that was current when it was made.
 *
 * Format: `TESSERA-BACKUP\n1\n`, 4-byte big-endian length, key file JSON, then the encrypted database.
 */
const MAGIC = Buffer.from('TESSERA-BACKUP\n1\n', 'latin1')

export interface BackupResult { file: string; bytes: number; sha256: string }
export interface RestoreResult { path: string; bytes: number; schemaVersion: number; replaced: boolean }

/** Writes a backup of the open workspace to `out` (temp name, then rename). Audited. Throws CdpError. */
export function backupWorkspace(ws: Workspace, out: string, actor: string): BackupResult {
  const file = resolve(out)
  if (file === resolve(ws.path)) throw new CdpError('InvalidInput', 'The backup must not overwrite the workspace itself.')
  const tag = randomBytes(6).toString('hex')
  const dbCopy = join(dirname(file), `.${basename(file)}.${tag}.db.partial`)
  const tmp = join(dirname(file), `.${basename(file)}.${tag}.partial`)
  try {
    ws.sqlite.prepare('VACUUM INTO ?').run(dbCopy)
    const keyFile = Buffer.from(JSON.stringify(keyFileSchema.parse(JSON.parse(readFileSync(keyFilePath(ws.path), 'utf8')))), 'utf8')
    const len = Buffer.alloc(4)
    len.writeUInt32BE(keyFile.length)
    const body = Buffer.concat([MAGIC, len, keyFile, readFileSync(dbCopy)])
    writeDurably(tmp, body)
    renameSync(tmp, file)
    const sha256 = createHash('sha256').update(body).digest('hex')
    appendAudit(ws.sqlite, { actor, action: 'backup.create', subject: null, details: { bytes: body.length, sha256 } })
    return { file, bytes: body.length, sha256 }
  } catch (e) {
    rmSync(tmp, { force: true })
    if (e instanceof CdpError) throw e
    throw new CdpError('Internal', `The backup could not be written to ${file}: ${e instanceof Error ? e.message : String(e)}`)
  } finally {
    rmSync(dbCopy, { force: true })
  }
}

/**
 * Restores `from` to the workspace path `target`. The copy is written beside the target, unlocked with
 * the passphrase and checked (`PRAGMA integrity_check`, migrated to the current schema) before anything of
 * the live workspace is touched; only then does it replace the workspace (pending key file first, so an
 * interrupted restore still opens). Throws CdpError: UnsupportedFile, WrongPassphrase, WorkspaceCorrupt.
 */
export function restoreWorkspace(target: string, from: string, passphrase: string, actor: string): RestoreResult {
  const path = resolve(target)
  const { keyFile, db } = readBackup(from)
  const key = deriveKey(passphrase, keyFile)
  const copy = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.restoring`)
  try {
    writeDurably(copy, db)
    const schemaVersion = verifyCopy(copy, key, actor, from)
    const replaced = existsSync(path)
    writeDurably(pendingKeyFilePath(path), Buffer.from(`${JSON.stringify(keyFile, null, 2)}\n`))
    // A stale WAL beside the old file would be replayed into the restored one, a hot journal rolled back into it.
    for (const f of [`${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true })
    renameSync(copy, path)
    renameSync(pendingKeyFilePath(path), keyFilePath(path))
    return { path, bytes: db.length, schemaVersion, replaced }
  } finally {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`, `${copy}-journal`]) rmSync(f, { force: true })
  }
}

function verifyCopy(copy: string, key: Buffer, actor: string, from: string): number {
  const ws = openWorkspace(copy, new RawKey(key))
  try {
    const check = ws.sqlite.pragma('integrity_check', { simple: true }) as string
    if (check !== 'ok') throw new CdpError('WorkspaceCorrupt', `The backup ${from} fails SQLite's integrity check (${check}); the workspace was left as it was.`)
    appendAudit(ws.sqlite, { actor, action: 'backup.restore', subject: null, details: { from: basename(from) } })
    return ws.sqlite.pragma('user_version', { simple: true }) as number
  } finally {
    ws.close()
  }
}

function readBackup(from: string): { keyFile: KeyFile; db: Buffer } {
  let buf: Buffer
  try {
    buf = readFileSync(from)
  } catch {
    throw new CdpError('NotFound', `Cannot read the backup file ${from}.`)
  }
  const bad = (): CdpError => new CdpError('UnsupportedFile', `${from} is not a Tessera backup (or it is damaged).`)
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw bad()
  const len = buf.readUInt32BE(MAGIC.length)
  const start = MAGIC.length + 4
  if (len > 64 * 1024 || start + len >= buf.length) throw bad()
  let keyFile: KeyFile
  try {
    keyFile = keyFileSchema.parse(JSON.parse(buf.subarray(start, start + len).toString('utf8')))
  } catch {
    throw bad()
  }
  return { keyFile, db: buf.subarray(start + len) }
}

function writeDurably(path: string, data: Buffer): void {
  const fd = openSync(path, 'w', 0o600)
  try {
    writeSync(fd, data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
