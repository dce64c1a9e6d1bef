import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import type { MembershipCause } from '../db'

/**
 * The only code that changes which profile a record belongs to. Every change is written to
 * membership_history with its cause, so any profile's make-up can be explained and audited.
 * Callers own the transaction (these functions are called inside one).
 */
export interface MembershipChange {
  cause: MembershipCause
  score?: number | null
  decisionId?: number | null
  actor?: string | null
  reason?: string | null
  at?: string
}

const nowIso = (): string => new Date().toISOString()

// An import creates a profile per record: preparing the statement once per connection, not per call,
// takes a compile off every row. WeakMap: a closed connection's statement goes with it.
const insertProfile = new WeakMap<SqliteDatabase, Statement>()

/** Creates a new, empty active profile and returns its id (ids are never reused: AUTOINCREMENT). */
export function createProfile(db: SqliteDatabase, at = nowIso()): number {
  let stmt = insertProfile.get(db)
  if (!stmt) {
    stmt = db.prepare('INSERT INTO profiles (created_at, updated_at) VALUES (?, ?)')
    insertProfile.set(db, stmt)
  }
  return Number(stmt.run(at, at).lastInsertRowid)
}

/** Moves one record to `toProfile`; records the change. A no-op when it is already there. */
export function moveRecord(db: SqliteDatabase, recordId: number, toProfile: number, change: MembershipChange): void {
  const from = db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(recordId) as number | undefined
  if (from === undefined) throw new Error(`record ${recordId} does not exist`)
  if (from === toProfile) return
  const at = change.at ?? nowIso()
  db.prepare('UPDATE records SET profile_id = ?, updated_at = ? WHERE id = ?').run(toProfile, at, recordId)
  db.prepare(`INSERT INTO membership_history (record_id, from_profile, to_profile, cause, score, decision_id, actor, reason, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(recordId, from, toProfile, change.cause, change.score ?? null, change.decisionId ?? null,
    change.actor ?? null, change.reason ?? null, at)
  db.prepare('UPDATE profiles SET updated_at = ? WHERE id IN (?, ?)').run(at, from, toProfile)
  retireIfEmpty(db, from, toProfile, at)
}

/**
 * Merges two profiles. The survivor is the larger one (more records), then the older one (lower id),
 * so ids analysts have seen stay put. Returns the surviving id.
 */
export function mergeProfiles(db: SqliteDatabase, a: number, b: number, change: MembershipChange): number {
  if (a === b) return a
  const size = db.prepare('SELECT count(*) FROM records WHERE profile_id = ?').pluck()
  const [na, nb] = [size.get(a) as number, size.get(b) as number]
  const keep = na > nb || (na === nb && a < b) ? a : b
  const gone = keep === a ? b : a
  const ids = db.prepare('SELECT id FROM records WHERE profile_id = ? ORDER BY id').pluck().all(gone) as number[]
  for (const id of ids) moveRecord(db, id, keep, change)
  return keep
}

/** Takes a record out of its profile into a new profile of its own; returns the new profile id. */
export function detachRecord(db: SqliteDatabase, recordId: number, change: MembershipChange): number {
  const profile = createProfile(db, change.at)
  moveRecord(db, recordId, profile, change)
  return profile
}

function retireIfEmpty(db: SqliteDatabase, profileId: number, into: number, at: string): void {
  const left = db.prepare('SELECT count(*) FROM records WHERE profile_id = ?').pluck().get(profileId) as number
  if (left === 0) {
    db.prepare("UPDATE profiles SET status = 'merged', merged_into = ?, updated_at = ? WHERE id = ? AND status = 'active'").run(into, at, profileId)
  }
}
