import Sqlite, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from './index'

let db: SqliteDatabase
beforeEach(() => {
  db = new Sqlite(':memory:')
})
afterEach(() => db.close())

const columns = (table: string): unknown[] => db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all()

describe('migration 0016-buyer-detail-records', () => {
  it('adds a nullable detail_of to records, null for the records already there', () => {
    migrate(db, migrations.filter((m) => m.version < 16))
    db.pragma('foreign_keys = OFF')
    db.exec(`INSERT INTO records (id, source_id, raw_row_id, profile_id, created_at, updated_at) VALUES (1, 1, 1, 1, 't', 't')`)
    expect(columns('records')).not.toContain('detail_of')
    migrate(db)
    expect(columns('records')).toContain('detail_of')
    expect(db.prepare('SELECT detail_of FROM records WHERE id = 1').pluck().get()).toBeNull()
    db.exec(`INSERT INTO records (id, source_id, raw_row_id, origin, profile_id, detail_of, created_at, updated_at) VALUES (2, 1, 2, 'event', 1, 1, 't', 't')`)
    expect(db.prepare('SELECT detail_of FROM records WHERE id = 2').pluck().get()).toBe(1)
  })
})
