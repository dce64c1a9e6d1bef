import { describe, expect, it } from 'vitest'
import { K, levelCounts } from './comparisons'
import { rng, toPatterns } from './train'

describe('toPatterns', () => {
  it('finds the same patterns, in the same order, with the same counts and labels whether keyed by numbers or strings', () => {
    const rand = rng(11)
    const pairs = 20_000
    const levels = new Uint8Array(pairs * K)
    // Few distinct values per comparison so patterns repeat, as they do in real candidate pairs.
    for (let t = 0; t < pairs; t++) for (let k = 0; k < K; k++) levels[t * K + k] = Math.floor(rand() * rand() * levelCounts[k]!)
    const labels = new Int8Array(pairs).map(() => (rand() < 0.01 ? (rand() < 0.5 ? 0 : 1) : -1))
    for (const l of [undefined, labels]) {
      const packed = toPatterns(levels, pairs, l, true)
      expect(packed.size).toBeGreaterThan(100)
      expect(packed).toEqual(toPatterns(levels, pairs, l, false))
      // Every pair is counted once, under a pattern equal to its own levels.
      expect(packed.count.reduce((a, b) => a + b, 0)).toBe(pairs)
    }
  })
})
