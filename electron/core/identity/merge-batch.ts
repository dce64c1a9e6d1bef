import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import { deferIndexes } from '../db'
import type { MembershipChange } from './membership'
import { MergeHistory } from './merge-history'
import { indexOfSorted } from './sorted-search'

/**
 * Many merges applied in one pass, with exactly the outcome of calling `mergeProfiles` for each in turn
 * (same survivors, same history rows in the same order, same retired profiles), but worked out in memory
 * and written once: a resolution run merges tens of thousands of profiles, and per-move statements (count,
 * list, update, history, touch, retire) were most of its saving time. Each profile's records are read once,
 * when it is first touched. Call `flush` inside the caller's transaction; until then nothing is written.
 *
 * Kept in typed arrays, not Maps and arrays per profile: at 1.3M records (614k merges) the Maps, member
 * arrays and history tuples took 556 MB of heap, the peak of the whole run.
 * Records are slots: the known records' positions (see `know`), then records read from the database.
 * Each profile's members are a linked list through the slots in ascending record id (the order
 * mergeProfiles moves them in).
 */
export class MergeBatch {
  private readonly st: { profileOf: Statement; recordsOf: Statement }
  /** Known records' ids (ascending: a slot is found by binary search), then the slots added from the database. */
  private knownIds: ArrayLike<number> = []
  private known = 0
  private readonly extraSlot = new Map<number, number>()
  private extraIds = new Float64Array(0)
  private slots = 0
  /** Per slot: its profile now, its profile before the batch, the next member of its profile (-1: last). */
  private now = new Float64Array(0)
  private initial = new Float64Array(0)
  private next = new Int32Array(0)

  /** Profile → profile slot: by id below `dense.length` (a run's profile ids are about its record count), else the Map. */
  private dense = new Int32Array(0)
  private readonly sparse = new Map<number, number>()
  private profiles = 0
  /** Per profile slot: its id, first member slot, member count, the profile it was merged into (NaN: none), touched. */
  private pid = new Float64Array(0)
  private head = new Int32Array(0)
  private size = new Int32Array(0)
  private into = new Float64Array(0)
  private touched = new Uint8Array(0)

  private readonly history = new MergeHistory()

  constructor(private readonly db: SqliteDatabase) {
    this.st = {
      profileOf: db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck(),
      recordsOf: db.prepare('SELECT id FROM records WHERE profile_id = ? ORDER BY id').pluck(),
    }
  }

  /**
   * Tells the batch the records of some profiles (`ids[i]` is in `profiles[i]`, ids ascending), so merges
   * read no profile's records from the database. Every profile listed must be listed whole (a resolution
   * run loads whole profiles). Call before any merge.
   */
  know(ids: ArrayLike<number>, profiles: ArrayLike<number>): void {
    if (this.slots > 0) throw new Error('MergeBatch.know must come before any merge')
    for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) throw new Error('MergeBatch.know needs ascending record ids')
    const n = ids.length
    this.knownIds = ids
    this.known = n
    this.growSlots(n)
    let maxProfile = 0
    for (let i = 0; i < n; i++) maxProfile = Math.max(maxProfile, profiles[i]!)
    if (maxProfile < 4 * n + 1024) this.dense = new Int32Array(maxProfile + 1).fill(-1)
    // Walked backwards so each list runs in ascending id order.
    for (let i = n - 1; i >= 0; i--) {
      const profile = profiles[i]!
      let ps = this.slotOfProfile(profile)
      if (ps < 0) ps = this.addProfile(profile)
      this.now[i] = profile
      this.initial[i] = profile
      this.next[i] = this.head[ps]!
      this.head[ps] = i
      this.size[ps]!++
    }
    this.slots = n
  }

  /** The profile record `recordId` is in now (after the merges so far); `known` is its profile before any of them. */
  profileOf(recordId: number, known?: number): number {
    const slot = this.slotOf(recordId)
    if (slot >= 0) return this.now[slot]!
    if (known !== undefined) return known
    const from = this.st.profileOf.get(recordId) as number | undefined
    if (from === undefined) throw new Error(`record ${recordId} does not exist`)
    return from
  }

  /**
   * As `profileOf`, for a record the caller may have passed to `know` at position `at`: then found there, not
   * by a binary search over the known ids (two a merge; 300k records, merge loop 0.26 -> 0.17 s CPU).
   */
  profileAt(at: number, recordId: number, known?: number): number {
    if (at < this.known && this.knownIds[at] === recordId) return this.now[at]!
    return this.profileOf(recordId, known)
  }

  /** As `mergeProfiles`: the larger (then older) profile survives; returns its id. */
  merge(a: number, b: number, change: MembershipChange): number {
    if (a === b) return a
    const pa = this.load(a)
    const pb = this.load(b)
    const sa = this.size[pa]!
    const sb = this.size[pb]!
    const keep = sa > sb || (sa === sb && a < b) ? a : b
    const [pk, pg] = keep === a ? [pa, pb] : [pb, pa]
    const gone = keep === a ? b : a
    if (this.size[pg] === 0) return keep
    const c = this.history.changeOf(change)
    const score = change.score ?? null
    for (let s = this.head[pg]!; s !== -1; s = this.next[s]!) {
      this.now[s] = keep
      this.history.push(this.idOf(s), gone, keep, score, c)
    }
    this.head[pk] = this.mergeLists(this.head[pk]!, this.head[pg]!)
    this.size[pk]! += this.size[pg]!
    this.head[pg] = -1
    this.size[pg] = 0
    this.touched[pk] = 1
    this.touched[pg] = 1
    this.into[pg] = keep
    return keep
  }

  /** Records in `profile` now (after the merges so far). */
  sizeOf(profile: number): number {
    return this.size[this.load(profile)]!
  }

  /**
   * Writes every change (records, history, profile timestamps, retired profiles). Caller owns the
   * transaction. Rows are updated in id order: at a million records the tables outgrow the page cache, and
   * updates in merge order touched pages at random.
   */
  flush(at = new Date().toISOString()): void {
    let count = 0
    for (let s = 0; s < this.slots; s++) if (this.now[s] !== this.initial[s]) count++
    // Typed-array sort: a comparator sort of 600k ids took about half a second. Known slots are in id order
    // already; only records read from the database need the sort.
    const moved = new Float64Array(count)
    const slotAt = new Int32Array(count)
    count = 0
    for (let s = 0; s < this.slots; s++) if (this.now[s] !== this.initial[s]) moved[count++] = this.idOf(s)
    if (this.slots > this.known) moved.sort()
    for (let k = 0; k < count; k++) slotAt[k] = this.slotOf(moved[k]!)
    // A run that moves a large share of the records (a first run) builds the index every move changes afresh:
    // each moved row deletes and re-inserts an entry, profile ids at random. A move leaves records.updated_at
    // (when the record's values changed) as it is: membership_history tells refreshes which profiles changed.
    const held = this.db.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number
    const rebuild = deferIndexes(this.db, { records: ['records_by_profile'] }, () => count * REBUILD_SHARE > held)
    const setProfile = this.db.prepare('UPDATE records SET profile_id = ? WHERE id = ?')
    for (let k = 0; k < count; k++) setProfile.run(this.now[slotAt[k]!]!, moved[k]!)
    rebuild()
    // The history's indexes (record, to_profile) take a run's rows in merge order, at random: a run that adds
    // a large share of the rows builds them afresh. 300k records (141k rows): 0.74 -> 0.48 s CPU.
    const written = this.db.prepare('SELECT coalesce(max(id), 0) FROM membership_history').pluck().get() as number
    const rebuildHistory = deferIndexes(this.db, { membership_history: ['membership_by_record', 'membership_by_profile'] },
      () => this.history.size * REBUILD_SHARE > written)
    this.history.write(this.db, at)
    rebuildHistory()
    this.writeProfiles(at)
  }

  /**
   * Touches every profile the batch changed and retires the emptied ones, in id order. A retire changes
   * `status`, whose CHECK (status IN (...)) SQLite sets up afresh on every execution of a statement: about
   * 1.3 µs of a retire's 3 µs (300k records, 141k retires: 0.63 -> 0.42 s CPU). The statement only ever writes
   * the literal 'merged', so the check is switched off around it.
   */
  private writeProfiles(at: string): void {
    // A retired profile is touched and retired in one statement (as touching, then retiring if still active).
    const retire = this.db.prepare(`UPDATE profiles SET updated_at = ?, merged_into = CASE WHEN status = 'active' THEN ? ELSE merged_into END,
      status = CASE WHEN status = 'active' THEN 'merged' ELSE status END WHERE id = ?`)
    const touch = this.db.prepare('UPDATE profiles SET updated_at = ? WHERE id = ?')
    const order: number[] = []
    for (let ps = 0; ps < this.profiles; ps++) if (this.touched[ps]) order.push(ps)
    const ids = Float64Array.from(order, (ps) => this.pid[ps]!).sort()
    const checks = this.db.pragma('ignore_check_constraints', { simple: true }) as number
    this.db.pragma('ignore_check_constraints = 1')
    try {
      for (const id of ids) {
        const ps = this.slotOfProfile(id)
        if (!Number.isNaN(this.into[ps]!) && this.size[ps] === 0) retire.run(at, this.into[ps]!, id)
        else touch.run(at, id)
      }
    } finally {
      this.db.pragma(`ignore_check_constraints = ${checks}`)
    }
  }

  /** Two member lists (ascending record id) merged into one; returns its head. */
  private mergeLists(x: number, y: number): number {
    let first = -1
    let last = -1
    while (x !== -1 || y !== -1) {
      let take: number
      if (y === -1 || (x !== -1 && this.idOf(x) <= this.idOf(y))) {
        take = x
        x = this.next[x]!
      } else {
        take = y
        y = this.next[y]!
      }
      if (last === -1) first = take
      else this.next[last] = take
      last = take
      // The rest of one list follows as it is.
      if (x === -1 || y === -1) {
        this.next[last] = x === -1 ? y : x
        break
      }
    }
    return first
  }

  private idOf(slot: number): number {
    return slot < this.known ? this.knownIds[slot]! : this.extraIds[slot - this.known]!
  }

  /** The slot of a record, -1 when the batch has not seen it. */
  private slotOf(id: number): number {
    const slot = indexOfSorted(this.knownIds, id, this.known)
    return slot >= 0 ? slot : this.extraSlot.get(id) ?? -1
  }

  private slotOfProfile(profile: number): number {
    if (profile >= 0 && profile < this.dense.length && Number.isInteger(profile)) return this.dense[profile]!
    return this.sparse.get(profile) ?? -1
  }

  /** The profile's slot, its records read from the database when the batch does not have them yet. */
  private load(profile: number): number {
    const ps = this.slotOfProfile(profile)
    if (ps >= 0) return ps
    const created = this.addProfile(profile)
    const ids = this.st.recordsOf.all(profile) as number[]
    this.growSlots(this.slots + ids.length)
    if (this.extraIds.length < this.slots + ids.length - this.known) this.extraIds = grow(this.extraIds, this.slots + ids.length - this.known)
    let prev = -1
    for (const id of ids) {
      const s = this.slots++
      this.extraIds[s - this.known] = id
      this.extraSlot.set(id, s)
      this.now[s] = profile
      this.initial[s] = profile
      this.next[s] = -1
      if (prev === -1) this.head[created] = s
      else this.next[prev] = s
      prev = s
    }
    this.size[created] = ids.length
    return created
  }

  private addProfile(profile: number): number {
    const ps = this.profiles++
    if (ps >= this.pid.length) {
      const cap = Math.max(16, ps * 2)
      this.pid = grow(this.pid, cap)
      this.head = grow(this.head, cap)
      this.size = grow(this.size, cap)
      this.into = grow(this.into, cap)
      this.touched = grow(this.touched, cap)
    }
    this.pid[ps] = profile
    this.head[ps] = -1
    this.size[ps] = 0
    this.into[ps] = NaN
    if (profile >= 0 && profile < this.dense.length && Number.isInteger(profile)) this.dense[profile] = ps
    else this.sparse.set(profile, ps)
    return ps
  }

  private growSlots(need: number): void {
    if (need <= this.now.length) return
    const cap = Math.max(need, this.now.length * 2, 16)
    this.now = grow(this.now, cap)
    this.initial = grow(this.initial, cap)
    this.next = grow(this.next, cap)
  }
}

/** Rebuild the records indexes when more than one record in this many moves. */
const REBUILD_SHARE = 8

type Growable = Float64Array | Int32Array | Uint8Array

/** A copy of `a` with room for `cap` elements. */
function grow<T extends Growable>(a: T, cap: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(cap, a.length))
  out.set(a)
  return out
}
