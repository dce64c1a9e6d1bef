import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../test/helpers/seed'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { detachRecord, mergeProfiles, moveRecord } from './membership'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())
const profileOf = (id: number) => t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number

describe('membership', () => {
  it('merge keeps the larger profile, then the older, and retires the other', () => {
    t = tempWorkspace()
    const [r1, r2, r3] = seedRecords(t.ws, [{ email: 'a@x.com' }, { email: 'b@x.com' }, { email: 'c@x.com' }])
    const db = t.ws.sqlite
    const p2 = profileOf(r2!)
    const p3 = profileOf(r3!)
    const keep23 = db.transaction(() => mergeProfiles(db, p3, p2, { cause: 'auto', score: 12 }))()
    expect(keep23).toBe(p2) // same size: the older id survives
    const keep = db.transaction(() => mergeProfiles(db, profileOf(r1!), p2, { cause: 'review', actor: 'ana' }))()
    expect(keep).toBe(p2) // larger survives
    expect(new Set([profileOf(r1!), profileOf(r2!), profileOf(r3!)])).toEqual(new Set([p2]))
    expect(db.prepare("SELECT status, merged_into FROM profiles WHERE id = ?").get(p3)).toEqual({ status: 'merged', merged_into: p2 })
    const history = db.prepare('SELECT record_id, cause FROM membership_history WHERE cause != ? ORDER BY id').all('import')
    expect(history).toEqual([{ record_id: r3, cause: 'auto' }, { record_id: r1, cause: 'review' }])
  })

  it('detach puts a record in a brand-new profile with a never-used id', () => {
    t = tempWorkspace()
    const [r1, r2] = seedRecords(t.ws, [{ email: 'a@x.com' }, { email: 'b@x.com' }])
    const db = t.ws.sqlite
    db.transaction(() => moveRecord(db, r2!, profileOf(r1!), { cause: 'auto' }))()
    const before = db.prepare('SELECT max(id) FROM profiles').pluck().get() as number
    const fresh = db.transaction(() => detachRecord(db, r2!, { cause: 'split', reason: 'different person', actor: 'ana' }))()
    expect(fresh).toBeGreaterThan(before)
    expect(profileOf(r2!)).toBe(fresh)
  })
})
