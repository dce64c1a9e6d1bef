import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'

/**
 * Connection settings for one large write transaction (an import's file, a resolve run's saving); returns
 * the function that restores them (call it after the transaction, also when it throws). Must be called
 * outside a transaction: foreign_keys cannot change inside one.
 *
 * - A page cache of at least `cacheKib`: the indexes such a write fills take inserts in random order, and
 *   every page that falls out of the cache is spilled to the WAL, then read back and decrypted.
 * - No foreign-key checks: a lookup of the parent per reference, at random across tables that outgrow the
 *   cache. Only for writers that reference rows they wrote earlier in the same transaction or just read,
 *   and delete nothing a foreign key points at (no cascade is skipped); their tests run foreign_key_check.
 */
export function tuneForBulkWrite(db: SqliteDatabase, cacheKib: number): () => void {
  const cache = db.pragma('cache_size', { simple: true }) as number
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
  const bigCache = cache < 0 && -cache >= cacheKib
  if (!bigCache) db.pragma(`cache_size = -${cacheKib}`)
  if (foreignKeys) db.pragma('foreign_keys = OFF')
  return () => {
    if (!bigCache) db.pragma(`cache_size = ${cache}`)
    if (foreignKeys) db.pragma('foreign_keys = ON')
  }
}
