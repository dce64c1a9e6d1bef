import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { CdpError } from '../../../../shared/api/errors'
import { reviewFields, type ReviewField, type ReviewRecord } from './types'

/**
 * Loads one record with its lineage (source name, file, 1-based raw row number) and the size of the
 * profile it is in now. Throws CdpError('NotFound') for an unknown id.
 */
export function loadReviewRecord(db: SqliteDatabase, recordId: number): ReviewRecord {
  const row = db.prepare(`
    SELECT r.*, s.name AS source_name, rr.row_number, i.file_name,
           (SELECT count(*) FROM records r2 WHERE r2.profile_id = r.profile_id) AS profile_size
    FROM records r
    JOIN sources s ON s.id = r.source_id
    JOIN raw_rows rr ON rr.id = r.raw_row_id
    JOIN imports i ON i.id = rr.import_id
    WHERE r.id = ?`).get(recordId) as Record<string, unknown> | undefined
  if (!row) throw new CdpError('NotFound', `Record ${recordId} does not exist (it may have been erased).`)
  const fields = {} as Record<ReviewField, string | null>
  for (const f of reviewFields) {
    const v = row[f]
    fields[f] = typeof v === 'string' ? v : null
  }
  return {
    id: recordId,
    source: String(row.source_name),
    file: String(row.file_name),
    row: Number(row.row_number),
    profileId: Number(row.profile_id),
    profileSize: Number(row.profile_size),
    fields,
  }
}

/** The current profile of a record; throws CdpError('NotFound') for an unknown id. */
export function profileOf(db: SqliteDatabase, recordId: number): number {
  const p = db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(recordId) as number | undefined
  if (p === undefined) throw new CdpError('NotFound', `Record ${recordId} does not exist (it may have been erased).`)
  return p
}

/** Record ids of a profile, ascending. */
export function membersOf(db: SqliteDatabase, profileId: number): number[] {
  return db.prepare('SELECT id FROM records WHERE profile_id = ? ORDER BY id').pluck().all(profileId) as number[]
}

/** Orders a pair the way decisions and match_pairs store it (record_a < record_b). */
export function orderPair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a]
}

/** Throws CdpError('InvalidInput') unless `v` is a positive integer id. */
export function assertId(v: unknown, what: string): asserts v is number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
    throw new CdpError('InvalidInput', `${what} must be a positive whole number, got ${String(v)}.`)
  }
}

/** Throws CdpError('InvalidInput') for a missing actor: every decision must say who took it. */
export function assertActor(actor: unknown): asserts actor is string {
  if (typeof actor !== 'string' || actor.trim() === '') throw new CdpError('InvalidInput', 'A decision needs an actor (who decided).')
}
