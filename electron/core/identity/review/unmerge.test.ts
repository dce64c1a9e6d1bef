import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../../test/helpers/seed'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { loadConstraints } from './constraints'
import { listReviews } from './queue'
import { joinProfiles, seedPair } from './testing'
import { crossPairs, fullCrossLimit, removeRecord, splitProfile } from './unmerge'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

const ctx = { actor: 'ana', reason: 'different people' }
const profile = (id: number) => t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number

function setup(): { ids: number[]; p: number } {
  t = tempWorkspace()
  const ids = seedRecords(t.ws, Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@x.com` })))
  const p = joinProfiles(t.ws, ids.slice(0, 4))
  return { ids, p }
}

describe('splitProfile', () => {
  it('moves each group into a new profile, with cannot-links between all parts and split history', () => {
    const { ids: [a, b, c, d], p } = setup()
    const pending = seedPair(t.ws, { a: a!, b: c!, probability: 0.6 })
    const maxBefore = t.ws.sqlite.prepare('SELECT max(id) FROM profiles').pluck().get() as number
    const r = splitProfile(t.ws, p, [[c!], [d!]], ctx)
    expect(r.profileId).toBe(p)
    expect(r.newProfiles.every((n) => n > maxBefore)).toBe(true)
    expect([profile(a!), profile(b!), profile(c!), profile(d!)]).toEqual([p, p, r.newProfiles[0], r.newProfiles[1]])
    // {a,b} × {c} + {a,b} × {d} + {c} × {d}
    expect(r.decisions).toBe(5)
    expect(loadConstraints(t.ws.sqlite).cannotLink).toEqual([[a, c], [b, c], [a, d], [b, d], [c, d]])
    const reasons = t.ws.sqlite.prepare('SELECT DISTINCT reason FROM decisions').pluck().all()
    expect(reasons).toEqual([`split: profile ${p}: different people`])
    const hist = t.ws.sqlite.prepare("SELECT record_id, cause, actor FROM membership_history WHERE cause = 'split' ORDER BY record_id").all()
    expect(hist).toEqual([{ record_id: c, cause: 'split', actor: 'ana' }, { record_id: d, cause: 'split', actor: 'ana' }])
    expect(listReviews(t.ws)).toEqual([]) // the open item on a–c was answered by the split
    expect(listReviews(t.ws, { status: 'rejected' }).map((i) => i.id)).toEqual([pending.reviewId])
  })

  it('keeps the first group in place when the groups cover every record', () => {
    const { ids: [a, b, c, d], p } = setup()
    const r = splitProfile(t.ws, p, [[a!, b!], [c!, d!]], ctx)
    expect([profile(a!), profile(c!)]).toEqual([p, r.newProfiles[0]])
    expect(r.newProfiles).toHaveLength(1)
  })

  it.each([
    ['no groups', [], 'InvalidInput'],
    ['an empty group', [[]], 'InvalidInput'],
    ['a record of another profile', [[5]], 'InvalidInput'],
    ['a record in two groups', [[1], [1, 2]], 'InvalidInput'],
    ['one group that is the whole profile', [[1, 2, 3, 4]], 'InvalidInput'],
  ])('refuses %s and changes nothing', (_l, groups, code) => {
    const { p } = setup()
    const before = t.ws.sqlite.prepare('SELECT id, profile_id FROM records').all()
    expect(() => splitProfile(t.ws, p, groups, ctx)).toThrow(expect.objectContaining({ code }))
    expect(t.ws.sqlite.prepare('SELECT id, profile_id FROM records').all()).toEqual(before)
    expect(t.ws.sqlite.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(0)
  })

  it('refuses an unknown or retired profile', () => {
    const { ids } = setup()
    expect(() => splitProfile(t.ws, 999, [[1]], ctx)).toThrow(expect.objectContaining({ code: 'NotFound' }))
    const retired = t.ws.sqlite.prepare("SELECT id FROM profiles WHERE status = 'merged' LIMIT 1").pluck().get() as number
    expect(() => splitProfile(t.ws, retired, [[ids[0]!]], ctx)).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
  })
})

describe('removeRecord', () => {
  it('gives the record a profile of its own with cannot-links to everyone it leaves', () => {
    const { ids: [a, b, c, d, e], p } = setup()
    const r = removeRecord(t.ws, b!, ctx)
    expect(profile(b!)).toBe(r.newProfiles[0])
    expect(r.decisions).toBe(3)
    expect(loadConstraints(t.ws.sqlite).cannotLink).toEqual([[a, b], [b, c], [b, d]])
    expect([profile(a!), profile(c!), profile(d!)]).toEqual([p, p, p])
    expect(() => removeRecord(t.ws, e!, ctx)).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
    expect(() => removeRecord(t.ws, 77, ctx)).toThrow(expect.objectContaining({ code: 'NotFound' }))
  })
})

describe('buyer details on a split', () => {
  it('go with the record whose order named them, unless a group names them itself', () => {
    t = tempWorkspace()
    const [anna, bill, annaDetail, billDetail] = seedRecords(t.ws, [{ email: 'anna@x.com' }, { email: 'bill@x.com' },
      { first_name: 'Anna', phone: '+12025550101' }, { first_name: 'Bill', phone: '+12025550199' }])
    const detailOf = t.ws.sqlite.prepare('UPDATE records SET detail_of = ? WHERE id = ?')
    detailOf.run(anna, annaDetail)
    detailOf.run(bill, billDetail)
    const p = joinProfiles(t.ws, [anna!, bill!, annaDetail!, billDetail!])
    const r = removeRecord(t.ws, bill!, ctx)
    expect([profile(bill!), profile(billDetail!)]).toEqual([r.newProfiles[0], r.newProfiles[0]])
    expect([profile(anna!), profile(annaDetail!)]).toEqual([p, p])
    // Named apart from its buyer by the analyst, a detail record goes where it is named.
    const s = splitProfile(t.ws, p, [[annaDetail!]], ctx)
    expect([profile(anna!), profile(annaDetail!)]).toEqual([p, s.newProfiles[0]])
    // A record and its details alone in a profile cannot be removed from it.
    expect(() => removeRecord(t.ws, bill!, ctx)).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
  })
})

describe('crossPairs', () => {
  it('links every pair while small', () => {
    expect(crossPairs([3, 1], [2], new Set())).toEqual([[2, 3], [1, 2]])
  })
  it('beyond the limit, links only the pairs with an edge plus one anchor', () => {
    const x = Array.from({ length: fullCrossLimit }, (_, i) => i + 10)
    const y = [1, 2]
    expect(crossPairs(x, y, new Set(['2:15', '10:11']))).toEqual([[2, 15], [1, 10]])
  })
})
