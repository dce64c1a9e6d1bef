import Sqlite from 'better-sqlite3-multiple-ciphers'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migration0001 } from './0001-initial'
import { migration0003 } from './0003-match-runs'

it('0003 adds match_runs and match_scored on top of existing data', () => {
  const db = new Sqlite(':memory:')
  try {
    migrate(db, [migration0001])
    db.exec(`INSERT INTO sources (id, name, kind, created_at) VALUES (1, 's', 'person', 'now');
      INSERT INTO imports (id, source_id, file_name, file_size, file_sha256, mapping, status, started_at) VALUES (1, 1, 'f', 0, 'x', '{}', 'done', 'now');
      INSERT INTO raw_rows (id, import_id, source_id, row_number, data, outcome) VALUES (1, 1, 1, 1, '[]', 'record');
      INSERT INTO profiles (id, created_at, updated_at) VALUES (1, 'now', 'now');
      INSERT INTO records (id, source_id, raw_row_id, profile_id, created_at, updated_at) VALUES (1, 1, 1, 1, 'now', 'now');`)
    migrate(db, [migration0001, migration0003])
    db.prepare(`INSERT INTO match_runs (started_at, finished_at, full, records, new_records, candidate_pairs, comparisons, merged, queued,
      non_matches, seconds, pairs_by_key, model) VALUES ('a', 'b', 1, 1, 1, 0, 0, 0, 0, 0, 0.1, '{}', '{}')`).run()
    db.prepare('INSERT INTO match_scored (record_id, raw_row_id, run_id) VALUES (1, 1, 1)').run()
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(1)
    db.pragma('foreign_keys = ON')
    db.prepare('DELETE FROM records WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM match_scored').pluck().get()).toBe(0)
    expect(() => db.prepare("INSERT INTO match_scored (record_id, raw_row_id, run_id) VALUES ('x', 1, 1)").run()).toThrow()
  } finally {
    db.close()
  }
})
