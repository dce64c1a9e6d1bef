import { describe, expect, it } from 'vitest'
import { bandsFor, snap } from './bands'

const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, pairs: i + 1 }))

describe('bandsFor', () => {
  it.each([
    [{ autoMerge: 0.8, review: 0.3 }, { auto: 9 + 10, review: 4 + 5 + 6 + 7 + 8, non: 1 + 2 + 3 }],
    [{ autoMerge: 1, review: 0 }, { auto: 0, review: 55, non: 0 }],
    [{ autoMerge: 0, review: 0 }, { auto: 55, review: 0, non: 0 }],
    // Floating edges (0.1 * 3 = 0.30000000000000004) still land in the right band.
    [{ autoMerge: 0.7, review: 0.3 }, { auto: 8 + 9 + 10, review: 4 + 5 + 6 + 7, non: 6 }],
  ])('%j', (t, expected) => expect(bandsFor(bins, t)).toEqual(expected))
})

describe('snap', () => {
  it.each([
    [0.33, 50, 0.34],
    [0.305, 50, 0.3],
    [-1, 50, 0],
    [2, 50, 1],
  ])('%f over %i bins → %f', (p, n, s) => expect(snap(p, n)).toBeCloseTo(s))
})
