import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { deferIndexes } from '../../db'

/**
 * Secondary indexes an import into an EMPTY table drops and builds again before it commits. Rows arrive
 * in file order, so these indexes (by time, by owning record, by value) take every insert at a random
 * place, while building one afterwards is a single sort. Only indexes the import itself never reads are
 * listed: identifiers_by_value serves event owners, so it is deferred for person imports only.
 */
const DEFERRABLE: Record<'person' | 'event', Record<string, readonly string[]>> = {
  person: { identifiers: ['identifiers_by_value'] },
  event: { events: ['events_by_record', 'events_by_type_time', 'events_by_raw_row', 'events_by_source_key'] },
}

/**
 * Inside the import's transaction: drops the deferrable indexes of every table that is still empty and
 * returns the function that re-creates them (call it before COMMIT). A table that already holds rows keeps
 * its indexes: rebuilding them would cost more than the import saves.
 */
export function deferImportIndexes(db: SqliteDatabase, kind: 'person' | 'event'): () => void {
  return deferIndexes(db, DEFERRABLE[kind])
}
