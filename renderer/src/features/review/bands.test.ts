import { describe, expect, it } from 'vitest'
import { bandById, moveSelection, nextAfter, scoreBands, waterfallBars } from './bands'

describe('review bands and selection', () => {
  it('finds bands by id and falls back to All', () => {
    expect(bandById('unsure')).toMatchObject({ min: 0.5, max: 0.7 })
    expect(bandById('nope')).toBe(scoreBands[0])
  })

  it.each([
    { ids: [1, 2, 3], current: 2, next: 3 },
    { ids: [1, 2, 3], current: 3, next: 2 },
    { ids: [1], current: 1, next: undefined },
    { ids: [4, 5], current: undefined, next: 4 },
    { ids: [4, 5], current: 9, next: 4 },
  ])('after $current leaves $ids comes $next', ({ ids, current, next }) => {
    expect(nextAfter(ids, current)).toBe(next)
  })

  it.each([
    { ids: [1, 2, 3], current: 1, delta: 1, to: 2 },
    { ids: [1, 2, 3], current: 3, delta: 1, to: 3 },
    { ids: [1, 2, 3], current: 1, delta: -1, to: 1 },
    { ids: [], current: 1, delta: 1, to: undefined },
  ])('moves $delta from $current in $ids to $to', ({ ids, current, delta, to }) => {
    expect(moveSelection(ids, current, delta)).toBe(to)
  })

  it('turns waterfall steps into floating bars on the running total', () => {
    const bars = waterfallBars([
      { label: 'prior', level: null, weight: -8, total: -8 },
      { label: 'email', level: 'exact', weight: 10, total: 2 },
      { label: 'city', level: 'different', weight: -1.5, total: 0.5 },
    ])
    expect(bars.map((b) => b.range)).toEqual([[-8, 0], [-8, 2], [0.5, 2]])
    expect(bars[1]).toMatchObject({ label: 'email', detail: 'exact', weight: 10 })
  })
})
