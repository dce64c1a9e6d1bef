import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../test/helpers/seed'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { detachRecord, MergeBatch, mergeProfiles, moveRecord } from './membership'

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

  it('a MergeBatch finds a known record by its position, and by its id when the position is not its own', () => {
    t = tempWorkspace()
    const ids = seedRecords(t.ws, [{ email: 'a@x.com' }, { email: 'b@x.com' }, { email: 'c@x.com' }])
    const db = t.ws.sqlite
    const mb = new MergeBatch(db)
    mb.know(ids.slice(0, 2), ids.slice(0, 2).map(profileOf))
    const keep = mb.merge(mb.profileAt(0, ids[0]!), mb.profileAt(1, ids[1]!), { cause: 'auto' })
    expect(mb.profileAt(1, ids[1]!)).toBe(keep)
    expect(mb.profileAt(0, ids[1]!)).toBe(keep) // not its position: found by id
    expect(mb.profileAt(2, ids[2]!)).toBe(profileOf(ids[2]!)) // not known: read from the database
  })

  it('a MergeBatch gives exactly what mergeProfiles pair by pair gives: survivors, history, retired profiles', () => {
    const snapshot = (batch: boolean, known = 0): unknown => {
      const w = tempWorkspace()
      try {
        const ids = seedRecords(w.ws, Array.from({ length: 7 }, (_v, i) => ({ email: `p${i}@x.com` })))
        const db = w.ws.sqlite
        // Seeding times differ between the two workspaces by a few ms: only the merges' own times are compared.
        db.exec("UPDATE records SET updated_at = 'seed'; UPDATE profiles SET updated_at = 'seed'; UPDATE membership_history SET at = 'seed'")
        const of = (id: number): number => db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number
        // Record pairs to merge, in order: chains, a repeat, and equal sizes where the older id must win.
        const plan: Array<[number, number]> = [[5, 6], [3, 4], [4, 6], [0, 1], [1, 2], [2, 6], [0, 6]]
        db.transaction(() => {
          const mb = new MergeBatch(db)
          // Told records' profiles up front (as a run does), it reads none of them from the database; told some
          // (whole profiles), it reads the others'.
          if (known) mb.know(ids.slice(0, known), ids.slice(0, known).map(of))
          for (const [x, y] of plan) {
            const change = { cause: 'auto' as const, score: x / 10, actor: 'resolver', at: '2026-01-01T00:00:00.000Z' }
            if (batch) mb.merge(mb.profileOf(ids[x]!), mb.profileOf(ids[y]!), change)
            else mergeProfiles(db, of(ids[x]!), of(ids[y]!), change)
          }
          mb.flush('2026-01-01T00:00:00.000Z')
        })()
        return {
          records: db.prepare('SELECT id, profile_id, updated_at FROM records ORDER BY id').all(),
          history: db.prepare('SELECT record_id, from_profile, to_profile, cause, score, actor, at FROM membership_history ORDER BY id').all(),
          profiles: db.prepare('SELECT id, status, merged_into, updated_at FROM profiles ORDER BY id').all(),
          // The batch moves most records (and adds many history rows), so it rebuilds the records' and the history's
          // indexes: they must end as the schema has them.
          indexes: db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('records', 'membership_history', 'profiles')
            ORDER BY name`).all(),
          plan: db.prepare('EXPLAIN QUERY PLAN SELECT id FROM records WHERE profile_id = 1').all().map((r) => (r as { detail: string }).detail),
          // Profiles are retired with the status CHECK off: it must be back on after the flush.
          checks: db.pragma('ignore_check_constraints', { simple: true }),
        }
      } finally {
        w.dispose()
      }
    }
    t = tempWorkspace()
    const one = snapshot(false) as { history: unknown[] }
    expect(one.history.length).toBeGreaterThan(7)
    expect(JSON.stringify(one)).toContain('records_by_profile')
    expect(JSON.stringify(one)).toContain('membership_by_record')
    expect(JSON.stringify(one)).toContain('"checks":0')
    expect(snapshot(true)).toEqual(one)
    expect(snapshot(true, 7)).toEqual(one)
    expect(snapshot(true, 4)).toEqual(one)
  })

  it('a MergeBatch of hundreds of moves writes the history rows mergeProfiles writes, causes mixed within a batch', () => {
    const snapshot = (batch: boolean): unknown => {
      const w = tempWorkspace()
      try {
        const ids = seedRecords(w.ws, Array.from({ length: 320 }, (_v, i) => ({ email: `q${i}@x.com` })))
        const db = w.ws.sqlite
        db.exec("UPDATE records SET updated_at = 'seed'; UPDATE profiles SET updated_at = 'seed'; UPDATE membership_history SET at = 'seed'")
        const of = (id: number): number => db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number
        // Pairs, then pairs of pairs: 320 moves in 240 merges; two human decisions, so of the three 100-row batches
        // the first and last mix causes and the middle one shares them.
        const plan: Array<[number, number]> = []
        for (let i = 0; i + 1 < 320; i += 2) plan.push([i, i + 1])
        for (let i = 0; i + 2 < 320; i += 4) plan.push([i + 2, i])
        db.transaction(() => {
          const mb = new MergeBatch(db)
          plan.forEach(([x, y], k) => {
            const change = k === 5 || k === 190
              ? { cause: 'review' as const, decisionId: k, actor: 'ana', reason: 'same person', at: '2026-01-02T00:00:00.000Z' }
              : { cause: 'auto' as const, score: k / 1000, actor: 'resolver', at: '2026-01-01T00:00:00.000Z' }
            if (batch) mb.merge(mb.profileOf(ids[x]!), mb.profileOf(ids[y]!), change)
            else mergeProfiles(db, of(ids[x]!), of(ids[y]!), change)
          })
          mb.flush('2026-01-01T00:00:00.000Z')
        })()
        return db.prepare('SELECT id, record_id, from_profile, to_profile, cause, score, decision_id, actor, reason, at FROM membership_history ORDER BY id').all()
      } finally {
        w.dispose()
      }
    }
    t = tempWorkspace()
    const one = snapshot(false) as unknown[]
    expect(one.length).toBeGreaterThan(320 + 300)
    expect(snapshot(true)).toEqual(one)
  })
})
