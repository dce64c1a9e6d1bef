import { describe, expect, it } from 'vitest'
import { linkedPairs, truePairs } from './blocking-coverage'

describe('blocking coverage', () => {
  it('lists every pair of records that share a person, ordered, and finds them by encoded pair', () => {
    const pairs = truePairs(Int32Array.from([0, 1, 0, -1, 0, 1]))
    const list = [...pairs.a].map((a, k) => [a, pairs.b[k]])
    expect([...list].sort()).toEqual([[0, 2], [0, 4], [1, 5], [2, 4]])
    expect(pairs.at.get(2 * 6 + 4)).toBe(list.findIndex(([a, b]) => a === 2 && b === 4))
    expect(pairs.at.get(3 * 6 + 4)).toBeUndefined()
  })

  it('counts the true pairs joined through the edges used, a pair found through a third record included', () => {
    const person = Int32Array.from([0, 0, 0, 1, 1])
    const pairs = truePairs(person)
    const edge = (x: number, y: number): number => pairs.at.get(x * 5 + y)!
    // Edges 0-1 and 1-2 join all three of person 0 (3 pairs); person 1's only edge is left out.
    const used = new Set([edge(0, 1), edge(1, 2)])
    expect(linkedPairs(5, pairs, (t) => used.has(t))).toBe(3)
    expect(linkedPairs(5, pairs, () => true)).toBe(4)
    expect(linkedPairs(5, pairs, () => false)).toBe(0)
  })
})
