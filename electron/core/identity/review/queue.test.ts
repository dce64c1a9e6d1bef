import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../../test/helpers/seed'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { countReviews, getReview, listReviews } from './queue'
import { joinProfiles, seedPair } from './testing'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

function setup() {
  t = tempWorkspace()
  const ids = seedRecords(t.ws, [
    { source: 'crm', first_name: 'Ann', last_name: 'Lee', email: 'ann@x.com', city: 'Leeds' },
    { source: 'shop', first_name: 'Anne', last_name: 'Lee', email: 'ann@x.com', city: null },
    { source: 'shop', first_name: 'Bob', last_name: 'Ray', email: 'bob@x.com' },
    { source: 'crm', first_name: 'Rob', last_name: 'Ray', email: 'bob@x.com' },
    { source: 'crm', first_name: 'Cy', last_name: 'Ray', email: 'cy@x.com' },
  ])
  return ids as [number, number, number, number, number]
}

describe('listReviews', () => {
  it('orders by priority, filters by status and band, and pages', () => {
    const [a, b, c, d, e] = setup()
    const low = seedPair(t.ws, { a, b, probability: 0.9, priority: 0.2 })
    const high = seedPair(t.ws, { a: c, b: d, probability: 0.5, priority: 0.9 })
    seedPair(t.ws, { a: d, b: e, probability: 0.99, band: 'auto' })
    expect(listReviews(t.ws).map((r) => r.id)).toEqual([high.reviewId, low.reviewId])
    expect(listReviews(t.ws, { band: { min: 0.8 } }).map((r) => r.id)).toEqual([low.reviewId])
    expect(listReviews(t.ws, { limit: 1, offset: 1 }).map((r) => r.id)).toEqual([low.reviewId])
    expect(countReviews(t.ws, { band: { max: 0.6 } })).toBe(1)
    t.ws.sqlite.prepare("UPDATE review_items SET status = 'skipped' WHERE id = ?").run(high.reviewId)
    expect(listReviews(t.ws).map((r) => r.id)).toEqual([low.reviewId])
    expect(listReviews(t.ws, { status: 'all' })).toHaveLength(2)
  })

  it('gives each item the source names and 1-based raw row numbers an oracle needs', () => {
    const [a, b] = setup()
    seedPair(t.ws, { a: b, b: a, probability: 0.7, weight: 1.2 })
    expect(listReviews(t.ws)[0]).toMatchObject({
      recordA: a, recordB: b, probability: 0.7, weight: 1.2, sourceA: 'crm', rowA: 1, sourceB: 'shop', rowB: 1, status: 'pending',
    })
  })

  it.each([
    [{ status: 'open' as never }],
    [{ band: { min: 0.9, max: 0.1 } }],
    [{ band: { max: 2 } }],
    [{ limit: -5 }],
    [{ offset: 1.5 }],
  ])('rejects bad options %j with InvalidInput', (opts) => {
    setup()
    expect(() => listReviews(t.ws, opts)).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
  })
})

describe('getReview', () => {
  it('shows both records side by side with agreement, profile sizes and a waterfall that adds up', () => {
    const [a, b, c] = setup()
    joinProfiles(t.ws, [b, c])
    const evidence = { prior: -6, comparisons: [
      { comparison: 'email', level: 'exact', a: 'ann@x.com', b: 'ann@x.com', weight: 9 },
      { comparison: 'first_name', level: 'close', a: 'Ann', b: 'Anne', weight: 1.5 },
    ] }
    const { reviewId } = seedPair(t.ws, { a, b, probability: 0.98, weight: 4.5, evidence })
    const r = getReview(t.ws, reviewId!)
    expect(r.records.map((x) => [x.id, x.source, x.row, x.profileSize])).toEqual([[a, 'crm', 1, 1], [b, 'shop', 1, 2]])
    const byField = Object.fromEntries(r.agreement.map((x) => [x.field, x.agreement]))
    expect(byField).toMatchObject({ email: 'same', first_name: 'close', last_name: 'same', city: 'missing' })
    expect(r.waterfall.steps.map((s) => s.total)).toEqual([-6, 3, 4.5])
    expect(r.waterfall).toMatchObject({ finalWeight: 4.5, probability: 0.98 })
    expect(r.sameProfile).toBe(false)
  })

  it('throws NotFound for an unknown item', () => {
    setup()
    expect(() => getReview(t.ws, 999)).toThrow(expect.objectContaining({ code: 'NotFound' }))
  })
})
