import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { mergeProfiles } from './membership'
import type { ClusterResult } from './cluster'
import { K } from './comparisons'
import { matchWeights, type Model } from './model'
import { pairEvidence } from './score'
import type { Prepared } from './prepare'

/**
 * Writing a run's outcome. The caller owns the transaction (resolve wraps all of this in one, so a failed
 * or cancelled run leaves nothing half-written).
 */

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

/** Upserts the stored pairs into match_pairs; returns pair index → match_pairs id for pairs that may be queued. */
export function storePairs(db: SqliteDatabase, p: Prepared, pairs: RunPairs, model: Model, runId: number, at: string,
  wantIds: Set<number>): Map<number, number> {
  const upsert = db.prepare(`INSERT INTO match_pairs (record_a, record_b, weight, probability, band, evidence, run_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (record_a, record_b) DO UPDATE SET weight = excluded.weight, probability = excluded.probability, band = excluded.band,
      evidence = excluded.evidence, run_id = excluded.run_id, created_at = excluded.created_at
    RETURNING id`).pluck()
  const plain = db.prepare(`INSERT INTO match_pairs (record_a, record_b, weight, probability, band, evidence, run_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (record_a, record_b) DO UPDATE SET weight = excluded.weight, probability = excluded.probability, band = excluded.band,
      evidence = excluded.evidence, run_id = excluded.run_id, created_at = excluded.created_at`)
  const ids = new Map<number, number>()
  const w = matchWeights(model)
  for (let t = 0; t < pairs.a.length; t++) {
    if (pairs.probability[t]! < STORE_MIN_PROBABILITY && !wantIds.has(t)) continue
    const i = pairs.a[t]!
    const j = pairs.b[t]!
    const ev = pairEvidence(p, i, j, model, w, pairs.levels.subarray(t * K, t * K + K))
    const evidence = JSON.stringify({ prior: ev.prior, comparisons: ev.items })
    const args = [p.id[i], p.id[j], pairs.weight[t], pairs.probability[t], BAND_NAMES[pairs.band[t]!], evidence, runId, at] as const
    // RETURNING only for the pairs that may be queued: most stored pairs need no id back.
    if (wantIds.has(t)) ids.set(t, upsert.get(...args) as number)
    else plain.run(...args)
  }
  return ids
}

/** Applies the clustering's merges through membership.ts; returns how many merges changed anything. */
export function applyMerges(db: SqliteDatabase, p: Prepared, pairs: RunPairs, result: ClusterResult, at: string): number {
  const profileOf = db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck()
  let merged = 0
  for (const m of result.merges) {
    const pa = profileOf.get(p.id[m.i]) as number
    const pb = profileOf.get(p.id[m.j]) as number
    if (pa === pb) continue
    const score = m.t >= 0 ? pairs.probability[m.t]! : null
    mergeProfiles(db, pa, pb, { cause: m.cause, score, actor: m.cause === 'auto' ? 'resolver' : 'resolver (approved pair)', at })
    merged++
  }
  return merged
}

/**
 * Queues review-band pairs (and refused auto edges) whose records are still in different profiles and that
 * no human has decided. Priority = uncertainty × impact: pairs near 0.5 that would join larger profiles first.
 */
export function queueReviews(db: SqliteDatabase, p: Prepared, pairs: RunPairs, candidates: number[], pairIds: Map<number, number>,
  decided: Set<string>, at: string): number {
  const profileOf = db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck()
  const sizeOf = db.prepare('SELECT count(*) FROM records WHERE profile_id = ?').pluck()
  const insert = db.prepare(`INSERT INTO review_items (pair_id, status, priority, created_at, updated_at) VALUES (?, 'pending', ?, ?, ?)
    ON CONFLICT (pair_id) DO UPDATE SET priority = excluded.priority, updated_at = excluded.updated_at WHERE status = 'pending'`)
  let queued = 0
  for (const t of candidates) {
    const ra = p.id[pairs.a[t]!]!
    const rb = p.id[pairs.b[t]!]!
    if (decided.has(`${ra}:${rb}`)) continue
    const pa = profileOf.get(ra) as number
    const pb = profileOf.get(rb) as number
    const pairId = pairIds.get(t)
    if (pa === pb || pairId === undefined) continue
    const prob = pairs.probability[t]!
    const uncertainty = 1 - Math.abs(2 * prob - 1)
    const impact = Math.log2(2 + (sizeOf.get(pa) as number) + (sizeOf.get(pb) as number))
    insert.run(pairId, Math.max(uncertainty, 0.01) * impact, at, at)
    queued++
  }
  return queued
}

/** Marks every loaded record version as scored by this run. */
export function markScored(db: SqliteDatabase, p: Prepared, isNew: Uint8Array, runId: number): void {
  const up = db.prepare(`INSERT INTO match_scored (record_id, raw_row_id, run_id) VALUES (?, ?, ?)
    ON CONFLICT (record_id) DO UPDATE SET raw_row_id = excluded.raw_row_id, run_id = excluded.run_id`)
  for (let i = 0; i < p.n; i++) if (isNew[i]) up.run(p.id[i], p.rawRow[i], runId)
}

