import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import { deferIndexes, tuneForBulkWrite } from '../db'
import { MergeBatch } from './membership'
import type { ClusterResult } from './cluster'
import { K } from './comparisons'
import { CompactEvidence } from './compact-evidence'
import { matchWeights, type Model, type Weights } from './model'
import { pairEvidence } from './score'
import type { Prepared } from './prepare'
import { keyTable, writeKeysBlob } from './match-keys'

/**
 * Writing a run's outcome. The caller owns the transaction (resolve wraps all of this in one, so a failed
 * or cancelled run leaves nothing half-written).
 */

/**
 * Page cache for the saving transaction, KiB: set, not only raised (the connection's own is 256 MB). Saving
 * writes in index order (pairs by record, records by id, keys by hash) and rebuilds the indexes it would hit
 * at random, so a small cache costs it nothing measurable, while every page the cache takes stays in the
 * process's memory (malloc keeps it) at the run's peak. 1.3M records, 64 MB against 256 MB: the same saving
 * CPU (29.5 s against 29.3 s), 270 MB less RSS at its end.
 */
const SAVING_CACHE_KIB = 64 * 1024

/**
 * Settings for a run's one saving transaction (see tuneForBulkWrite); returns the function that restores them
 * (call it after the transaction, also when it throws). Every row written references records and profiles
 * the run has just read: no foreign-key checks (at a million records they were most of the pairs' cost).
 * No automatic checkpoint at the commit: the caller runs checkpointRun after it, so the two are timed apart
 * (at 1.3M records the checkpoint, a decryption and an encryption of every page written, was 9 s CPU of the
 * commit's 14 s wall). A connection alone on the workspace (the command line) saves through a rollback journal
 * instead (see writePagesOnce): its pages go straight into the file and checkpointRun finds nothing to copy.
 */
export function tuneForSaving(db: SqliteDatabase): () => void {
  const cache = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = -${SAVING_CACHE_KIB}`)
  const restore = tuneForBulkWrite(db, SAVING_CACHE_KIB)
  const auto = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  return () => {
    db.pragma(`wal_autocheckpoint = ${auto}`)
    restore()
    db.pragma(`cache_size = ${cache}`)
  }
}

/**
 * Copies a committed run's pages from the WAL into the database file, as the commit's automatic checkpoint
 * would have (PASSIVE: it waits for no reader). Call outside the transaction, after tuneForSaving's restore.
 */
export function checkpointRun(db: SqliteDatabase): void {
  db.pragma('wal_checkpoint(PASSIVE)')
}

/** Pairs below this probability are counted but not stored: they would only bloat the file. */
export const STORE_MIN_PROBABILITY = 0.01

export interface RunPairs {
  a: Int32Array
  b: Int32Array
  levels: Uint8Array
  weight: Float64Array
  probability: Float64Array
  band: Uint8Array
}

const BAND_NAMES = ['non', 'review', 'auto'] as const

/** Rows per multi-row INSERT: one statement per row was the largest cost of saving a big run. */
const BATCH_ROWS = 100
/** Values bound per pair row (the run id and time are bound once per statement). */
const PAIR_PARAMS = 6
const UPSERT_TAIL = `ON CONFLICT (record_a, record_b) DO UPDATE SET weight = excluded.weight, probability = excluded.probability,
  band = excluded.band, evidence = excluded.evidence, run_id = excluded.run_id, created_at = excluded.created_at`

/**
 * Upserts the stored pairs into match_pairs; returns pair index → match_pairs id for pairs that may be queued.
 * Pairs that may be queued for review keep their full evidence with the values compared, for the review
 * screen; every other pair (auto merges and non-matches) keeps the compact form (its levels: see
 * compact-evidence.ts): explain expands it with the run's model and fills the values in from the records.
 */
export function storePairs(db: SqliteDatabase, p: Prepared, pairs: RunPairs, model: Model, runId: number, at: string,
  wantIds: Set<number>): Map<number, number> {
  const ids = new Map<number, number>()
  const w = matchWeights(model)
  const compact = new CompactEvidence(w, model)
  const order = storageOrder(p, pairs, wantIds)
  // A run that stores more pairs than the table holds (the first, or a full one) builds the secondary
  // indexes afresh instead of inserting into them at random (max(id) is a cheap upper bound of the rows).
  const held = db.prepare('SELECT coalesce(max(id), 0) FROM match_pairs').pluck().get() as number
  const rebuildIndexes = deferIndexes(db, { match_pairs: ['match_pairs_b'] }, () => order.length > held)
  // Two streams, both in storage order: pairs that may be queued come back with their ids (RETURNING names
  // the records, as rows come back in no promised order); most stored pairs need no id back.
  const plain = new PairWriter(db, runId, at, false)
  const wanted = new PairWriter(db, runId, at, true, (rows) => {
    for (const [id, a, b] of rows) ids.set(wanted.pending.get(`${a}:${b}`)!, id)
    wanted.pending.clear()
  })
  for (const t of order) {
    const i = pairs.a[t]!
    const j = pairs.b[t]!
    const lv = pairs.levels.subarray(t * K, t * K + K)
    const want = wantIds.has(t)
    const evidence = want ? fullEvidence(p, i, j, model, w, lv) : compact.of(lv, pairs.weight[t]!)
    if (want) wanted.pending.set(`${p.id[i]}:${p.id[j]}`, t)
    ;(want ? wanted : plain).add(p.id[i]!, p.id[j]!, pairs.weight[t]!, pairs.probability[t]!, BAND_NAMES[pairs.band[t]!]!, evidence)
  }
  plain.finish()
  wanted.finish()
  rebuildIndexes()
  return ids
}

/**
 * Gives stored pairs that go to review after all (auto edges the clustering refused, known only after storePairs
 * wrote them with compact evidence) their full evidence, and adds their ids to `ids` (pair index → match_pairs id).
 * The rows end as storePairs would have written them had it known.
 */
export function promoteToReview(db: SqliteDatabase, p: Prepared, pairs: RunPairs, model: Model, ts: Iterable<number>,
  ids: Map<number, number>): void {
  const w = matchWeights(model)
  const update = db.prepare('UPDATE match_pairs SET evidence = ? WHERE record_a = ? AND record_b = ? RETURNING id').pluck()
  for (const t of ts) {
    if (ids.has(t)) continue
    const i = pairs.a[t]!
    const j = pairs.b[t]!
    const id = update.get(fullEvidence(p, i, j, model, w, pairs.levels.subarray(t * K, t * K + K)), p.id[i], p.id[j]) as number | undefined
    if (id !== undefined) ids.set(t, id)
  }
}

function fullEvidence(p: Prepared, i: number, j: number, model: Model, w: Weights, lv: Uint8Array): string {
  const ev = pairEvidence(p, i, j, model, w, lv)
  return JSON.stringify({ prior: ev.prior, comparisons: ev.items })
}

/**
 * Upserts match_pairs rows BATCH_ROWS to a statement; with `returning`, hands each statement's [id, record_a,
 * record_b] to `back`. The run id and time, the same in every row, are bound once a statement (@run, @at).
 */
class PairWriter {
  /** For the caller: "record_a:record_b" → pair index of the rows added since the last statement. */
  readonly pending = new Map<string, number>()
  private readonly args: unknown[] = []
  private readonly tail: string
  private readonly shared: { run: number; at: string }
  /** The full-batch statement, prepared once (a last, shorter batch is prepared on its own). */
  private full: Statement | undefined

  constructor(private readonly db: SqliteDatabase, runId: number, at: string, private readonly returning: boolean,
    private readonly back: (rows: Array<[number, number, number]>) => void = () => {}) {
    this.tail = `${UPSERT_TAIL}${returning ? ' RETURNING id, record_a, record_b' : ''}`
    this.shared = { run: runId, at }
  }

  add(a: number, b: number, weight: number, probability: number, band: string, evidence: string): void {
    this.args.push(a, b, weight, probability, band, evidence)
    if (this.args.length === BATCH_ROWS * PAIR_PARAMS) this.flush()
  }

  finish(): void {
    if (this.args.length > 0) this.flush()
  }

  private flush(): void {
    const rows = this.args.length / PAIR_PARAMS
    const sql = `INSERT INTO match_pairs (record_a, record_b, weight, probability, band, evidence, run_id, created_at) VALUES
      ${new Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, @run, @at)').join(', ')} ${this.tail}`
    const st = rows === BATCH_ROWS ? (this.full ??= this.db.prepare(sql)) : this.db.prepare(sql)
    if (this.returning) this.back(st.raw().all(...this.args, this.shared) as Array<[number, number, number]>)
    else st.run(...this.args, this.shared)
    this.args.length = 0
  }
}

/**
 * The pairs to store (probability at least STORE_MIN_PROBABILITY, or possibly queued), in (record_a,
 * record_b) order: the order of match_pairs' unique index and of its foreign keys into records, so each
 * insert lands beside the previous one instead of on a random page. That is what a large run's saving
 * cost once its tables outgrew the page cache. A counting sort by record_a, then each record's few pairs
 * by record_b.
 */
export function storageOrder(p: Prepared, pairs: RunPairs, wanted: ReadonlySet<number>): Uint32Array {
  const n = pairs.a.length
  const keep = new Uint8Array(n)
  let kept = 0
  let maxId = 0
  for (let t = 0; t < n; t++) {
    if (pairs.probability[t]! < STORE_MIN_PROBABILITY && !wanted.has(t)) continue
    keep[t] = 1
    kept++
    maxId = Math.max(maxId, p.id[pairs.a[t]!]!)
  }
  const start = new Uint32Array(maxId + 2)
  for (let t = 0; t < n; t++) if (keep[t]) start[p.id[pairs.a[t]!]! + 1]!++
  for (let g = 1; g < start.length; g++) start[g]! += start[g - 1]!
  const fill = start.slice(0, maxId + 1)
  const order = new Uint32Array(kept)
  for (let t = 0; t < n; t++) if (keep[t]) order[fill[p.id[pairs.a[t]!]!]!++] = t
  const idB = (t: number): number => p.id[pairs.b[t]!]!
  for (let g = 0; g <= maxId; g++) {
    for (let x = start[g]! + 1; x < start[g + 1]!; x++) {
      const t = order[x]!
      const key = idB(t)
      let y = x - 1
      while (y >= start[g]! && idB(order[y]!) > key) {
        order[y + 1] = order[y]!
        y--
      }
      order[y + 1] = t
    }
  }
  return order
}

/**
 * Applies the clustering's merges (in one MergeBatch: the outcome of mergeProfiles pair by pair, written
 * once); returns how many merges changed anything.
 */
export function applyMerges(db: SqliteDatabase, p: Prepared, pairs: RunPairs, result: ClusterResult, at: string,
  batch = new MergeBatch(db)): number {
  let merged = 0
  for (const m of result.merges) {
    const pa = batch.profileAt(m.i, p.id[m.i]!, p.profile[m.i])
    const pb = batch.profileAt(m.j, p.id[m.j]!, p.profile[m.j])
    if (pa === pb) continue
    const score = m.t >= 0 ? pairs.probability[m.t]! : null
    batch.merge(pa, pb, { cause: m.cause, score, actor: m.cause === 'auto' ? 'resolver' : 'resolver (approved pair)', at })
    merged++
  }
  batch.flush(at)
  return merged
}

/**
 * `membership`: the run's MergeBatch after its merges, so profiles and sizes come from memory.
 * Queues review-band pairs (and refused auto edges) whose records are still in different profiles and that
 * no human has decided: one item per two profiles, the pair with the strongest evidence. The analyst's question
 * is whether two profiles are one person, and one answer settles it (an approval merges them, a rejection keeps
 * them apart): on the generator's 20k people 634 of 1,684 items asked it a second or third time through another
 * of their records. Two profiles already pending (an item from an earlier run) or kept apart by a rejection are
 * not asked again. Priority = uncertainty × impact: pairs near 0.5 that would join larger profiles first.
 * `cannotLink`: the rejected record pairs (record ids). Returns how many items were queued.
 */
export function queueReviews(db: SqliteDatabase, p: Prepared, pairs: RunPairs, candidates: number[], pairIds: Map<number, number>,
  decided: Set<string>, at: string, membership: MergeBatch, cannotLink: ReadonlyArray<readonly [number, number]> = []): number {
  const insert = db.prepare(`INSERT INTO review_items (pair_id, status, priority, created_at, updated_at) VALUES (?, 'pending', ?, ?, ?)
    ON CONFLICT (pair_id) DO UPDATE SET priority = excluded.priority, updated_at = excluded.updated_at WHERE status = 'pending'`)
  const profilesKey = (x: number, y: number): string => (x < y ? `${x}:${y}` : `${y}:${x}`)
  const best = new Map<string, { t: number; pa: number; pb: number }>()
  for (const t of candidates) {
    const ra = p.id[pairs.a[t]!]!
    const rb = p.id[pairs.b[t]!]!
    if (decided.has(`${ra}:${rb}`) || !pairIds.has(t)) continue
    const pa = membership.profileAt(pairs.a[t]!, ra, p.profile[pairs.a[t]!])
    const pb = membership.profileAt(pairs.b[t]!, rb, p.profile[pairs.b[t]!])
    if (pa === pb) continue
    const key = profilesKey(pa, pb)
    const had = best.get(key)
    if (had === undefined || pairs.probability[t]! > pairs.probability[had.t]!) best.set(key, { t, pa, pb })
  }
  // Profile pairs an earlier item still asks about (unless it is this very pair, whose priority is refreshed) or a
  // rejection has answered.
  const askedBy = new Map<string, number>()
  for (const [pairId, pa, pb] of pendingItems(db, best.values())) askedBy.set(profilesKey(pa, pb), pairId)
  for (const [ra, rb] of cannotLink) askedBy.set(profilesKey(membership.profileOf(ra), membership.profileOf(rb)), -1)
  let queued = 0
  for (const [key, { t, pa, pb }] of best) {
    const pairId = pairIds.get(t)!
    const asked = askedBy.get(key)
    if (asked !== undefined && asked !== pairId) continue
    const prob = pairs.probability[t]!
    const uncertainty = 1 - Math.abs(2 * prob - 1)
    const impact = Math.log2(2 + membership.sizeOf(pa) + membership.sizeOf(pb))
    insert.run(pairId, Math.max(uncertainty, 0.01) * impact, at, at)
    queued++
  }
  return queued
}

/**
 * Pending review items as [pair id, profile of record_a, profile of record_b], at least those touching one of the
 * `involved` profile pairs. The merges are written (applyMerges flushed them), so the records table holds the
 * profiles as they are now. A run with few items to queue (an incremental one: hundreds, against tens of
 * thousands pending at 1.3M records) looks up only its profiles' items; a large one reads them all at once.
 */
function pendingItems(db: SqliteDatabase, involved: Iterable<{ pa: number; pb: number }>): Array<[number, number, number]> {
  const profiles = new Set<number>()
  for (const { pa, pb } of involved) profiles.add(pa).add(pb)
  const pendingCount = db.prepare("SELECT count(*) FROM review_items WHERE status = 'pending'").pluck().get() as number
  const select = `SELECT mp.id, ra.profile_id, rb.profile_id FROM review_items ri JOIN match_pairs mp ON mp.id = ri.pair_id
    JOIN records ra ON ra.id = mp.record_a JOIN records rb ON rb.id = mp.record_b WHERE ri.status = 'pending'`
  if (profiles.size * 4 >= pendingCount) return db.prepare(select).raw().all() as Array<[number, number, number]>
  const mine = JSON.stringify([...profiles])
  return db.prepare(`${select} AND ri.pair_id IN (
      SELECT mp2.id FROM records r JOIN match_pairs mp2 ON mp2.record_a = r.id WHERE r.profile_id IN (SELECT value FROM json_each(@mine))
      UNION SELECT mp2.id FROM records r JOIN match_pairs mp2 ON mp2.record_b = r.id WHERE r.profile_id IN (SELECT value FROM json_each(@mine)))`)
    .raw().all({ mine }) as Array<[number, number, number]>
}

/**
 * Marks the flagged record versions as scored by this run, with their key hashes (see match-keys.ts; `table`:
 * the flagged records' key table when the caller has it), in 100-row statements. A full run flags the rows
 * writeKeys found changed: a row that already holds the record's raw row and keys keeps the run id that wrote it.
 * A batch's blobs are views of one reused buffer (bound as copies), not an array and a Buffer per record.
 */
export function markScored(db: SqliteDatabase, p: Prepared, which: Uint8Array, runId: number, table = keyTable(p, which)): void {
  const sql = (rows: number): string => `INSERT INTO match_scored (record_id, raw_row_id, run_id, keys) VALUES
    ${new Array<string>(rows).fill('(?, ?, @run, ?)').join(', ')}
    ON CONFLICT (record_id) DO UPDATE SET raw_row_id = excluded.raw_row_id, run_id = excluded.run_id, keys = excluded.keys`
  const batch = db.prepare(sql(BATCH_ROWS))
  const one = db.prepare(sql(1))
  const run = { run: runId }
  const args: unknown[] = []
  // Room for a full batch of records with every key (about 10 values a record).
  let scratch = new Float64Array(BATCH_ROWS * 40)
  let used = 0
  const flush = (): void => {
    if (args.length === BATCH_ROWS * 3) batch.run(...args, run)
    else for (let k = 0; k < args.length; k += 3) one.run(args[k], args[k + 1], args[k + 2], run)
    args.length = 0
    used = 0
  }
  for (let i = 0; i < p.n; i++) {
    if (!which[i]) continue
    const need = table.start[i + 1]! - table.start[i]! + 2
    if (used + need > scratch.length) {
      flush()
      if (need > scratch.length) scratch = new Float64Array(need)
    }
    const end = writeKeysBlob(p, i, table, scratch, used)
    args.push(p.id[i]!, p.rawRow[i]!, Buffer.from(scratch.buffer, used * 8, (end - used) * 8))
    used = end
    if (args.length === BATCH_ROWS * 3) flush()
  }
  flush()
}
