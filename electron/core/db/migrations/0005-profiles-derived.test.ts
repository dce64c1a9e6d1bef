import Sqlite, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from './index'

let db: SqliteDatabase
beforeEach(() => {
  db = new Sqlite(':memory:')
})
afterEach(() => db.close())

describe('migration 0005-profiles-derived', () => {
  it('adds the derived tables to a workspace that already holds records, leaving them intact', () => {
    migrate(db, migrations.filter((m) => m.version < 5))
    db.exec(`INSERT INTO sources (id, name, kind, created_at) VALUES (1, 's', 'person', 't');
      INSERT INTO imports (id, source_id, file_name, file_size, file_sha256, mapping, status, started_at) VALUES (1, 1, 'f', 0, 'h', '{}', 'done', 't');
      INSERT INTO raw_rows (id, import_id, source_id, row_number, data, outcome) VALUES (1, 1, 1, 1, '[]', 'record');
      INSERT INTO profiles (id, created_at, updated_at) VALUES (1, 't', 't');
      INSERT INTO records (source_id, raw_row_id, profile_id, email, created_at, updated_at) VALUES (1, 1, 1, 'a@b.c', 't', 't');`)
    migrate(db)
    expect(db.prepare('SELECT email FROM records').pluck().all()).toEqual(['a@b.c'])
    db.prepare('INSERT INTO golden_values VALUES (1, ?, ?, 1, 1, 1, 1, ?, NULL)').run('email', 'a@b.c', 'most_recent')
    expect(db.prepare('SELECT rule FROM golden_values').pluck().get()).toBe('most_recent')
  })

  it('creates a trigram search index that matches substrings and forgets deleted rows', () => {
    migrate(db)
    db.prepare('INSERT INTO profile_search (rowid, name, email) VALUES (?, ?, ?)').run(7, 'Jane Smithson', 'jane@example.com')
    const find = db.prepare('SELECT rowid FROM profile_search WHERE profile_search MATCH ?').pluck()
    expect(find.all('"thso"')).toEqual([7])
    expect(find.all('"example.c"')).toEqual([7])
    db.prepare('DELETE FROM profile_search WHERE rowid = ?').run(7)
    expect(find.all('"thso"')).toEqual([])
  })

  it('clusters profile events by type and time for segment conditions', () => {
    migrate(db)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT profile_id FROM profile_events WHERE type = 'order' AND occurred_at >= '2025'").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH profile_events USING PRIMARY KEY \(type=\? AND occurred_at>\?\)/)
  })
})
