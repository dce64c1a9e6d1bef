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

describe('migration 0011-segment-scan-indexes', () => {
  it('indexes existing facts and events, so common rule columns and per-profile event counts are read from covering indexes', () => {
    migrate(db, migrations.filter((m) => m.version < 11))
    db.exec(`INSERT INTO profile_facts (profile_id, country, city, email, consent_email, order_count, spend_minor, record_count, tags)
        VALUES (1, 'FR', 'Paris', 'anna@x.example', 'granted', 2, 1200, 1, '[]'), (2, 'GB', 'Leeds', 'ben@x.example', NULL, 0, 0, 1, '["vip"]');
      INSERT INTO profile_events (type, occurred_at, profile_id, event_id, properties)
        VALUES ('order', '2025-01-01T00:00:00Z', 1, 1, jsonb('{}')), ('order', '2025-02-01T00:00:00Z', 1, 2, jsonb('{}'))`)
    migrate(db, migrations.filter((m) => m.version <= 11))
    expect(plan("SELECT count(*) FROM profile_facts s WHERE s.country = 'fr' COLLATE NOCASE AND s.email LIKE '%ann%'"))
      .toMatch(/SEARCH s USING COVERING INDEX profile_facts_rule_scan \(country=\?\)/)
    expect(db.prepare("SELECT profile_id FROM profile_facts s WHERE s.country = 'fr' COLLATE NOCASE AND s.email LIKE '%ann%'").pluck().all()).toEqual([1])
    expect(plan("SELECT count(*) FROM profile_facts s WHERE s.city = 'Paris' OR s.tags != '[]'")).toMatch(/SCAN s USING COVERING INDEX profile_facts_rule_scan/)
    const perProfile = `SELECT profile_id FROM profile_events INDEXED BY profile_events_by_type_profile WHERE type = 'order' AND occurred_at >= '2025'
      GROUP BY profile_id HAVING count(*) >= 2`
    expect(plan(perProfile)).toMatch(/COVERING INDEX profile_events_by_type_profile \(type=\?\)/)
    expect(plan(perProfile)).not.toMatch(/TEMP B-TREE/)
    expect(db.prepare(perProfile).pluck().all()).toEqual([1])
  })
})
