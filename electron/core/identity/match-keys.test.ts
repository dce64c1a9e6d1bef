import { describe, expect, it } from 'vitest'
import { keyHash, keyOrder } from './match-keys'

describe('keyHash', () => {
  it('is a stable non-negative safe integer that depends on the key as well as the value', () => {
    const values = ['', 'smith', 'smyth', 'smith|90210', 'jane.doe@example.com', 'Ünïcødé', 'x'.repeat(500)]
    const seen = new Set<number>()
    for (const v of values) {
      for (const kind of [0, 1, 16, 1000]) {
        const h = keyHash(kind, v)
        expect(Number.isSafeInteger(h)).toBe(true)
        expect(h).toBeGreaterThanOrEqual(0)
        expect(keyHash(kind, v)).toBe(h)
        seen.add(h)
      }
    }
    expect(seen.size).toBe(values.length * 4)
  })

  it('spreads 100k similar values without a collision', () => {
    const seen = new Set<number>()
    for (let i = 0; i < 100_000; i++) seen.add(keyHash(3, `+1555${String(i).padStart(7, '0')}`))
    expect(seen.size).toBe(100_000)
  })
})

describe('keyOrder', () => {
  it.each([
    ['no rows', 0, 1],
    ['one block', 50, 1],
    ['many small blocks', 2000, 700],
    ['mostly distinct', 3000, 1_000_000],
  ])('%s: rows in (key, record) order, as a comparator sort puts them', (_name, rows, values) => {
    // Rows in record order, as keyTable lays them out; hashes drawn from `values` distinct ones.
    const rec = Int32Array.from({ length: rows }, (_v, r) => Math.floor(r / 3))
    const hash = Float64Array.from({ length: rows }, (_v, r) => keyHash(r % 5, String((r * 7919) % values)))
    const order = [...keyOrder({ hash, rec, start: new Uint32Array(0) })]
    const expected = Array.from({ length: rows }, (_v, r) => r).sort((x, y) => hash[x]! - hash[y]! || rec[x]! - rec[y]!)
    expect(order.map((r) => [hash[r], rec[r]])).toEqual(expected.map((r) => [hash[r], rec[r]]))
  })
})
