import Sqlite from 'better-sqlite3-multiple-ciphers'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migration0001 } from './0001-initial'
import { migration0002 } from './0002-import-event-keys'

it('0002 indexes events by source and key, keeping existing events, and the lookup uses it', () => {
  const db = new Sqlite(':memory:')
  try {
    migrate(db, [migration0001])
    db.exec(`INSERT INTO sources (id, name, kind, created_at) VALUES (1, 's', 'event', 'now');
      INSERT INTO imports (id, source_id, file_name, file_size, file_sha256, mapping, status, started_at) VALUES (1, 1, 'f', 0, 'x', '{}', 'done', 'now');
      INSERT INTO raw_rows (id, import_id, source_id, row_number, data, outcome) VALUES (1, 1, 1, 1, '[]', 'event');
      INSERT INTO profiles (id, created_at, updated_at) VALUES (1, 'now', 'now');
      INSERT INTO records (id, source_id, raw_row_id, profile_id, created_at, updated_at) VALUES (1, 1, 1, 1, 'now', 'now');
      INSERT INTO events (source_id, import_id, raw_row_id, record_id, type, source_key) VALUES (1, 1, 1, 1, 'order', '#1001');`)
    migrate(db, [migration0001, migration0002])
    expect(db.prepare("SELECT count(*) FROM events WHERE source_id = 1 AND source_key = '#1001'").pluck().get()).toBe(1)
    const plan = db.prepare("EXPLAIN QUERY PLAN DELETE FROM events WHERE source_id = 1 AND source_key = '#1001' AND import_id <> 2").all() as Array<{ detail: string }>
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/events_by_source_key/)
  } finally {
    db.close()
  }
})
