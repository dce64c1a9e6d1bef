import { describe, expect, it } from 'vitest'
import { K, levelCounts } from './comparisons'
import { fastPatterns } from './patterns'
import { rng, toPatterns } from './train'

describe('fastPatterns', () => {
  it('finds the same patterns, in the same order, with the same counts and labels as toPatterns', () => {
    const rand = rng(11)
    const pairs = 20_000
    const levels = new Uint8Array(pairs * K)
    // Few distinct values per comparison so patterns repeat, as they do in real candidate pairs.
    for (let t = 0; t < pairs; t++) for (let k = 0; k < K; k++) levels[t * K + k] = Math.floor(rand() * rand() * levelCounts[k]!)
    const labels = new Int8Array(pairs).map(() => (rand() < 0.01 ? (rand() < 0.5 ? 0 : 1) : -1))
    for (const l of [undefined, labels]) {
      const fast = fastPatterns(levels, pairs, l)
      expect(fast.size).toBeGreaterThan(100)
      expect(fast).toEqual(toPatterns(levels, pairs, l))
    }
  })
})
