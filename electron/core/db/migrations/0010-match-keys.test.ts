import Sqlite from 'better-sqlite3-multiple-ciphers'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migration0001 } from './0001-initial'
import { migration0003 } from './0003-match-runs'
import { migration0010 } from './0010-match-keys'

it('0010 adds match_keys and match_name_counts, and keys to existing match_scored rows (null until rescored)', () => {
  const db = new Sqlite(':memory:')
  try {
    migrate(db, [migration0001, migration0003])
    db.exec(`INSERT INTO sources (id, name, kind, created_at) VALUES (1, 's', 'person', 'now');
      INSERT INTO imports (id, source_id, file_name, file_size, file_sha256, mapping, status, started_at) VALUES (1, 1, 'f', 0, 'x', '{}', 'done', 'now');
      INSERT INTO raw_rows (id, import_id, source_id, row_number, data, outcome) VALUES (1, 1, 1, 1, '[]', 'record');
      INSERT INTO profiles (id, created_at, updated_at) VALUES (1, 'now', 'now');
      INSERT INTO records (id, source_id, raw_row_id, profile_id, created_at, updated_at) VALUES (1, 1, 1, 1, 'now', 'now');
      INSERT INTO match_scored (record_id, raw_row_id, run_id) VALUES (1, 1, 1);`)
    migrate(db, [migration0001, migration0003, migration0010])
    expect(db.prepare('SELECT keys FROM match_scored WHERE record_id = 1').pluck().get()).toBeNull()
    db.prepare('INSERT INTO match_keys (key, record_id) VALUES (?, 1)').run(2 ** 52 + 3)
    expect(() => db.prepare('INSERT INTO match_keys (key, record_id) VALUES (?, 1)').run(2 ** 52 + 3)).toThrow()
    db.prepare('INSERT INTO match_name_counts (key, count) VALUES (7, 2)').run()
    expect(() => db.prepare("INSERT INTO match_name_counts (key, count) VALUES (8, 'x')").run()).toThrow()
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT record_id FROM match_keys WHERE key = ?').all(1) as Array<{ detail: string }>
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/SEARCH match_keys USING PRIMARY KEY \(key=\?\)/)
  } finally {
    db.close()
  }
})
