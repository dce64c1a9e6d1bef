import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../../test/helpers/seed'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { loadConstraints } from './constraints'
import { approve, reject } from './decisions'
import { listReviews } from './queue'
import { joinProfiles, seedPair } from './testing'
import { undo } from './undo'
import { removeRecord, splitProfile } from './unmerge'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

const ana = { actor: 'ana' }

/** Who is where, and which profiles are active: what "restores membership exactly" compares. */
function snapshot() {
  return {
    members: t.ws.sqlite.prepare('SELECT id, profile_id FROM records ORDER BY id').all(),
    profiles: t.ws.sqlite.prepare('SELECT id, status, merged_into FROM profiles ORDER BY id').all(),
  }
}

function setup(): number[] {
  t = tempWorkspace()
  return seedRecords(t.ws, Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@x.com` })))
}

describe('undo', () => {
  it('reverses an approve-merge exactly: the moved records go back and their profile comes back', () => {
    const [a, b, c, d] = setup()
    joinProfiles(t.ws, [a!, b!])
    joinProfiles(t.ws, [c!, d!])
    const { reviewId } = seedPair(t.ws, { a: b!, b: c!, probability: 0.7 })
    const before = snapshot()
    approve(t.ws, reviewId!, ana)
    expect(snapshot()).not.toEqual(before)
    const r = undo(t.ws, ana)
    expect(r).toMatchObject({ decision: 'approve', recordsMoved: 2, reviewIds: [reviewId] })
    expect(snapshot()).toEqual(before)
    expect(listReviews(t.ws).map((i) => i.id)).toEqual([reviewId])
    expect(loadConstraints(t.ws.sqlite)).toEqual({ mustLink: [], cannotLink: [] })
    const last = t.ws.sqlite.prepare("SELECT cause, actor FROM membership_history ORDER BY id DESC LIMIT 1").get()
    expect(last).toEqual({ cause: 'undo', actor: 'ana' })
  })

  it('moves the approved records back even after a later merge carried them into a third profile', () => {
    const [a, b, c, d, e] = setup()
    const home = t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck()
    const bHome = home.get(b) as number
    joinProfiles(t.ws, [c!, d!, e!])
    const { reviewId } = seedPair(t.ws, { a: a!, b: b!, probability: 0.7 })
    approve(t.ws, reviewId!, ana)
    const big = joinProfiles(t.ws, [c!, a!]) // a later run merges the approved profile into a larger one
    expect(home.get(b)).toBe(big)
    expect(undo(t.ws, ana).recordsMoved).toBe(1) // the approval moved b into a's (older) profile
    expect(home.get(b)).toBe(bHome)
    expect(t.ws.sqlite.prepare('SELECT status FROM profiles WHERE id = ?').pluck().get(bHome)).toBe('active')
    expect(home.get(a)).toBe(big) // a never moved because of the decision: it stays where the later run put it
  })

  it('undoes the latest decision by default, or a given review item or decision', () => {
    const [a, b, c] = setup()
    const first = seedPair(t.ws, { a: a!, b: b!, probability: 0.6 })
    const second = seedPair(t.ws, { a: b!, b: c!, probability: 0.6 })
    const d1 = reject(t.ws, first.reviewId!, ana).decisionId!
    const d2 = reject(t.ws, second.reviewId!, ana).decisionId!
    expect(undo(t.ws, { ...ana, reviewId: first.reviewId! }).decisionIds).toEqual([d1])
    expect(undo(t.ws, ana).decisionIds).toEqual([d2])
    expect(() => undo(t.ws, ana)).toThrow(expect.objectContaining({ code: 'NotFound' }))
    expect(() => undo(t.ws, { ...ana, decisionId: d1 })).toThrow(expect.objectContaining({ code: 'Conflict' }))
    expect(listReviews(t.ws)).toHaveLength(2)
  })

  it('undoes a split as a whole, restoring membership and dropping its cannot-links', () => {
    const [a, b, c, d] = setup()
    joinProfiles(t.ws, [a!, b!, c!, d!])
    const before = snapshot()
    splitProfile(t.ws, t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(a) as number, [[c!, d!]], { actor: 'ana', reason: 'two people' })
    expect(loadConstraints(t.ws.sqlite).cannotLink).toHaveLength(4)
    const r = undo(t.ws, ana)
    expect(r.decisionIds).toHaveLength(4)
    expect(r.recordsMoved).toBe(2)
    expect(loadConstraints(t.ws.sqlite).cannotLink).toEqual([])
    expect(snapshot().members).toEqual(before.members)
  })

  it('undoes a record removal', () => {
    const [a, b] = setup()
    joinProfiles(t.ws, [a!, b!])
    const before = snapshot()
    removeRecord(t.ws, b!, ana)
    undo(t.ws, ana)
    expect(snapshot().members).toEqual(before.members)
  })
})
