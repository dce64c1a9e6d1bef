import { K, levelCounts } from './comparisons'
import { type Patterns, toPatterns } from './train'

/** Levels fit in 3 bits each (and a label in 2 more) while every comparison has at most 8 levels and K ≤ 16. */
const PACKABLE = K <= 16 && levelCounts.every((c) => c <= 8)

/**
 * The same distinct level patterns as train.ts's `toPatterns` (same patterns, same first-seen order, same
 * counts, so EM sums in the same order and fits the same model), keyed by a number built from the levels
 * instead of a string: at 15M candidate pairs the string keys were most of the training time.
 */
export function fastPatterns(levels: Uint8Array, pairs: number, labels?: Int8Array): Patterns {
  if (!PACKABLE) return toPatterns(levels, pairs, labels)
  const index = new Map<number, number>()
  const first: number[] = []
  const counts: number[] = []
  const lab: number[] = []
  for (let i = 0; i < pairs; i++) {
    const label = labels ? labels[i]! : -1
    let key = label + 1
    const off = i * K
    for (let k = 0; k < K; k++) key = key * 8 + levels[off + k]!
    let at = index.get(key)
    if (at === undefined) {
      at = first.length
      index.set(key, at)
      first.push(i)
      counts.push(0)
      lab.push(label)
    }
    counts[at]!++
  }
  const out = new Uint8Array(first.length * K)
  first.forEach((i, x) => out.set(levels.subarray(i * K, i * K + K), x * K))
  return { levels: out, count: Float64Array.from(counts), label: Int8Array.from(lab), size: first.length }
}
