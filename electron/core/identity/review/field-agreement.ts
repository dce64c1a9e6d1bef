import type { FieldAgreement } from './types'

/**
 * How two values of one field compare, for the side-by-side view: 'missing' when either is empty,
 * 'same' after folding case, accents, punctuation and spacing, 'close' when the folded strings are at
 * least 80% similar (edit distance) or one is an initial/prefix of the other, else 'different'.
 * A display aid only: the score comes from the resolver's comparisons, not from this.
 */
export function fieldAgreement(a: string | null | undefined, b: string | null | undefined): FieldAgreement {
  const x = fold(a)
  const y = fold(b)
  if (x === '' || y === '') return 'missing'
  if (x === y) return 'same'
  if (x.startsWith(y) || y.startsWith(x)) return 'close'
  return similarity(x, y) >= 0.8 ? 'close' : 'different'
}

/** Lower case, no accents, letters and digits only. */
export function fold(v: string | null | undefined): string {
  if (v === null || v === undefined) return ''
  return v.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** 1 − Damerau-Levenshtein (optimal string alignment) distance / longer length. */
export function similarity(a: string, b: string): number {
  const n = a.length
  const m = b.length
  if (n === 0 && m === 0) return 1
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const row = d[i]!
      const prev = d[i - 1]!
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      row[j] = v
    }
  }
  return 1 - d[n]![m]! / Math.max(n, m)
}
