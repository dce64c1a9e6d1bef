import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'

/** A link that holds two records in one profile: an auto-merged scored pair or a live human approval. */
export interface Edge {
  recordA: number
  recordB: number
  kind: 'auto' | 'approved'
  pairId: number | null
  probability: number | null
  weight: number | null
  decisionId: number | null
  actor: string | null
}

/**
 * The edges inside one profile: pairs the resolver put in the 'auto' band and pairs whose latest live
 * decision is an approval (review or must-link). A pair whose latest live decision is a reject is no
 * edge, whatever its score. Both ends must be in the profile now. CROSS JOIN makes SQLite start from the
 * profile's records (records_by_profile), so the cost follows the profile's size, not the workspace's pairs.
 */
export function profileEdges(db: SqliteDatabase, profileId: number): Edge[] {
  const auto = db.prepare(autoEdgesSql)
    .all({ p: profileId }) as Array<{ id: number; record_a: number; record_b: number; probability: number; weight: number }>
  const approved = db.prepare(`
    SELECT d.id, d.record_a, d.record_b, d.actor, mp.id AS pair_id, mp.probability, mp.weight FROM decisions d
    JOIN records ra ON ra.id = d.record_a JOIN records rb ON rb.id = d.record_b
    LEFT JOIN match_pairs mp ON mp.record_a = d.record_a AND mp.record_b = d.record_b
    WHERE d.decision = 'approve' AND d.undone_at IS NULL AND ra.profile_id = @p AND rb.profile_id = @p
      AND d.id = (SELECT max(id) FROM decisions d2 WHERE d2.record_a = d.record_a AND d2.record_b = d.record_b AND d2.undone_at IS NULL)`)
    .all({ p: profileId }) as Array<{ id: number; record_a: number; record_b: number; actor: string; pair_id: number | null; probability: number | null; weight: number | null }>
  const out: Edge[] = approved.map((d) => ({
    recordA: d.record_a, recordB: d.record_b, kind: 'approved', pairId: d.pair_id, probability: d.probability, weight: d.weight, decisionId: d.id, actor: d.actor,
  }))
  const seen = new Set(out.map((e) => `${e.recordA}:${e.recordB}`))
  for (const p of auto) {
    if (seen.has(`${p.record_a}:${p.record_b}`)) continue
    out.push({ recordA: p.record_a, recordB: p.record_b, kind: 'auto', pairId: p.id, probability: p.probability, weight: p.weight, decisionId: null, actor: null })
  }
  return out
}

/** Auto-band pairs inside profile @p not overruled by a live reject (see profileEdges). */
export const autoEdgesSql = `
    SELECT mp.id, mp.record_a, mp.record_b, mp.probability, mp.weight
    FROM records ra CROSS JOIN match_pairs mp ON mp.record_a = ra.id CROSS JOIN records rb ON rb.id = mp.record_b
    WHERE mp.band = 'auto' AND ra.profile_id = @p AND rb.profile_id = @p
      AND coalesce((SELECT d.decision FROM decisions d WHERE d.record_a = mp.record_a AND d.record_b = mp.record_b
        AND d.undone_at IS NULL ORDER BY d.id DESC LIMIT 1), 'none') <> 'reject'`

/**
 * The shortest chain of edges from `from` to `to` (breadth-first), or null when none connects them.
 * Edges keep their stored orientation (recordA < recordB), not the direction of travel.
 */
export function shortestPath(edges: Edge[], from: number, to: number): Edge[] | null {
  if (from === to) return []
  const adj = new Map<number, Array<{ next: number; edge: Edge }>>()
  const link = (x: number, y: number, edge: Edge): void => {
    const list = adj.get(x) ?? []
    list.push({ next: y, edge })
    adj.set(x, list)
  }
  for (const e of edges) {
    link(e.recordA, e.recordB, e)
    link(e.recordB, e.recordA, e)
  }
  const via = new Map<number, { prev: number; edge: Edge }>()
  const queue = [from]
  const seen = new Set([from])
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i]!
    for (const { next, edge } of adj.get(cur) ?? []) {
      if (seen.has(next)) continue
      seen.add(next)
      via.set(next, { prev: cur, edge })
      if (next === to) return unwind(via, from, to)
      queue.push(next)
    }
  }
  return null
}

function unwind(via: Map<number, { prev: number; edge: Edge }>, from: number, to: number): Edge[] {
  const path: Edge[] = []
  for (let cur = to; cur !== from;) {
    const step = via.get(cur)!
    path.unshift(step.edge)
    cur = step.prev
  }
  return path
}
