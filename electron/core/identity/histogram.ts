import type { Workspace } from '../db'
import type { Thresholds } from './thresholds'
import { getThresholds } from './thresholds'

export interface ScoreHistogram {
  /** `bins` equal-width bins over match probability [0, 1]; the last bin includes 1. */
  bins: Array<{ from: number; to: number; pairs: number }>
  /** Pairs per band under `thresholds` (the workspace's own unless given). */
  bands: { auto: number; review: number; non: number }
  thresholds: Thresholds
  /** Stored pairs counted (pairs scored far below the review band are not stored; see persist.ts). */
  total: number
}

/**
 * The distribution of stored pair scores, for the threshold sliders of the UI: pairs per probability bin,
 * and how many pairs would fall in each band for the given (or current) thresholds. Reads only.
 * Throws nothing for an empty workspace (all counts 0).
 */
export function scoreHistogram(ws: Workspace, opts: { bins?: number; thresholds?: Thresholds } = {}): ScoreHistogram {
  const n = Math.max(1, Math.min(1000, Math.floor(opts.bins ?? 20)))
  const t = opts.thresholds ?? getThresholds(ws)
  const rows = ws.sqlite.prepare(`SELECT min(CAST(probability * ? AS INTEGER), ? - 1) AS bin, count(*) AS n FROM match_pairs GROUP BY bin`)
    .all(n, n) as Array<{ bin: number; n: number }>
  const bins = Array.from({ length: n }, (_v, i) => ({ from: i / n, to: (i + 1) / n, pairs: 0 }))
  let total = 0
  for (const r of rows) {
    bins[Math.max(0, r.bin)]!.pairs += r.n
    total += r.n
  }
  const count = ws.sqlite.prepare('SELECT count(*) FROM match_pairs WHERE probability >= ? AND probability < ?').pluck()
  const auto = ws.sqlite.prepare('SELECT count(*) FROM match_pairs WHERE probability >= ?').pluck().get(t.autoMerge) as number
  const review = count.get(t.review, t.autoMerge) as number
  return { bins, bands: { auto, review, non: total - auto - review }, thresholds: t, total }
}
