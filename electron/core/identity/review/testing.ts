import type { Workspace } from '../../db'
import { mergeProfiles } from '../membership'
import { orderPair } from './records'

/**
 * Test support: writes a scored pair (and, in the review band, its review item) the way the resolver
 * does, so the review layer can be tested without running the resolver. Not used by production code.
 */
export interface SeedPair {
  a: number
  b: number
  probability: number
  weight?: number
  band?: 'auto' | 'review' | 'non'
  priority?: number
  evidence?: unknown
}

export function seedPair(ws: Workspace, p: SeedPair): { pairId: number; reviewId: number | null } {
  const [a, b] = orderPair(p.a, p.b)
  const band = p.band ?? 'review'
  const weight = p.weight ?? Math.log2(p.probability / (1 - p.probability))
  const at = '2026-01-02T00:00:00.000Z'
  const evidence = p.evidence ?? [{ comparison: 'email', level: 'exact', a: 'x', b: 'x', weight }]
  const pairId = Number(ws.sqlite.prepare(`INSERT INTO match_pairs (record_a, record_b, weight, probability, band, evidence, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(a, b, weight, p.probability, band, JSON.stringify(evidence), at).lastInsertRowid)
  if (band !== 'review') return { pairId, reviewId: null }
  const priority = p.priority ?? 1 - Math.abs(p.probability - 0.5) * 2
  const reviewId = Number(ws.sqlite.prepare('INSERT INTO review_items (pair_id, priority, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(pairId, priority, at, at).lastInsertRowid)
  return { pairId, reviewId }
}

/** Puts records into one profile the way an auto-merge does (membership cause 'auto'); returns it. */
export function joinProfiles(ws: Workspace, records: number[]): number {
  const profile = ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck()
  let target = profile.get(records[0]) as number
  for (const r of records.slice(1)) target = mergeProfiles(ws.sqlite, target, profile.get(r) as number, { cause: 'auto', score: 0.99 })
  return target
}
