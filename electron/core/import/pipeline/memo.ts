/**
 * Bounded memoisation for the pure normalisers the row transform calls per cell. Real exports repeat
 * values heavily (first names, cities, regions, a buyer's phone on billing and shipping lines, the same
 * email across an order's rows), and some normalisers are costly (libphonenumber parses with full
 * metadata, ~50 µs). Memory stays bounded: when a cache is full it is simply emptied (cheaper than LRU
 * bookkeeping per hit, and a busy value is back after one miss).
 */

/** Entries per memoised function before its cache is emptied. */
export const MEMO_LIMIT = 20_000

/**
 * Wraps a pure one-argument function. Callers must treat results as read-only: the same object is
 * returned for every equal argument.
 */
export function memo1<R>(fn: (a: string) => R, limit = MEMO_LIMIT): (a: string) => R {
  const cache = new Map<string, R>()
  return (a) => {
    const hit = cache.get(a)
    if (hit !== undefined || cache.has(a)) return hit as R
    const r = fn(a)
    if (cache.size >= limit) cache.clear()
    cache.set(a, r)
    return r
  }
}

/**
 * Wraps a pure two-argument function whose second argument is short and drawn from a small set (a country
 * code, a date order). Same read-only contract as memo1.
 */
export function memo2<R>(fn: (a: string, b: string | undefined) => R, limit = MEMO_LIMIT): (a: string, b: string | undefined) => R {
  const byB = new Map<string | undefined, (a: string) => R>()
  return (a, b) => {
    let f = byB.get(b)
    if (!f) {
      f = memo1((x: string) => fn(x, b), limit)
      byB.set(b, f)
    }
    return f(a)
  }
}
