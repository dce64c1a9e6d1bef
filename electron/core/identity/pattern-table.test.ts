import { expect, it } from 'vitest'
import { PatternTable } from './pattern-table'
import { rng } from './train'

it('numbers keys in first-seen order as a Map would, across its growth and for keys above 2^31', () => {
  const rand = rng(3)
  const table = new PatternTable()
  const reference = new Map<number, number>()
  for (let t = 0; t < 60_000; t++) {
    // Few distinct small keys and many large ones (up to 2^50), with repeats of both.
    const key = rand() < 0.5 ? Math.floor(rand() * 50) : Math.floor(rand() * 20_000) * 2 ** 30 + 7
    if (!reference.has(key)) reference.set(key, reference.size)
    expect(table.numberOf(key)).toBe(reference.get(key))
  }
  expect(table.size).toBe(reference.size)
  expect(table.size).toBeGreaterThan(10_000)
})
