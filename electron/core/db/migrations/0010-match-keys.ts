import type { Migration } from './types'

/**
 * What an incremental resolution needs to read only the records new ones can pair with, instead of preparing
 * the whole workspace: `match_keys` is an inverted index of every scored record's blocking key values (as
 * 53-bit hashes of key name and value), `match_name_counts` the workspace's name frequencies (for the
 * term-frequency adjustment) under the same hashing, and `match_scored.keys` each record's own hashes so a
 * re-imported record's old entries can be taken out. Written by the resolver only (identity/match-keys.ts).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'match-keys',
  up(db) {
    db.exec(`
      CREATE TABLE match_keys (
        key       INTEGER NOT NULL,        -- hash of blocking key name + value
        record_id INTEGER NOT NULL,        -- no FK: a lookup joins records, so an erased record's entries are inert
        PRIMARY KEY (key, record_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE match_name_counts (
        key   INTEGER PRIMARY KEY,         -- hash of 'first'/'last' + folded name (an empty name: the total)
        count INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE match_scored ADD COLUMN keys BLOB;  -- the record's key and name hashes (Float64Array bytes)
    `)
  },
}
