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

// Imports create a profile per record and resolution moves records by the hundred thousand: every statement
// is prepared once per connection, not per call. WeakMap: a closed connection's statements go with it.
interface Statements {
  insertProfile: Statement
  profileOf: Statement
  setProfile: Statement
  history: Statement
  touchProfiles: Statement
  size: Statement
  recordsOf: Statement
  retire: Statement
}
const cache = new WeakMap<SqliteDatabase, Statements>()

function statements(db: SqliteDatabase): Statements {
  let s = cache.get(db)
  if (!s) {
    s = {
      insertProfile: db.prepare('INSERT INTO profiles (created_at, updated_at) VALUES (?, ?)'),
      profileOf: db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck(),
      // records.updated_at says when the record's values last changed (profiles read it as "seen" when a row has
      // no date of its own): a move changes the profile, which membership_history records for refreshes.
      setProfile: db.prepare('UPDATE records SET profile_id = ? WHERE id = ?'),
      history: db.prepare(`INSERT INTO membership_history (record_id, from_profile, to_profile, cause, score, decision_id, actor, reason, at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      touchProfiles: db.prepare('UPDATE profiles SET updated_at = ? WHERE id IN (?, ?)'),
      size: db.prepare('SELECT count(*) FROM records WHERE profile_id = ?').pluck(),
      recordsOf: db.prepare('SELECT id FROM records WHERE profile_id = ? ORDER BY id').pluck(),
      retire: db.prepare("UPDATE profiles SET status = 'merged', merged_into = ?, updated_at = ? WHERE id = ? AND status = 'active'"),
    }
    cache.set(db, s)
  }
  return s
}

/** Creates a new, empty active profile and returns its id (ids are never reused: AUTOINCREMENT). */
export function createProfile(db: SqliteDatabase, at = nowIso()): number {
  return Number(statements(db).insertProfile.run(at, at).lastInsertRowid)
}

/** Moves one record to `toProfile`; records the change. A no-op when it is already there. */
export function moveRecord(db: SqliteDatabase, recordId: number, toProfile: number, change: MembershipChange): void {
  const st = statements(db)
  const from = st.profileOf.get(recordId) as number | undefined
  if (from === undefined) throw new Error(`record ${recordId} does not exist`)
  if (from === toProfile) return
  const at = change.at ?? nowIso()
  st.setProfile.run(toProfile, recordId)
  st.history.run(recordId, from, toProfile, change.cause, change.score ?? null, change.decisionId ?? null, change.actor ?? null, change.reason ?? null, at)
  st.touchProfiles.run(at, from, toProfile)
  retireIfEmpty(db, from, toProfile, at)
}

/**
 * Merges two profiles. The survivor is the larger one (more records), then the older one (lower id),
 * so ids analysts have seen stay put. Returns the surviving id.
 */
export function mergeProfiles(db: SqliteDatabase, a: number, b: number, change: MembershipChange): number {
  if (a === b) return a
  const st = statements(db)
  const [na, nb] = [st.size.get(a) as number, st.size.get(b) as number]
  const keep = na > nb || (na === nb && a < b) ? a : b
  const gone = keep === a ? b : a
  const ids = st.recordsOf.all(gone) as number[]
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
  const st = statements(db)
  if ((st.size.get(profileId) as number) === 0) st.retire.run(into, at, profileId)
}

export { MergeBatch } from './merge-batch'
