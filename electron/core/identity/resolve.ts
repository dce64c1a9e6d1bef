import type { Workspace } from '../db'
import { blockingShape, candidatePairs, storedBlockingShape } from './blocking'
import { C as Cmp, K as Kc } from './comparisons'
import { loadConstraints } from './review/constraints'
import { type Model, toProbability } from './model'
import { latestModel } from './model-store'
import { applyMerges, checkpointRun, markScored, promoteToReview, queueReviews, type RunPairs, storePairs, tuneForSaving } from './persist'
import { loadRunRecords } from './load-records'
import { MergeBatch } from './membership'
import { writeKeys } from './match-keys-store'
import type { Prepared } from './prepare'
import { weighPairs } from './score'
import { familyMailboxShape, firstNameLevel, nameIsLocalPart } from './compare'
import { metaphone } from './text'
import { clusterAside } from './parallel-cluster'
import { computeLevelsParallel } from './parallel-levels'
import { getThresholds, type Thresholds } from './thresholds'
import { randomPairs, trainModel } from './train'

export interface ResolveProgress {
  phase: 'prepare' | 'blocking' | 'scoring' | 'training' | 'clustering' | 'saving'
  done: number
  total: number
}

export interface ResolveOptions {
  /** Rescore every record (and retrain), not only records not scored before. */
  full?: boolean
  signal?: AbortSignal
  onProgress?: (p: ResolveProgress) => void
  /**
   * Called after each step of saving (keys, scored, pairs, refused, merges, review, commit, checkpoint) with its wall
   * and CPU seconds (process CPU, GC threads included; the comparable figure on a shared machine): where a large run's
   * time goes. Keys and scored are written during scoring, and pairs during clustering, so on a run large enough for
   * those phases' worker threads their CPU includes the workers'.
   */
  onSavingStep?: (step: string, seconds: number, cpuSeconds: number) => void
}

export interface ResolveResult {
  /** Profile merges applied (auto and human-approved pairs). */
  merged: number
  /** Pairs waiting in the review queue from this run. */
  queued: number
  /** Candidate pairs scored below the review threshold. */
  nonMatches: number
  candidatePairs: number
  pairsByKey: Record<string, number>
  /** Pairs compared (candidate pairs plus random pairs for u). */
  comparisons: number
  /** Records in the workspace. */
  records: number
  newRecords: number
  /** Records the run read and prepared: all of them, or on an incremental run the new ones' partners and profiles. */
  loadedRecords: number
  /** Auto-band edges the clustering refused (sent to review), by reason. */
  refused: Record<string, number>
  seconds: number
  runId: number
}

// Local copies for the per-pair loops (an imported binding is a getter once transpiled to CommonJS).
const C = { ...Cmp }
const K = Kc

/**
 * Weight (log2 odds) at or above which a single edge may join two clusters on its own. 6 bits (p 0.985): on the
 * generator's 20k set every refused bridge above 5.5 bits joined one person (a name and a full address, a
 * married name and a mailbox), and precision rose as they merged.
 */
const STRONG_BRIDGE_WEIGHT = 6

/**
 * Resolves the workspace's records into profiles: blocking → comparison levels → model (trained on a full or
 * first run, reused on incremental runs) → bands → constrained clustering → merges and review items.
 * Incremental by default: only pairs involving records not scored before (or re-imported since) are scored.
 * All writes happen in one transaction, open from scoring on (the stored keys are written while the scoring worker
 * compares pairs, the scored pairs while the clustering worker clusters); a cancelled (signal) or failed run rolls
 * it back and writes nothing. Cancelling works until saving begins.
 * Throws the signal's reason when aborted.
 */
export async function resolve(ws: Workspace, opts: ResolveOptions = {}): Promise<ResolveResult> {
  const started = new Date()
  const t0 = performance.now()
  const db = ws.sqlite
  const progress = opts.onProgress ?? (() => {})
  progress({ phase: 'prepare', done: 0, total: 1 })
  const constraints = loadConstraints(db)
  const previous = opts.full || !sameBlocking(db) ? null : latestModel(db)
  // Without a model to reuse (a first run, or one stored for other comparisons) the run trains, and must
  // train on the whole workspace's pairs, not only those of the records new since the last run.
  const full = previous === null
  const { p, isNew, partial, oversized } = loadRunRecords(db, { full, reuseModel: !full, mustLink: constraints.mustLink })
  const newCount = isNew.reduce((s, v) => s + v, 0)
  const records = partial ? (db.prepare('SELECT count(*) FROM records').pluck().get() as number) : p.n
  opts.signal?.throwIfAborted()
  progress({ phase: 'blocking', done: 0, total: p.n })
  // A whole-workspace load rewrites every record's stored keys (also filling them in for a workspace
  // scored before they existed); a partial one adds the new records'. Blocking hashes every key value once
  // and hands back their table for saving.
  const which = partial ? isNew : new Uint8Array(p.n).fill(1)
  const cand = candidatePairs(p, { isNew: full ? undefined : isNew, oversized, signal: opts.signal, keysOf: which })
  progress({ phase: 'scoring', done: 0, total: cand.a.length })
  const at = started.toISOString()
  const step = stopwatch(opts.onSavingStep)
  // One write transaction from here to the end: a failed or cancelled run rolls it back and leaves nothing.
  // It opens before scoring so that the stored keys (which need only blocking's table) are written by this
  // thread while the worker compares pairs (see computeLevelsParallel's meanwhile).
  const restoreSettings = tuneForSaving(db)
  let restored = false
  const restore = (): void => {
    if (!restored) restoreSettings()
    restored = true
  }
  try {
    db.exec('BEGIN IMMEDIATE')
    const runId = Number(db.prepare(`INSERT INTO match_runs (started_at, finished_at, full, records, new_records, candidate_pairs, comparisons,
      merged, queued, non_matches, seconds, pairs_by_key, model) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, '{}')`).run(
      at, at, full ? 1 : 0, records, newCount, cand.a.length, JSON.stringify(cand.pairsByKey),
    ).lastInsertRowid)
    // The stored keys need no comparison levels: this thread writes them while the worker compares pairs.
    const meanwhile = (): void => {
      step.reset()
      // A full run rewrites only the stored rows that changed (see writeKeys).
      const write = writeKeys(db, p, which, !partial, cand.keys, cand.crowded)
      step('keys')
      markScored(db, p, write, runId, cand.keys)
      step('scored')
    }
    // Training's random pairs (for u) are compared along with the candidates, on both threads.
    const { levels, extraLevels } = await computeLevelsParallel(p, cand.a, cand.b, opts.signal,
      { extra: previous ? undefined : randomPairs(p.n), meanwhile })
    progress({ phase: 'training', done: 0, total: 1 })
    const model = previous ?? trainModel(p, levels, cand.a.length, constraints, extraLevels)
    const comparisons = cand.a.length + (previous ? 0 : model.trainedOn.randomPairs)
    const thresholds = getThresholds(ws)
    const pairs = band(p, cand.a, cand.b, levels, model, thresholds, sharedInboxes(p))
    opts.signal?.throwIfAborted()
    progress({ phase: 'clustering', done: 0, total: 1 })
    const toIndex = (pairsIn: Array<[number, number]>): Array<[number, number]> => pairsIn
      .map(([x, y]) => [p.indexOf.get(x), p.indexOf.get(y)] as const)
      .filter((q): q is readonly [number, number] => q[0] !== undefined && q[1] !== undefined).map(([x, y]) => [x, y])
    // The pairs are stored (they need only their bands) while a worker clusters; the auto edges the clustering
    // refuses go to review, and get their full evidence once known.
    const reviewBand: number[] = []
    for (let t = 0; t < cand.a.length; t++) if (pairs.band[t] === 1) reviewBand.push(t)
    let pairIds = new Map<number, number>()
    const { result: clusters } = await clusterAside({
      n: p.n, profile: p.profile, a: cand.a, b: cand.b, probability: pairs.probability, band: pairs.band, weight: pairs.weight,
      mustLink: toIndex(constraints.mustLink), cannotLink: toIndex(constraints.cannotLink), systemIds: systemIds(ws, p),
      strongWeight: STRONG_BRIDGE_WEIGHT, duplicate: withinSourceDuplicates(cand.a.length, levels),
    }, () => {
      step.reset()
      pairIds = storePairs(db, p, pairs, model, runId, at, new Set(reviewBand))
      step('pairs')
    })
    opts.signal?.throwIfAborted()
    progress({ phase: 'saving', done: 0, total: 1 })
    step.reset()
    const refused = clusters.refused.map((r) => r.t)
    promoteToReview(db, p, pairs, model, refused, pairIds)
    step('refused')
    const decided = new Set([...constraints.mustLink, ...constraints.cannotLink].map(([x, y]) => `${x}:${y}`))
    const reviewCandidates = [...reviewBand, ...refused]
    let nonMatches = 0
    for (let t = 0; t < cand.a.length; t++) if (pairs.band[t] === 0) nonMatches++
    const membership = new MergeBatch(db)
    // The run loaded whole profiles (every record, or on a partial load everyone in the profiles involved).
    membership.know(p.id, p.profile)
    const merged = applyMerges(db, p, pairs, clusters, at, membership)
    step('merges')
    const queued = queueReviews(db, p, pairs, reviewCandidates, pairIds, decided, at, membership, constraints.cannotLink)
    step('review')
    const seconds = (performance.now() - t0) / 1000
    db.prepare(`UPDATE match_runs SET finished_at = ?, comparisons = ?, merged = ?, queued = ?, non_matches = ?, seconds = ?, model = ?
      WHERE id = ?`).run(new Date().toISOString(), comparisons, merged, queued, nonMatches, seconds,
      JSON.stringify({ ...model, blocking: blockingShape }), runId)
    db.exec('COMMIT')
    step('commit')
    restore()
    checkpointRun(db)
    step('checkpoint')
    return {
      merged, queued, nonMatches, candidatePairs: cand.a.length, pairsByKey: cand.pairsByKey, comparisons, records,
      newRecords: newCount, loadedRecords: p.n, refused: countReasons(clusters.refused), seconds: (performance.now() - t0) / 1000, runId,
    }
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK')
    restore()
  }
}

/** True when the latest run blocked with the current keys (its stored keys and scored pairs mean what they would now). */
function sameBlocking(db: Workspace['sqlite']): boolean {
  const raw = db.prepare('SELECT model FROM match_runs ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined
  return storedBlockingShape(raw) === blockingShape
}

/** Reports the wall and CPU seconds since the previous call (or reset) under `name` (nothing without a listener). */
function stopwatch(report?: (name: string, seconds: number, cpuSeconds: number) => void): ((name: string) => void) & { reset: () => void } {
  const cpuMs = (): number => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
  let last = [performance.now(), cpuMs()] as const
  const step = (name: string): void => {
    if (!report) return
    const now = [performance.now(), cpuMs()] as const
    report(name, Math.round(now[0] - last[0]) / 1000, Math.round(now[1] - last[1]) / 1000)
    last = now
  }
  return Object.assign(step, { reset: () => void (last = [performance.now(), cpuMs()] as const) })
}

function countReasons(refused: Array<{ reason: string }>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of refused) out[r.reason] = (out[r.reason] ?? 0) + 1
  return out
}

/**
 * Weights, probabilities and bands. Deterministic evidence is strong but not blind: a shared email with
 * conflicting first names (a family inbox) goes to review (whatever its score: a human should see it), never
 * auto, unless the dates of birth agree too.
 */
function band(p: Prepared, a: Int32Array, b: Int32Array, levels: Uint8Array, model: Model, t: Thresholds, inboxes: Set<string>): RunPairs {
  const weight = weighPairs(p, a, levels, model)
  const probability = new Float64Array(a.length)
  const bands = new Uint8Array(a.length)
  for (let k = 0; k < a.length; k++) {
    const prob = toProbability(weight[k]!)
    probability[k] = prob
    let bnd = prob >= t.autoMerge ? 2 : prob >= t.review ? 1 : 0
    const off = k * K
    const sharedEmail = levels[off + C.Email] === 1 || levels[off + C.Email] === 2
    if (sharedEmail && levels[off + C.First] === 4 && levels[off + C.Dob] !== 1) bnd = 1
    // A known family inbox, or one named like a household (thewatson@, smithhome@), links a nameless record to
    // nobody in particular: a human decides.
    if (bnd === 2 && (sharedEmail || levels[off + C.Email] === 3) && levels[off + C.First] === 0 &&
      (inboxes.has(p.emailMatch[a[k]!]!) || familyMailboxShape(p.emailLocal[a[k]!]!))) bnd = 1
    bands[k] = bnd
  }
  return { a, b, levels, weight, probability, band: bands }
}

/**
 * Strong within-source duplicate pairs: the same person registered twice in one system (two HubSpot Record
 * IDs). The one-id-per-system rule exists to stop chaining two different customers of one shop; these pairs
 * carry enough personal evidence on their own to be scored on the merits. No name or birth date may disagree
 * (exact, nickname, one typo, the birth year in the email, or missing), plus: the same mailbox (first names agree, or the row has no name),
 * or both names, the same phone and no other house, or the exact same name at the same full address.
 * Household members share address and landline but never a first name, so none of these is a household.
 */
export function withinSourceDuplicates(pairs: number, levels: Uint8Array): Uint8Array {
  const out = new Uint8Array(pairs)
  for (let t = 0; t < pairs; t++) {
    const off = t * K
    const first = levels[off + C.First]!
    const last = levels[off + C.Last]!
    // Birth dates a year apart or different disqualify; the other's birth year in the email (level 4) agrees.
    const dob = levels[off + C.Dob]!
    // The same first name and mailbox under another surname is a married name: a family inbox's members never
    // share a first name.
    const marriedName = first === 1 && last === 4 && (levels[off + C.Email] === 1 || levels[off + C.Email] === 2)
    if (first > 2 || (last > 2 && !marriedName) || dob === 3 || dob === 5) continue
    const namesAgree = first !== 0 && last !== 0
    const email = levels[off + C.Email]!
    const address = levels[off + C.Address]!
    // A nameless row (a newsletter signup) with the same mailbox: the family-inbox rule already kept known
    // shared inboxes out of the auto band.
    const sameMailbox = (email === 1 || email === 2) && (first !== 0 || last === 0)
    const samePhone = namesAgree && levels[off + C.Phone] === 1 && address <= 2
    const sameHome = first === 1 && last === 1 && address === 1
    if (sameMailbox || samePhone || sameHome) out[t] = 1
  }
  return out
}

/**
 * Emails used by records with clearly different first names (Jane and Peter at smithfamily@): family inboxes.
 * Matching on such an address alone says "this household", not "this person".
 */
function sharedInboxes(p: Prepared): Set<string> {
  const firstByEmail = new Map<string, string>()
  const inboxes = new Set<string>()
  for (let i = 0; i < p.n; i++) {
    const e = p.emailMatch[i]!
    const f = p.fn[i]!
    // A help desk's "name" that is the mailbox's own local part (msmith63) names nobody.
    if (!e || !f || nameIsLocalPart(f, p.emailLocal[i]!)) continue
    const seen = firstByEmail.get(e)
    if (seen === undefined) firstByEmail.set(e, f)
    else if (seen !== f && firstNameLevel(seen, f, metaphone(seen), metaphone(f)) === 4) inboxes.add(e)
  }
  return inboxes
}

/**
 * One-per-system ids of each record: its own source key (two keys of one source are two people, unless a
 * human approves), and external ids of systems that are the system of some source of the workspace (a
 * Shopify customer id in a Stripe export). Ids of other kinds (a national id column mapped as an external id)
 * are evidence in the external_id comparison only: typos in them must not forbid a merge.
 */
function systemIds(ws: Workspace, p: Prepared): string[][] {
  const systemOf = new Map<number, string>()
  for (const s of ws.sqlite.prepare('SELECT id, system FROM sources').all() as Array<{ id: number; system: string | null }>) {
    systemOf.set(s.id, s.system ?? `source#${s.id}`)
  }
  const systems = new Set(systemOf.values())
  const out: string[][] = new Array(p.n)
  for (let i = 0; i < p.n; i++) {
    const ids = p.extIds[i]!.filter((x) => systems.has(x.slice(0, x.indexOf(':'))))
    const key = p.sourceKey[i]
    if (key !== null && key !== '') ids.push(`${systemOf.get(p.source[i]!) ?? `source#${p.source[i]}`}:${key}`)
    out[i] = [...new Set(ids)]
  }
  return out
}
