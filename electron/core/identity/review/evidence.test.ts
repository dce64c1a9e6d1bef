import { describe, expect, it } from 'vitest'
import { parseEvidence, probabilityOfWeight, waterfall } from './evidence'
import { fieldAgreement } from './field-agreement'

describe('parseEvidence', () => {
  const item = { comparison: 'first_name', level: 'exact', valueA: 'Ann', valueB: 'Ann', weight: 3 }
  it.each([
    ['an array', [{ comparison: 'first_name', level: 'exact', a: 'Ann', b: 'Ann', weight: 3 }], null],
    ['an object with comparisons and a prior', { prior: -7, comparisons: [{ field: 'first_name', label: 'exact', valueA: 'Ann', valueB: 'Ann', weight: 3 }] }, -7],
    ['a map keyed by comparison', { first_name: { level: 'exact', values: ['Ann', 'Ann'], weight: 3 } }, null],
    ['snake_case values', [{ name: 'first_name', level: 'exact', value_a: 'Ann', value_b: 'Ann', weight: 3 }], null],
  ])('reads %s', (_label, json, prior) => {
    expect(parseEvidence(JSON.stringify(json))).toEqual({ items: [item], prior })
  })

  it.each(['not json', 'null', '42', '[{"comparison":"x"}]'])('never throws on %s', (json) => {
    expect(parseEvidence(json).items).toEqual([])
  })
})

describe('waterfall', () => {
  const items = [
    { comparison: 'email', level: 'exact', valueA: 'a@x', valueB: 'a@x', weight: 8 },
    { comparison: 'first_name', level: 'different', valueA: 'Ann', valueB: 'Bob', weight: -4 },
  ]
  it('starts at the stated prior and keeps a running total', () => {
    const w = waterfall(items, -3, 1, 0.67)
    expect(w.steps.map((s) => [s.label, s.weight, s.total])).toEqual([['prior', -3, -3], ['email', 8, 5], ['first_name', -4, 1]])
    expect(w).toMatchObject({ finalWeight: 1, probability: 0.67 })
  })
  it('derives the prior from the stored weight when the evidence has none, so the bars add up', () => {
    expect(waterfall(items, null, 2.5, 0.85).steps[0]!.weight).toBe(-1.5)
    expect(waterfall(items, null, 2.5, 0.85).finalWeight).toBe(2.5)
  })
  it('turns weights into probabilities', () => {
    expect(probabilityOfWeight(0)).toBe(0.5)
    expect(probabilityOfWeight(10)).toBeCloseTo(1024 / 1025)
    expect(probabilityOfWeight(5000)).toBe(1)
  })
})

describe('fieldAgreement', () => {
  it.each([
    ['Ann', 'ann', 'same'],
    ['José', 'Jose', 'same'],
    ['+1 555-123', '+1555123', 'same'],
    ['Jonathan', 'Jonathon', 'close'],
    ['J', 'John', 'close'],
    ['Smith', 'Jones', 'different'],
    [null, 'x', 'missing'],
    ['  ', 'x', 'missing'],
  ] as const)('%s vs %s is %s', (a, b, expected) => {
    expect(fieldAgreement(a, b)).toBe(expected)
  })
})
