import Sqlite, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from './index'

let db: SqliteDatabase
beforeEach(() => {
  db = new Sqlite(':memory:')
})
afterEach(() => db.close())

describe('migration 0008-segment-facts', () => {
  it('copies summaries into profile_facts, converts existing event properties to JSONB with the same values and keeps the type/time and by-profile plans', () => {
    migrate(db, migrations.filter((m) => m.version < 8))
    db.exec(`INSERT INTO profile_events (type, occurred_at, profile_id, event_id, amount_minor, currency, source_key, properties)
      VALUES ('order', '2025-03-01T00:00:00Z', 7, 1, 1200, 'EUR', 'A-1', '{"status":"paid","items":[1,2]}'),
             ('order', '', 8, 2, NULL, NULL, NULL, '{}')`)
    db.exec(`INSERT INTO profile_summary (profile_id, display_name, email, city, country, record_count, order_count, spend_minor, spend,
        sources, tags, consent_email, consent, refreshed_at)
      VALUES (7, 'Anna Smith', 'anna@x.example', 'Paris', 'FR', 2, 1, 1200, '{}', '[1]', '["vip"]', 'granted', '{}', 't')`)
    migrate(db)
    expect(db.prepare('SELECT profile_id, display_name, email, city, country, order_count, spend_minor, tags, consent_email FROM profile_facts').all())
      .toEqual([{ profile_id: 7, display_name: 'Anna Smith', email: 'anna@x.example', city: 'Paris', country: 'FR', order_count: 1, spend_minor: 1200, tags: '["vip"]', consent_email: 'granted' }])
    const rows = db.prepare(`SELECT profile_id, typeof(properties) AS kind, json(properties) AS text, json_extract(properties, '$.status') AS status,
      amount_minor, source_key FROM profile_events ORDER BY event_id`).all()
    expect(rows).toEqual([
      { profile_id: 7, kind: 'blob', text: '{"status":"paid","items":[1,2]}', status: 'paid', amount_minor: 1200, source_key: 'A-1' },
      { profile_id: 8, kind: 'blob', text: '{}', status: null, amount_minor: null, source_key: null },
    ])
    const plan = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n')
    expect(plan("SELECT profile_id FROM profile_events WHERE type = 'order' AND occurred_at >= '2025'")).toMatch(/USING PRIMARY KEY \(type=\? AND occurred_at>\?\)/)
    expect(plan('SELECT event_id FROM profile_events WHERE profile_id = 7')).toMatch(/profile_events_by_profile/)
  })
})
