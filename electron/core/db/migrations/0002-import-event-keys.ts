import type { Migration } from './types'

/**
 * A newer export of an event source (orders, tickets) replaces the events of the orders it repeats
 * instead of duplicating them; finding those events by (source, key) needs this index.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'import-event-keys',
  up(db) {
    db.exec('CREATE INDEX IF NOT EXISTS events_by_source_key ON events (source_id, source_key) WHERE source_key IS NOT NULL')
  },
}
