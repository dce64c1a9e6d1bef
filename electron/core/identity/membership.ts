import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import { deferIndexes, type MembershipCause } from '../db'

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
      setProfile: db.prepare('UPDATE records SET profile_id = ?, updated_at = ? WHERE id = ?'),
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
  st.setProfile.run(toProfile, at, recordId)
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

/**
 * Many merges applied in one pass, with exactly the outcome of calling `mergeProfiles` for each in turn
 * (same survivors, same history rows in the same order, same retired profiles), but worked out in memory
 * and written once: a resolution run merges tens of thousands of profiles, and per-move statements (count,
 * list, update, history, touch, retire) were most of its saving time. Each profile's records are read once,
 * when it is first touched. Call `flush` inside the caller's transaction; until then nothing is written.
 */
export class MergeBatch {
  private readonly members = new Map<number, number[]>()
  private readonly recordProfile = new Map<number, number>()
  private readonly initialProfile = new Map<number, number>()
  private readonly history: Array<[number, number, number, MembershipChange]> = []
  private readonly retired = new Map<number, number>()
  private readonly touched = new Set<number>()

  /** Whole profiles known up front (see `know`): profile → first index into `knownIds`, `knownNext` chains the rest. */
  private knownHead = new Map<number, number>()
  private knownNext = new Int32Array(0)
  private knownIds: ArrayLike<number> = []

  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Tells the batch the records of some profiles (`ids[i]` is in `profiles[i]`, ids ascending), so merges
   * read no profile's records from the database. Every profile listed must be listed whole (a resolution
   * run loads whole profiles). Call before any merge.
   */
  know(ids: ArrayLike<number>, profiles: ArrayLike<number>): void {
    const next = new Int32Array(ids.length).fill(-1)
    const head = new Map<number, number>()
    // Walked backwards so each chain runs in ascending id order.
    for (let i = ids.length - 1; i >= 0; i--) {
      const at = head.get(profiles[i]!)
      if (at !== undefined) next[i] = at
      head.set(profiles[i]!, i)
    }
    this.knownHead = head
    this.knownNext = next
    this.knownIds = ids
  }

  /** The profile record `recordId` is in now (after the merges so far); `known` is its profile before any of them. */
  profileOf(recordId: number, known?: number): number {
    const moved = this.recordProfile.get(recordId)
    if (moved !== undefined) return moved
    if (known !== undefined) return known
    const from = statements(this.db).profileOf.get(recordId) as number | undefined
    if (from === undefined) throw new Error(`record ${recordId} does not exist`)
    return from
  }

  /** As `mergeProfiles`: the larger (then older) profile survives; returns its id. */
  merge(a: number, b: number, change: MembershipChange): number {
    if (a === b) return a
    const ma = this.membersOf(a)
    const mb = this.membersOf(b)
    const keep = ma.length > mb.length || (ma.length === mb.length && a < b) ? a : b
    const gone = keep === a ? b : a
    const into = keep === a ? ma : mb
    const moving = keep === a ? mb : ma
    if (moving.length === 0) return keep
    for (const id of moving) {
      if (!this.initialProfile.has(id)) this.initialProfile.set(id, gone)
      this.recordProfile.set(id, keep)
      this.history.push([id, gone, keep, change])
    }
    // recordsOf lists by id: keep each list sorted so later moves happen in the same order.
    const merged = mergeSorted(into, moving)
    this.members.set(keep, merged)
    this.members.set(gone, [])
    this.touched.add(gone).add(keep)
    this.retired.set(gone, keep)
    return keep
  }

  /** Records in `profile` now (after the merges so far). */
  sizeOf(profile: number): number {
    return this.membersOf(profile).length
  }

  /**
   * Writes every change (records, history, profile timestamps, retired profiles). Caller owns the
   * transaction. Rows are updated in id order: at a million records the tables outgrow the page cache, and
   * updates in merge order touched pages at random.
   */
  flush(at = nowIso()): void {
    const st = statements(this.db)
    // Typed-array sorts: a comparator sort of 600k ids took about half a second.
    const moved = Float64Array.from(this.initialProfile.keys()).sort()
    // A run that moves a large share of the records (a first run) builds the two indexes every move changes
    // afresh: each moved row deletes and re-inserts an entry in both, profile ids at random.
    const held = this.db.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number
    const rebuild = deferIndexes(this.db, { records: ['records_by_profile', 'records_by_updated'] }, () => moved.length * REBUILD_SHARE > held)
    for (const id of moved) {
      const final = this.recordProfile.get(id)!
      if (final !== this.initialProfile.get(id)) st.setProfile.run(final, at, id)
    }
    rebuild()
    writeHistory(this.db, this.history, at)
    // A retired profile is touched and retired in one statement (as touching, then retiring if still active).
    const retire = this.db.prepare(`UPDATE profiles SET updated_at = ?, merged_into = CASE WHEN status = 'active' THEN ? ELSE merged_into END,
      status = CASE WHEN status = 'active' THEN 'merged' ELSE status END WHERE id = ?`)
    const touch = this.db.prepare('UPDATE profiles SET updated_at = ? WHERE id = ?')
    for (const id of Float64Array.from(this.touched).sort()) {
      const keep = this.retired.get(id)
      if (keep !== undefined && this.members.get(id)!.length === 0) retire.run(at, keep, id)
      else touch.run(at, id)
    }
  }

  private membersOf(profile: number): number[] {
    let m = this.members.get(profile)
    if (!m) {
      const first = this.knownHead.get(profile)
      if (first === undefined) m = statements(this.db).recordsOf.all(profile) as number[]
      else {
        m = []
        for (let i = first; i !== -1; i = this.knownNext[i]!) m.push(this.knownIds[i]!)
      }
      this.members.set(profile, m)
    }
    return m
  }
}

function mergeSorted(x: number[], y: number[]): number[] {
  const out = new Array<number>(x.length + y.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < x.length && j < y.length) out[k++] = x[i]! <= y[j]! ? x[i++]! : y[j++]!
  while (i < x.length) out[k++] = x[i++]!
  while (j < y.length) out[k++] = y[j++]!
  return out
}

/** Rebuild the records indexes when more than one record in this many moves. */
const REBUILD_SHARE = 8

const HISTORY_BATCH = 100

/**
 * membership_history rows in 100-row INSERTs, in the order the moves happened. A batch whose rows share their
 * cause, decision, actor, reason and time (a run's merges: only the score differs) binds those once, not per
 * row: 15% less CPU for 144k rows.
 */
function writeHistory(db: SqliteDatabase, rows: Array<[number, number, number, MembershipChange]>, at: string): void {
  const insert = 'INSERT INTO membership_history (record_id, from_profile, to_profile, cause, score, decision_id, actor, reason, at) VALUES'
  const sql = (n: number): string => `${insert} ${new Array<string>(n).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`
  const big = rows.length >= HISTORY_BATCH
  const batch = big ? db.prepare(sql(HISTORY_BATCH)) : null
  const shared = big ? db.prepare(`${insert} ${new Array<string>(HISTORY_BATCH).fill('(?, ?, ?, @cause, ?, @decision, @actor, @reason, @at)').join(', ')}`) : null
  const one = db.prepare(sql(1))
  const args: unknown[] = []
  let k = 0
  for (; batch && shared && k + HISTORY_BATCH <= rows.length; k += HISTORY_BATCH) {
    args.length = 0
    const common = commonChange(rows, k, k + HISTORY_BATCH, at)
    if (common) {
      for (let r = k; r < k + HISTORY_BATCH; r++) args.push(rows[r]![0], rows[r]![1], rows[r]![2], rows[r]![3].score ?? null)
      shared.run(...args, common)
    } else {
      for (let r = k; r < k + HISTORY_BATCH; r++) pushHistory(args, rows[r]!, at)
      batch.run(...args)
    }
  }
  for (; k < rows.length; k++) {
    args.length = 0
    pushHistory(args, rows[k]!, at)
    one.run(...args)
  }
}

/** The change fields (all but the score) rows from..to share, as named parameters; null when they differ. */
function commonChange(rows: Array<[number, number, number, MembershipChange]>, from: number, to: number, at: string):
  { cause: string; decision: number | null; actor: string | null; reason: string | null; at: string } | null {
  const c = rows[from]![3]
  const out = { cause: c.cause, decision: c.decisionId ?? null, actor: c.actor ?? null, reason: c.reason ?? null, at: c.at ?? at }
  for (let r = from + 1; r < to; r++) {
    const d = rows[r]![3]
    if (d === c) continue
    if (d.cause !== out.cause || (d.decisionId ?? null) !== out.decision || (d.actor ?? null) !== out.actor
      || (d.reason ?? null) !== out.reason || (d.at ?? at) !== out.at) return null
  }
  return out
}

function pushHistory(args: unknown[], [id, from, to, c]: [number, number, number, MembershipChange], at: string): void {
  args.push(id, from, to, c.cause, c.score ?? null, c.decisionId ?? null, c.actor ?? null, c.reason ?? null, c.at ?? at)
}
