import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { deferIndexes } from '../../db'

/**
 * Secondary indexes an import into an EMPTY table drops and builds again before it commits. Only an index
 * that takes the rows at random places is worth it: building it afterwards is a single sort, but also a
 * scan of the whole table, which outgrows the page cache on a large export and is then read back and
 * decrypted once per index. Events arrive in file order, so their raw rows and order keys come in runs and
 * are kept live; their owners do not, but at 730k order rows keeping that one live still cost less than
 * its scan (the writer waits on the parse worker there anyway). Deferring only by type and time, which is
 * random, took 2.1 s off that import (30.8 -> 28.6 s). Only indexes the import itself never reads are listed:
 * identifiers_by_value serves event owners, so it is deferred for person imports only.
 */
const DEFERRABLE: Record<'person' | 'event', Record<string, readonly string[]>> = {
  person: { identifiers: ['identifiers_by_value'] },
  event: { events: ['events_by_type_time'] },
}

/**
 * Inside the import's transaction: drops the deferrable indexes of every table that is still empty and
 * returns the function that re-creates them (call it before COMMIT). A table that already holds rows keeps
 * its indexes: rebuilding them would cost more than the import saves.
 */
export function deferImportIndexes(db: SqliteDatabase, kind: 'person' | 'event'): () => void {
  return deferIndexes(db, DEFERRABLE[kind])
}
