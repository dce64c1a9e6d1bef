import type { Migration } from './types'

/**
 * Identity resolution runs. `match_runs` records every run (counts, timing, candidate pairs per blocking
 * key, and the model it scored with: the next incremental run reuses it). `match_scored` remembers which
 * version of each record (its raw row) has been scored, so an incremental run scores only new or changed
 * records against the workspace.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'match-runs',
  up(db) {
    db.exec(`
      CREATE TABLE match_runs (
        id              INTEGER PRIMARY KEY,
        started_at      TEXT NOT NULL,
        finished_at     TEXT NOT NULL,
        full            INTEGER NOT NULL,   -- 1 when every record was rescored
        records         INTEGER NOT NULL,
        new_records     INTEGER NOT NULL,
        candidate_pairs INTEGER NOT NULL,
        comparisons     INTEGER NOT NULL,
        merged          INTEGER NOT NULL,
        queued          INTEGER NOT NULL,
        non_matches     INTEGER NOT NULL,
        seconds         REAL NOT NULL,
        pairs_by_key    TEXT NOT NULL,      -- JSON: blocking key → candidate pairs generated
        model           TEXT NOT NULL       -- JSON: the Fellegi-Sunter parameters used
      ) STRICT;

      CREATE TABLE match_scored (
        record_id  INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        raw_row_id INTEGER NOT NULL,        -- the version of the record that was scored
        run_id     INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
