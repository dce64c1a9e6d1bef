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
const indexes = (table: string): unknown[] => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(table)

describe('migration 0015-resolver-lean-indexes', () => {
  it('drops the unread band index of match_pairs and finds a scored record without stored keys through a partial index', () => {
    migrate(db, migrations.filter((m) => m.version < 15))
    expect(indexes('match_pairs')).toContain('match_pairs_band')
    migrate(db)
    expect(indexes('match_pairs')).not.toContain('match_pairs_band')
    expect(indexes('match_pairs')).toContain('match_pairs_b')
    // The exact statement identity/match-keys.ts keysComplete() runs.
    const keyless = 'SELECT 1 FROM match_scored WHERE keys IS NULL LIMIT 1'
    // A walk of the partial index, which holds only rows without keys: empty once every record is rescored.
    expect(plan(keyless)).toMatch(/USING (COVERING )?INDEX match_scored_without_keys/)
    db.exec(`INSERT INTO match_runs (started_at, finished_at, full, records, new_records, candidate_pairs, comparisons, merged, queued,
      non_matches, seconds, pairs_by_key, model) VALUES ('t', 't', 1, 0, 0, 0, 0, 0, 0, 0, 0, '{}', '{}')`)
    db.pragma('foreign_keys = OFF')
    const scored = db.prepare('INSERT INTO match_scored (record_id, raw_row_id, run_id, keys) VALUES (?, ?, 1, ?)')
    scored.run(1, 1, Buffer.alloc(8))
    expect(db.prepare(keyless).get()).toBeUndefined()
    scored.run(2, 2, null)
    expect(db.prepare(keyless).get()).toBeDefined()
  })
})
