import Sqlite, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { existsSync, openSync, readSync, closeSync, renameSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { CdpError } from '../../../shared/api/errors'
import {
  type KdfParams, type WorkspaceCipher, currentCipher, defaultKdf, deriveKey, keyFilePath, newKeyFile, pendingKeyFilePath, removeIfExists,
  writeKeyFile,
} from './key-file'
import { BUSY_TIMEOUT_MS, isSqliteBusy, workspaceBusy } from './busy'
import type { KeySource } from './key-source'
import { migrate, schemaVersion } from './migrate'
import type { Database } from './schema'

/** An open, unlocked workspace. One writer connection; Kysely for queries, the raw handle for bulk loops. */
export interface Workspace {
  readonly path: string
  readonly sqlite: SqliteDatabase
  readonly db: Kysely<Database>
  close(): void
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

export interface CreateWorkspaceOptions {
  /** scrypt parameters; the default is memory-hard (128 MiB). Tests may pass cheaper ones. */
  kdf?: KdfParams
}

/**
 * Creates a new encrypted workspace file at `path` with its key file beside it, and migrates it.
 * Throws CdpError('WorkspaceExists') rather than touch an existing file.
 */
export function createWorkspace(path: string, passphrase: string, options: CreateWorkspaceOptions = {}): Workspace {
  if (existsSync(path) || existsSync(keyFilePath(path))) {
    throw new CdpError('WorkspaceExists', `A workspace already exists at ${path}; open it, or choose another file name.`)
  }
  const keyFile = newKeyFile(options.kdf ?? defaultKdf)
  const key = deriveKey(passphrase, keyFile)
  writeKeyFile(keyFilePath(path), keyFile)
  let sqlite: SqliteDatabase | undefined
  try {
    sqlite = openEncrypted(path, key, [currentCipher])
    const ws = wrap(path, sqlite)
    ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?), (?, ?)').run(
      'workspace_id', JSON.stringify(randomUUID()),
      'created_at', JSON.stringify(new Date().toISOString()),
    )
    return ws
  } catch (e) {
    sqlite?.close()
    for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`, keyFilePath(path)]) removeIfExists(f)
    throw e
  }
}

/**
 * Opens and unlocks an existing workspace, migrating it to the current schema.
 * Throws CdpError: WorkspaceNotFound, WrongPassphrase (the file is left byte-identical),
 * WorkspaceTooNew, WorkspaceCorrupt, Conflict (another process's write held the file past the busy timeout).
 */
export function openWorkspace(path: string, keys: KeySource): Workspace {
  if (!existsSync(path)) throw new CdpError('WorkspaceNotFound', `No workspace at ${path}. Create one with "cdp init --db ${path}".`)
  assertEncrypted(path)
  let sqlite: SqliteDatabase
  try {
    sqlite = openEncrypted(path, keys.keyFor(path))
  } catch (e) {
    // A passphrase change may have been interrupted after the database took the new key but before the
    // key file was replaced: the pending key file then holds the salt that matches.
    const pending = pendingKeyFilePath(path)
    if (!(e instanceof CdpError && e.code === 'WrongPassphrase') || !existsSync(pending) || !keys.keyForPending) throw e
    sqlite = openEncrypted(path, keys.keyForPending(path))
    renameSync(pending, keyFilePath(path))
  }
  return wrap(path, sqlite)
}

/**
 * Changes the passphrase (and the salt). The new key file is written first as pending, then the database
 * is rekeyed, then the key file is replaced: a crash at any point leaves a workspace that opens with the
 * old or the new passphrase.
 */
export function changePassphrase(ws: Workspace, newPassphrase: string, kdf: KdfParams = defaultKdf): void {
  const keyFile = newKeyFile(kdf)
  const key = deriveKey(newPassphrase, keyFile)
  const pending = pendingKeyFilePath(ws.path)
  writeKeyFile(pending, keyFile)
  // Rekeying rewrites every page; do it outside WAL so no page stays under the old key in the -wal file.
  // It also moves a workspace still under SQLCipher's scheme to the current cipher (the new key file says so).
  ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  ws.sqlite.pragma('journal_mode = DELETE')
  try {
    ws.sqlite.pragma(`cipher = '${keyFile.cipher}'`)
    ws.sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`)
  } catch (e) {
    removeIfExists(pending)
    throw e
  } finally {
    ws.sqlite.pragma('journal_mode = WAL')
  }
  renameSync(pending, keyFilePath(ws.path))
}

/** Reads the first bytes of the file: a plain SQLite header means someone put an unencrypted file here. */
export function readFileHeader(path: string, length = 16): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(length)
    const n = readSync(fd, buf, 0, length, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

function assertEncrypted(path: string): void {
  if (readFileHeader(path).equals(SQLITE_HEADER)) {
    throw new CdpError('WorkspaceCorrupt', `${path} is an unencrypted SQLite file, not a Tessera workspace.`)
  }
}

/**
 * Opens the file under the first of `ciphers` the key unlocks. The cipher is found by trying rather than read
 * from the key file, because a raw key (the OS keychain, a backup being verified) comes without one; a wrong
 * key fails every cipher on the first page, before anything is written.
 */
function openEncrypted(path: string, key: Buffer, ciphers: readonly WorkspaceCipher[] = [currentCipher, 'sqlcipher']): SqliteDatabase {
  const sqlite = unlock(path, key, ciphers)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('secure_delete = ON')
    // Every page read from disk is decrypted: keep the hot tables (profile_summary is ~150 MB at 400k people)
    // in memory so segment counts and list views do not decrypt the same pages again. A limit, not an allocation.
    sqlite.pragma('cache_size = -262144')
    sqlite.pragma('temp_store = MEMORY')
    migrate(sqlite)
    return sqlite
  } catch (e) {
    sqlite.close()
    throw isSqliteBusy(e) ? workspaceBusy(path) : e
  }
}

function unlock(path: string, key: Buffer, ciphers: readonly WorkspaceCipher[]): SqliteDatabase {
  for (const cipher of ciphers) {
    const sqlite = new Sqlite(path)
    // Set first: another process's write may hold the file for a while (see writePagesOnce).
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    try {
      sqlite.pragma(`cipher = '${cipher}'`)
      if (cipher === 'sqlcipher') sqlite.pragma('legacy = 4')
      sqlite.pragma(`key = "x'${key.toString('hex')}'"`)
      // PRAGMA key always "succeeds"; the first real read tells whether the key fits.
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
      return sqlite
    } catch (e) {
      sqlite.close()
      if (isSqliteBusy(e)) throw workspaceBusy(path)
    }
  }
  throw new CdpError('WrongPassphrase', 'Wrong passphrase: the workspace could not be unlocked (or the file is not a Tessera workspace).')
}

function wrap(path: string, sqlite: SqliteDatabase): Workspace {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  let open = true
  return {
    path,
    sqlite,
    db,
    close() {
      if (!open) return
      open = false
      // Fold the WAL back so the workspace is one file at rest.
      try {
        sqlite.pragma('wal_checkpoint(TRUNCATE)')
      } finally {
        sqlite.close()
      }
    },
  }
}

export { schemaVersion }
