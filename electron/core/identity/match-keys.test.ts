import { describe, expect, it } from 'vitest'
import { keyHash } from './match-keys'

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
