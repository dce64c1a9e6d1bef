import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { isSqliteBusy } from './busy'

/**
 * Connection settings for one large write transaction (an import's file, a resolve run's saving); returns
 * the function that restores them (call it after the transaction, also when it throws). Must be called
 * outside a transaction: neither foreign_keys nor the journal mode can change inside one.
 *
 * - A page cache of at least `cacheKib`: the indexes such a write fills take inserts in random order, and
 *   every page that falls out of the cache is spilled to the WAL, then read back and decrypted.
 * - No foreign-key checks: a lookup of the parent per reference, at random across tables that outgrow the
 *   cache. Only for writers that reference rows they wrote earlier in the same transaction or just read,
 *   and delete nothing a foreign key points at (no cascade is skipped); their tests run foreign_key_check.
 * - A rollback journal when this connection is the workspace's only one; see writePagesOnce.
 */
export function tuneForBulkWrite(db: SqliteDatabase, cacheKib: number): () => void {
  const cache = db.pragma('cache_size', { simple: true }) as number
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
  const bigCache = cache < 0 && -cache >= cacheKib
  if (!bigCache) db.pragma(`cache_size = -${cacheKib}`)
  if (foreignKeys) db.pragma('foreign_keys = OFF')
  const restoreJournal = writePagesOnce(db)
  return () => {
    restoreJournal()
    if (!bigCache) db.pragma(`cache_size = ${cache}`)
    if (foreignKeys) db.pragma('foreign_keys = ON')
  }
}

/**
 * Leaves WAL for a rollback journal until the returned function is called, when this connection is the only
 * one open on the workspace (the command line, a benchmark); returns whether it did through `active`.
 *
 * Why: in WAL mode every page a transaction writes goes into the WAL, and the checkpoint after the commit
 * reads it back, decrypts it, encrypts it again and writes it into the database file. With a rollback journal
 * a page new to the file is written once, and only pages that existed before are first copied to the journal.
 * An import adds mostly new pages: at 1.3M rows this saved 5–6% of its time, and resolution's saving its 3 s
 * checkpoint. Atomicity is the same: a killed process leaves a hot journal that the next open rolls back.
 *
 * SQLite refuses to leave WAL while another connection has the file open (the app's session beside its job
 * worker, segment-count readers). The write then keeps the WAL, and those connections keep reading while it
 * runs; the attempt does not wait for them (busy timeout 0), since an open connection is not about to close.
 * While the journal is in use, another process that opens the workspace waits for the write to finish.
 *
 * synchronous is FULL meanwhile: with a rollback journal, NORMAL can corrupt the file on a power loss.
 */
export function writePagesOnce(db: SqliteDatabase): (() => void) & { active: boolean } {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number
  const synchronous = db.pragma('synchronous', { simple: true }) as number
  let left = false
  if (db.pragma('journal_mode', { simple: true }) === 'wal') {
    db.pragma('busy_timeout = 0')
    try {
      left = db.pragma('journal_mode = DELETE', { simple: true }) === 'delete'
    } catch (e) {
      if (!isSqliteBusy(e)) throw e
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`)
    }
  }
  if (left) db.pragma('synchronous = FULL')
  const restore = (): void => {
    if (!left) return
    left = false
    db.pragma(`synchronous = ${synchronous}`)
    try {
      db.pragma('journal_mode = WAL')
    } catch (e) {
      // Another process opened the file meanwhile and holds it; every open sets WAL again (openWorkspace).
      if (!isSqliteBusy(e)) throw e
    }
  }
  return Object.assign(restore, { active: left })
}
