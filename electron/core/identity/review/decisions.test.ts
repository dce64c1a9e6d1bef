import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../../test/helpers/seed'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { verifyAudit } from '../../privacy/audit'
import { cannotLinkSql } from './decide'
import { loadConstraints } from './constraints'
import { answerReviews, approve, decideBand, reject, skip } from './decisions'
import { listReviews } from './queue'
import { joinProfiles, seedPair } from './testing'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

const ana = { actor: 'ana', reason: 'same person' }
const profile = (id: number) => t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number

function setup(n = 4): number[] {
  t = tempWorkspace()
  return seedRecords(t.ws, Array.from({ length: n }, (_, i) => ({ email: `p${i}@x.com`, first_name: `P${i}` })))
}

/** The audit chain verifies and holds entries (the privacy module owns the chain). */
function auditChainOk(): boolean {
  const v = verifyAudit(t.ws.sqlite)
  return v.ok && v.entries > 0
}

describe('approve', () => {
  it('merges the two profiles now, with history, and is a must-link for every later run', () => {
    const [a, b, c] = setup()
    joinProfiles(t.ws, [b!, c!]) // b's profile is larger: it keeps its id
    const keep = profile(b!)
    const { reviewId } = seedPair(t.ws, { a: a!, b: b!, probability: 0.8 })
    const r = approve(t.ws, reviewId!, ana)
    expect(r).toMatchObject({ status: 'approved', profileId: keep, alreadyTogether: false })
    expect([profile(a!), profile(c!)]).toEqual([keep, keep])
    const hist = t.ws.sqlite.prepare("SELECT cause, decision_id, actor FROM membership_history WHERE record_id = ? ORDER BY id DESC LIMIT 1").get(a)
    expect(hist).toEqual({ cause: 'review', decision_id: r.decisionId, actor: 'ana' })
    expect(loadConstraints(t.ws.sqlite).mustLink).toEqual([[a, b]])
    expect(listReviews(t.ws)).toEqual([])
    expect(auditChainOk()).toBe(true)
  })

  it('refuses an approval that would join records a decision keeps apart, writing nothing', () => {
    const [a, b, c] = setup()
    joinProfiles(t.ws, [b!, c!])
    const first = seedPair(t.ws, { a: a!, b: c!, probability: 0.6 })
    reject(t.ws, first.reviewId!, ana)
    const second = seedPair(t.ws, { a: a!, b: b!, probability: 0.7 })
    const before = t.ws.sqlite.prepare('SELECT count(*) FROM decisions').pluck().get()
    expect(() => approve(t.ws, second.reviewId!, ana)).toThrow(expect.objectContaining({ code: 'Conflict' }))
    expect(t.ws.sqlite.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(before)
    expect(profile(a!)).not.toBe(profile(b!))
  })

  it.each([
    ['an unknown item', 99, 'ana', 'NotFound'],
    ['a bad id', -1, 'ana', 'InvalidInput'],
    ['no actor', 1, ' ', 'InvalidInput'],
  ])('throws for %s', (_l, id, actor, code) => {
    setup()
    seedPair(t.ws, { a: 1, b: 2, probability: 0.5 })
    expect(() => approve(t.ws, id, { actor })).toThrow(expect.objectContaining({ code }))
  })

  it('will not decide an item twice', () => {
    const [a, b] = setup()
    const { reviewId } = seedPair(t.ws, { a: a!, b: b!, probability: 0.5 })
    approve(t.ws, reviewId!, ana)
    expect(() => reject(t.ws, reviewId!, ana)).toThrow(expect.objectContaining({ code: 'Conflict' }))
  })
})

describe('reject and skip', () => {
  it('records a cannot-link without moving anyone, even when the two are already together', () => {
    const [a, b, c] = setup()
    const p = joinProfiles(t.ws, [a!, b!, c!])
    const { reviewId } = seedPair(t.ws, { a: a!, b: c!, probability: 0.6 })
    const r = reject(t.ws, reviewId!, { actor: 'ana', reason: 'household' })
    expect(r).toMatchObject({ status: 'rejected', alreadyTogether: true, profileId: null })
    expect([profile(a!), profile(c!)]).toEqual([p, p])
    expect(loadConstraints(t.ws.sqlite).cannotLink).toEqual([[a, c]])
  })

  it('skip sets the item aside without a decision', () => {
    const [a, b] = setup()
    const { reviewId } = seedPair(t.ws, { a: a!, b: b!, probability: 0.5 })
    expect(skip(t.ws, reviewId!, ana).status).toBe('skipped')
    expect(listReviews(t.ws, { status: 'skipped' })).toHaveLength(1)
    expect(loadConstraints(t.ws.sqlite)).toEqual({ mustLink: [], cannotLink: [] })
    expect(approve(t.ws, reviewId!, ana).status).toBe('approved') // a skipped item can still be decided
  })
})

describe('decideBand', () => {
  it('decides every pending item in the band and counts conflicts', () => {
    const [a, b, c, d] = setup(4)
    const apart = seedPair(t.ws, { a: a!, b: d!, probability: 0.3 })
    reject(t.ws, apart.reviewId!, ana)
    seedPair(t.ws, { a: a!, b: b!, probability: 0.9, priority: 0.9 })
    seedPair(t.ws, { a: b!, b: c!, probability: 0.85, priority: 0.8 })
    seedPair(t.ws, { a: c!, b: d!, probability: 0.8, priority: 0.7 }) // decided last: would join d with a: conflict
    seedPair(t.ws, { a: b!, b: d!, probability: 0.4 }) // outside the band
    const r = decideBand(t.ws, { min: 0.75, max: 0.95, decision: 'approve', actor: 'ana' })
    expect(r).toEqual({ matched: 3, approved: 2, rejected: 0, conflicts: 1 })
    expect(new Set([profile(a!), profile(b!), profile(c!)]).size).toBe(1)
    expect(profile(d!)).not.toBe(profile(a!))
    expect(decideBand(t.ws, { min: 0, max: 0.5, decision: 'reject', actor: 'ana' })).toEqual({ matched: 1, approved: 0, rejected: 1, conflicts: 0 })
    expect(auditChainOk()).toBe(true)
  })

  it.each([
    [{ min: 0.9, max: 0.1, decision: 'approve' as const, actor: 'ana' }],
    [{ min: 0, max: 1, decision: 'maybe' as never, actor: 'ana' }],
  ])('rejects a bad band request %j', (band) => {
    setup()
    expect(() => decideBand(t.ws, band)).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
  })
})

describe('query plans', () => {
  it('finds cannot-links between two profiles through the profile index, not a scan of all decisions', () => {
    setup()
    const plan = t.ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${cannotLinkSql}`).all({ p: 1, q: 2 }) as Array<{ detail: string }>
    const details = plan.map((r) => r.detail).join('\n')
    expect(details).toMatch(/records_by_profile/)
    expect(details).not.toMatch(/SCAN d\b/)
  })
})

describe('answerReviews', () => {
  it('applies a batch in order, collecting conflicts', () => {
    const [a, b, c] = setup()
    const ab = seedPair(t.ws, { a: a!, b: b!, probability: 0.6 }).reviewId!
    const bc = seedPair(t.ws, { a: b!, b: c!, probability: 0.6 }).reviewId!
    const ac = seedPair(t.ws, { a: a!, b: c!, probability: 0.6 }).reviewId!
    const r = answerReviews(t.ws, [{ id: ab, decision: 'reject' }, { id: bc, decision: 'skip' }, { id: ac, decision: 'approve' }, { id: ab, decision: 'approve' }], ana)
    expect(r).toMatchObject({ approved: 1, rejected: 1, skipped: 1 })
    expect(r.conflicts.map((x) => x.id)).toEqual([ab])
    expect(profile(a!)).toBe(profile(c!))
  })

  it('rolls the whole batch back on an unknown item', () => {
    const [a, b] = setup()
    const ab = seedPair(t.ws, { a: a!, b: b!, probability: 0.6 }).reviewId!
    expect(() => answerReviews(t.ws, [{ id: ab, decision: 'approve' }, { id: 404, decision: 'reject' }], ana))
      .toThrow(expect.objectContaining({ code: 'NotFound' }))
    expect(profile(a!)).not.toBe(profile(b!))
    expect(t.ws.sqlite.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(0)
  })
})
