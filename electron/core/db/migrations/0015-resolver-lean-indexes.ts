import type { Migration } from './types'

/**
 * Two index changes for resolution runs, measured at 1.3M records:
 * - `match_pairs_band` (band, probability) is read by no query (the review queue and bulk decisions start
 *   from review_items and reach pairs by id; the histogram scans), yet every stored pair updated it: about a
 *   quarter of the pages an incremental run dirtied (each one encrypted into the WAL and again at checkpoint).
 * - Every incremental run first checks that no scored record lacks its stored keys (rows scored before
 *   migration 0010): without an index that is a scan of all of match_scored with its key blobs (0.6 s at
 *   1.3M records) to prove an absence. A partial index over just those rows answers at once; after the
 *   first whole-workspace run it is empty.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'resolver-lean-indexes',
  up(db) {
    db.exec(`
      DROP INDEX match_pairs_band;
      CREATE INDEX match_scored_without_keys ON match_scored (record_id) WHERE keys IS NULL;
    `)
  },
}
