import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { applyNameCounts, keysComplete, lookupPartners, oldKeys } from './match-keys'
import { prepareRecords, type Prepared } from './prepare'

/** The records a run works on, which of them are new, and how it found them. */
export interface RunRecords {
  p: Prepared
  /** 1 for records never scored, or re-imported since (all of them on a full run). */
  isNew: Uint8Array
  /**
   * True when only the new records, the records sharing a blocking key with them and everyone in their
   * profiles were loaded (an incremental run over stored keys); false when the whole workspace was.
   */
  partial: boolean
  /** For a partial load: blocks over their cap in the whole workspace (see BlockingOptions.oversized). */
  oversized?: (hash: number) => boolean
}

/**
 * Loads and prepares a run's records. A full run, a first run, or the first run in a workspace scored before
 * stored keys existed loads every record. An incremental run with a model to reuse loads only what its new
 * records can touch: their blocking partners (an index lookup per key value), every record of the profiles
 * involved (so clustering sees whole profiles: identifier limits and cannot-links), and the records of
 * approved pairs; name frequencies come from the stored workspace-wide counts. Candidate pairs, bands and
 * merges are those of a whole-workspace load. Reads only.
 */
export function loadRunRecords(db: SqliteDatabase, opts: { full: boolean; reuseModel: boolean; mustLink: Array<[number, number]> }): RunRecords {
  if (opts.full || !opts.reuseModel || !keysComplete(db)) {
    const p = prepareRecords(db)
    return { p, isNew: flagNew(db, p, opts.full), partial: false }
  }
  const newIds = db.prepare(`SELECT r.id FROM records r LEFT JOIN match_scored s ON s.record_id = r.id
    WHERE s.raw_row_id IS NOT r.raw_row_id`).pluck().all() as number[]
  const fresh = prepareRecords(db, newIds)
  const { ids, oversized } = lookupPartners(db, fresh, oldKeys(db, newIds))
  for (const id of newIds) ids.add(id)
  for (const [a, b] of opts.mustLink) ids.add(a).add(b)
  const all = db.prepare(`SELECT id FROM records WHERE profile_id IN
    (SELECT DISTINCT profile_id FROM records WHERE id IN (SELECT value FROM json_each(?))) ORDER BY id`).pluck().all(JSON.stringify([...ids])) as number[]
  const p = prepareRecords(db, all)
  const isNew = new Uint8Array(p.n)
  for (const id of newIds) {
    const i = p.indexOf.get(id)
    if (i !== undefined) isNew[i] = 1
  }
  applyNameCounts(db, p, isNew)
  return { p, isNew, partial: true, oversized: (hash) => oversized.has(hash) }
}

/** Flags records never scored, or re-imported (a new raw row) since they were; all of them on a full run. */
function flagNew(db: SqliteDatabase, p: Prepared, full: boolean): Uint8Array {
  const isNew = new Uint8Array(p.n)
  if (full) return isNew.fill(1)
  const scored = new Map<number, number>()
  for (const r of db.prepare('SELECT record_id, raw_row_id FROM match_scored').raw().iterate() as IterableIterator<[number, number]>) {
    scored.set(r[0], r[1])
  }
  for (let i = 0; i < p.n; i++) if (scored.get(p.id[i]!) !== p.rawRow[i]) isNew[i] = 1
  return isNew
}
