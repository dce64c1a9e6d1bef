/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32). The generator's output must be
 * byte-identical for a seed on every machine and Node version, so nothing here touches Math.random.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  /** `seed` and `stream` pick independent sequences: one stream per chunk keeps chunks reproducible. */
  constructor(seed: number, stream = 0) {
    let s = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream >>> 0, 0x85ebca6b) ^ 0x5bd1e995) >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** A uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('Rng.pick on an empty list')
    return item
  }

  /** Picks from a weighted table built by `weightedTable`. */
  pickWeighted<T>(table: WeightedTable<T>): T {
    const x = this.next() * table.total
    let lo = 0
    let hi = table.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((table.cumulative[mid] ?? 0) > x) hi = mid
      else lo = mid + 1
    }
    return table.items[lo] as T
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const tmp = items[i] as T
      items[i] = items[j] as T
      items[j] = tmp
    }
    return items
  }

  /** Digits as a string, e.g. digits(4) → '0381'. */
  digits(n: number): string {
    let out = ''
    for (let i = 0; i < n; i++) out += String(this.int(10))
    return out
  }
}

export interface WeightedTable<T> {
  items: T[]
  cumulative: number[]
  total: number
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = []
  const cumulative: number[] = []
  let total = 0
  for (const [item, weight] of entries) {
    total += weight
    items.push(item)
    cumulative.push(total)
  }
  return { items, cumulative, total }
}

/** Zipf-like weights for a ranked list: the head is common ("Smith"), the tail is rare. */
export function zipfTable<T>(items: readonly T[], exponent = 1): WeightedTable<T> {
  return weightedTable(items.map((item, i) => [item, 1 / Math.pow(i + 1, exponent)] as const))
}
