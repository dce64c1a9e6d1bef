import Sqlite, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from './index'

let db: SqliteDatabase
beforeEach(() => {
  db = new Sqlite(':memory:')
})
afterEach(() => db.close())

describe('migration 0006-privacy-indexes', () => {
  it('keeps existing export members and makes "exports of a profile" and "consents of a raw row" index lookups', () => {
    migrate(db, migrations.filter((m) => m.version < 6))
    db.exec(`INSERT INTO exports (id, actor, at, preset, format, columns, included, excluded, file_name, file_sha256)
        VALUES (1, 'a', 't', 'csv', 'csv', '[]', 1, '{}', 'f.csv', 'h');
      INSERT INTO export_members VALUES (1, 7);`)
    migrate(db)
    expect(db.prepare('SELECT export_id FROM export_members WHERE profile_id = 7').pluck().all()).toEqual([1])
    const plan = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n')
    expect(plan('SELECT export_id FROM export_members WHERE profile_id = 7')).toMatch(/export_members_by_profile/)
    expect(plan('SELECT id FROM consents WHERE raw_row_id = 3')).toMatch(/consents_by_raw_row/)
  })
})
