import { describe, expect, it } from 'vitest'
import { NumberMemo } from './number-memo'

describe('NumberMemo', () => {
  it('answers as a Map does, through many resizes, for code-pair keys up to 2^50 and negative ones', () => {
    const memo = new NumberMemo()
    const map = new Map<number, number>()
    let seed = 7
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    const keyOf = (): number => (rand(4) * 2 ** 24 + rand(5000)) * 2 ** 24 + rand(5000)
    for (let k = 0; k < 50_000; k++) {
      const key = k % 1000 === 0 ? -rand(1000) : keyOf()
      const value = rand(7)
      memo.set(key, value)
      map.set(key, value)
    }
    expect(memo.size).toBe(map.size)
    for (const [key, value] of map) expect(memo.get(key)).toBe(value)
    for (let k = 0; k < 10_000; k++) {
      const key = keyOf()
      expect(memo.get(key)).toBe(map.get(key))
    }
    // 0 and a key whose halves are equal are keys like any other.
    expect(memo.get(0.5)).toBeUndefined()
    memo.set(0, 3).set(2 ** 32 + 1, 4)
    expect([memo.get(0), memo.get(2 ** 32 + 1)]).toEqual([3, 4])
  })
})
