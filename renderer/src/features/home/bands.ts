/** Pair counts per band for thresholds placed on the histogram, and what moves compared with saved ones. */
export interface Bin {
  from: number
  to: number
  pairs: number
}
export interface Bands {
  auto: number
  review: number
  non: number
}

/**
 * Counts pairs per band from histogram bins: a bin counts in the band its lower edge falls in, so the
 * counts are exact when thresholds sit on bin edges (the UI snaps them there).
 */
export function bandsFor(bins: readonly Bin[], t: { autoMerge: number; review: number }): Bands {
  const eps = 1e-9
  let auto = 0
  let review = 0
  let non = 0
  for (const b of bins) {
    if (b.from + eps >= t.autoMerge) auto += b.pairs
    else if (b.from + eps >= t.review) review += b.pairs
    else non += b.pairs
  }
  return { auto, review, non }
}

/** Snaps a probability to the nearest bin edge of `n` equal bins over [0, 1]. */
export function snap(p: number, n: number): number {
  return Math.round(Math.min(1, Math.max(0, p)) * n) / n
}
