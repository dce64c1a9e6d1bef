import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'

/**
 * Drops secondary indexes before a bulk write and returns the function that builds them again (call it
 * before COMMIT). Rows written in an order the index does not share land on random pages of it, each a
 * read, decrypt and re-encrypt once the index outgrows the page cache; building the index afterwards is one
 * sort. Inside a transaction, so a rollback brings the indexes back with everything else and the schema
 * never changes visibly. Only indexes the bulk write itself does not read may be listed.
 *
 * @param indexes table → the names of its indexes that may be deferred
 * @param worthIt whether rebuilding a table's indexes costs less than maintaining them (by default: the
 *   table is empty; rebuilding a full table's indexes for a few rows would cost more than it saves)
 */
export function deferIndexes(db: SqliteDatabase, indexes: Record<string, readonly string[]>,
  worthIt: (table: string) => boolean = (table) => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).pluck().get() === undefined): () => void {
  const saved: string[] = []
  for (const [table, names] of Object.entries(indexes)) {
    if (!worthIt(table)) continue
    for (const name of names) {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string | null | undefined
      if (!sql) continue
      saved.push(sql)
      db.exec(`DROP INDEX ${name}`)
    }
  }
  return () => {
    for (const sql of saved) db.exec(sql)
  }
}
