import Sqlite, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from './index'

let db: SqliteDatabase
beforeEach(() => {
  db = new Sqlite(':memory:')
})
afterEach(() => db.close())

const plan = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n')

describe('migration 0014-event-epoch-index', () => {
  it('replaces the per-profile event index with one that holds the time as Unix seconds, covering a windowed count', () => {
    migrate(db, migrations.filter((m) => m.version < 14))
    db.exec(`INSERT INTO profile_events (type, occurred_at, profile_id, event_id, properties) VALUES
      ('order', '2025-01-01T00:00:00Z', 1, 1, jsonb('{"status":"paid"}')), ('order', '2025-02-01', 1, 2, jsonb('{"status":"paid"}')),
      ('order', '2024-12-31T23:59:59.999Z', 2, 3, jsonb('{"status":"paid"}')), ('order', '2025-03-01T10:00:00.500Z', 2, 4, jsonb('{"status":"paid"}')),
      ('order', '', 3, 5, jsonb('{}')), ('order', '2025-05-01', 3, 6, jsonb('{}'))`)
    migrate(db)
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'profile_events'").pluck().all()
    expect(names).toContain('profile_events_by_type_profile_time')
    expect(names).not.toContain('profile_events_by_type_profile')
    const since = Date.parse('2025-01-01') / 1000
    const perProfile = `SELECT profile_id FROM profile_events e INDEXED BY profile_events_by_type_profile_time
      WHERE e.type = 'order' AND unixepoch(e.occurred_at) >= ${since} AND json_extract(e.properties, '$.status') = 'paid'
      GROUP BY e.profile_id HAVING count(*) >= 2`
    expect(plan(perProfile)).toMatch(/SEARCH e USING COVERING INDEX profile_events_by_type_profile_time \(type=\?\)/)
    expect(plan(perProfile)).not.toMatch(/TEMP B-TREE/)
    // Profile 2's first order is a millisecond before the window; profile 3's undated event is in no window.
    expect(db.prepare(perProfile).pluck().all()).toEqual([1])
  })
})
