import { afterEach, describe, expect, it } from 'vitest'
import { comparePair, getThresholds, resolve, scoreHistogram, setThresholds } from '../../electron/core/identity'
import { detachRecord } from '../../electron/core/identity/membership'
import { explain } from '../../electron/core/identity/review'
import { readStoredEvidence } from '../../electron/core/identity/review/stored-evidence'
import { cdp } from '../helpers/cli'
import { type SeedRecord, seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

const profileOf = (id: number): number => t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number
const pending = (): number => t.ws.sqlite.prepare("SELECT count(*) FROM review_items WHERE status = 'pending'").pluck().get() as number

/** Unrelated people, so the model has non-matches to learn from. */
const crowd: SeedRecord[] = [
  ['Olivia', 'Brown', 'Leeds'], ['Noah', 'Wilson', 'York'], ['Emma', 'Taylor', 'Bath'], ['Liam', 'Davies', 'Hull'],
  ['Ava', 'Evans', 'Derby'], ['Mason', 'Thomas', 'Ely'], ['Sophia', 'Roberts', 'Wells'], ['Lucas', 'Walker', 'Truro'],
].map(([first_name, last_name, city], i) => ({
  first_name, last_name, city, email: `${first_name!.toLowerCase()}${i}@mail.test`, phone: `+4420700000${i}`, birth_date: `19${70 + i}-0${(i % 9) + 1}-1${i}`,
}))

const john: SeedRecord = {
  first_name: 'John', last_name: 'Smith', email: 'john.smith@example.com', phone: '+15551234567', street: '12 Pinkerton Circuit',
  city: 'Springfield', postcode: '4560', birth_date: '1980-03-10',
}

describe('resolve', () => {
  it('merges the same person across sources in a tiny workspace, and reports its counts', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, crowd)
    const [a, b] = seedRecords(t.ws, [{ ...john, source: 'crm' }, { ...john, first_name: 'Jon', email: 'JOHN.SMITH@example.com'.toLowerCase(), source: 'shop' }])
    const pairIndexes = (): unknown[] => t.ws.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'match_pairs' ORDER BY name").all()
    const schema = pairIndexes()
    const r = await resolve(t.ws)
    // A first run builds match_pairs' secondary indexes after writing its pairs: they end as the schema has them.
    expect(pairIndexes()).toEqual(schema)
    // Saving ran without foreign-key checks and with a larger page cache: nothing dangles, the settings are back.
    expect(t.ws.sqlite.pragma('foreign_key_check')).toEqual([])
    expect(t.ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(t.ws.sqlite.pragma('cache_size', { simple: true })).toBe(-262144)
    expect(r.merged).toBe(1)
    expect(profileOf(a!)).toBe(profileOf(b!))
    expect(r.records).toBe(10)
    expect(r.candidatePairs).toBeGreaterThan(0)
    expect(r.pairsByKey.email).toBeGreaterThanOrEqual(1)
    const history = t.ws.sqlite.prepare("SELECT cause, score FROM membership_history WHERE cause = 'auto'").all() as Array<{ cause: string; score: number }>
    expect(history).toHaveLength(1)
    expect(history[0]!.score).toBeGreaterThan(0.8)
  })

  it('sends a shared family inbox with different first names to review, not auto-merge', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, crowd)
    const [a, b] = seedRecords(t.ws, [john, { ...john, first_name: 'Mary', birth_date: '1982-07-01', phone: null }])
    const r = await resolve(t.ws)
    expect(profileOf(a!)).not.toBe(profileOf(b!))
    expect(r.queued).toBe(1)
    const item = t.ws.sqlite.prepare(`SELECT p.band, p.evidence FROM review_items i JOIN match_pairs p ON p.id = i.pair_id`).get() as { band: string; evidence: string }
    expect(item.band).toBe('review')
    const evidence = JSON.parse(item.evidence) as { comparisons: Array<{ comparison: string; level: string }> }
    expect(evidence.comparisons.find((c) => c.comparison === 'email')!.level).toBe('exact')
    expect(evidence.comparisons.find((c) => c.comparison === 'first_name')!.level).toBe('different')
  })

  it('does not attach a nameless record to one member of a known family inbox', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, crowd)
    const [a, b, c] = seedRecords(t.ws, [
      { first_name: 'Jane', last_name: 'Wood', email: 'woodhome@example.com', source: 'crm' },
      { first_name: 'Peter', last_name: 'Wood', email: 'woodhome@example.com', source: 'shop', birth_date: '1950-01-01' },
      { email: 'woodhome@example.com', source: 'newsletter' },
    ])
    await resolve(t.ws)
    expect(new Set([profileOf(a!), profileOf(b!), profileOf(c!)]).size).toBe(3)
    // Jane and Peter share an inbox with different first names: a human decides. The nameless signup at a mailbox
    // named after the family (woodhome@) is household evidence only, scored like a shared address: whether it
    // reaches the queue depends on the workspace's statistics (in this tiny one it does not), never auto-merged.
    const queued = t.ws.sqlite.prepare(`SELECT p.record_a, p.record_b FROM review_items i JOIN match_pairs p ON p.id = i.pair_id
      WHERE i.status = 'pending'`).raw().all() as Array<[number, number]>
    expect(queued).toContainEqual([a, b])
  })

  it('does not merge two people of one household (shared address and landline, different first names)', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, crowd)
    const [a, b] = seedRecords(t.ws, [
      { ...john, email: null },
      { ...john, first_name: 'Peter', email: null, birth_date: '2009-11-30' },
    ])
    await resolve(t.ws)
    expect(profileOf(a!)).not.toBe(profileOf(b!))
    const ev = comparePair(t.ws, a!, b!)
    expect(ev.items.find((x) => x.comparison === 'household')!.weight).toBeLessThan(-10)
    expect(ev.probability).toBeLessThan(0.3)
  })

  it('rolls back a run cancelled after scoring, stored keys and all (they are written while pairs are compared)', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, [...crowd, john, { ...john, source: 'shop' }])
    const state = (): unknown => t.ws.sqlite.prepare(`SELECT (SELECT count(*) FROM match_runs), (SELECT count(*) FROM match_pairs),
      (SELECT count(*) FROM match_keys), (SELECT count(*) FROM match_name_counts), (SELECT count(*) FROM match_scored),
      (SELECT count(*) FROM membership_history)`).raw().get()
    const before = state()
    const controller = new AbortController()
    const phases: string[] = []
    const cancelled = resolve(t.ws, {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase)
        if (p.phase === 'training') controller.abort(new Error('cancelled in training'))
      },
    })
    await expect(cancelled).rejects.toThrow('cancelled in training')
    expect(phases).toContain('scoring')
    expect(t.ws.sqlite.inTransaction).toBe(false)
    expect(state()).toEqual(before)
    expect(t.ws.sqlite.pragma('cache_size', { simple: true })).toBe(-262144)
    const r = await resolve(t.ws)
    expect(r.merged).toBe(1)
    expect(t.ws.sqlite.prepare('SELECT count(*) FROM match_scored').pluck().get()).toBe(10)
  })

  it('keeps profile ids stable across re-runs, incremental and full', async () => {
    t = tempWorkspace()
    const ids = seedRecords(t.ws, [...crowd, john, { ...john, first_name: 'Johnny', source: 'shop' }])
    await resolve(t.ws)
    const before = ids.map(profileOf)
    const again = await resolve(t.ws)
    expect(again.newRecords).toBe(0)
    expect(again.candidatePairs).toBe(0)
    expect(ids.map(profileOf)).toEqual(before)
    const full = await resolve(t.ws, { full: true })
    expect(full.newRecords).toBe(ids.length)
    expect(full.merged).toBe(0)
    expect(ids.map(profileOf)).toEqual(before)
  })

  it('scores only new records on an incremental run and merges them into the existing profile', async () => {
    t = tempWorkspace()
    const [a, b] = seedRecords(t.ws, [...crowd, john, { ...john, source: 'shop' }]).slice(-2)
    await resolve(t.ws)
    const kept = profileOf(a!)
    expect(profileOf(b!)).toBe(kept)
    const [c] = seedRecords(t.ws, [{ ...john, first_name: 'Jonathan', email: 'jsmith@work.test', source: 'support' }])
    const r = await resolve(t.ws)
    expect(r.newRecords).toBe(1)
    expect(r.merged).toBe(1)
    expect(profileOf(c!)).toBe(kept)
    // Every candidate pair of the incremental run involves the new record.
    const pairs = t.ws.sqlite.prepare('SELECT record_a, record_b FROM match_pairs WHERE run_id = ?').all(r.runId) as Array<{ record_a: number; record_b: number }>
    expect(pairs.length).toBeGreaterThan(0)
    for (const p of pairs) expect([p.record_a, p.record_b]).toContain(c)
  })

  it('never merges a rejected pair again, on any later run', async () => {
    t = tempWorkspace()
    const [a, b] = seedRecords(t.ws, [...crowd, john, { ...john, source: 'shop' }]).slice(-2)
    await resolve(t.ws)
    expect(profileOf(a!)).toBe(profileOf(b!))
    // What the review queue does on "reject"/split: a reject decision on the pair, and the record taken out.
    t.ws.sqlite.prepare("INSERT INTO decisions (record_a, record_b, decision, actor, reason, at) VALUES (?, ?, 'reject', 'test', 'split', 'now')").run(a, b)
    t.ws.sqlite.transaction(() => detachRecord(t.ws.sqlite, b!, { cause: 'split', actor: 'test' }))()
    await resolve(t.ws, { full: true })
    expect(profileOf(a!)).not.toBe(profileOf(b!))
    const [c] = seedRecords(t.ws, [{ ...john, source: 'support' }])
    await resolve(t.ws)
    expect(profileOf(a!)).not.toBe(profileOf(b!))
    expect([profileOf(a!), profileOf(b!)]).toContain(profileOf(c!))
    // The rejected pair itself is never queued again (c, which matches both, may be).
    const queuedPairs = t.ws.sqlite.prepare(`SELECT p.record_a, p.record_b FROM review_items i JOIN match_pairs p ON p.id = i.pair_id
      WHERE i.status = 'pending'`).raw().all() as Array<[number, number]>
    expect(queuedPairs).not.toContainEqual([a, b])
    expect(pending()).toBeLessThanOrEqual(1)
  })

  it('honours approved pairs as must-links', async () => {
    t = tempWorkspace()
    const [a, b] = seedRecords(t.ws, [...crowd, john, { first_name: 'J', last_name: 'Smyth', city: 'Elsewhere' }]).slice(-2)
    t.ws.sqlite.prepare("INSERT INTO decisions (record_a, record_b, decision, actor, at) VALUES (?, ?, 'approve', 'test', 'now')").run(a, b)
    const r = await resolve(t.ws)
    expect(profileOf(a!)).toBe(profileOf(b!))
    expect(r.merged).toBeGreaterThanOrEqual(1)
    expect(t.ws.sqlite.prepare("SELECT count(*) FROM membership_history WHERE cause = 'review'").pluck().get()).toBe(1)
  })

  it('stores evidence that adds up to each pair\'s weight: full with values for queued pairs, compact for the rest (explain fills values in)', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, [...crowd, john, { ...john, first_name: 'Mary', birth_date: '1982-07-01', phone: null }, { ...john, city: 'Ely', email: null },
      { first_name: 'Jon', last_name: 'Smith', city: 'Springfield', email: 'jsmith@elsewhere.test' }])
    await resolve(t.ws)
    const rows = t.ws.sqlite.prepare('SELECT band, weight, evidence, run_id FROM match_pairs').all() as Array<{ band: string; weight: number; evidence: string; run_id: number }>
    expect(rows.some((r) => r.band === 'non')).toBe(true)
    for (const r of rows) {
      // Compact evidence (levels only) is expanded with the model of the run that scored the pair.
      if (r.band === 'non') expect(JSON.parse(r.evidence)).toHaveProperty('levels')
      const { items, prior } = readStoredEvidence(t.ws.sqlite, r.evidence, r.run_id)!
      expect(prior).not.toBeNull()
      expect(prior! + items.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(r.weight, 1)
      if (r.band === 'review') expect(items.some((x) => x.valueA !== null && x.valueA !== '')).toBe(true)
    }
    const auto = t.ws.sqlite.prepare("SELECT record_a, record_b FROM match_pairs WHERE band = 'auto'").raw().all() as Array<[number, number]>
    expect(auto.length).toBeGreaterThan(0)
    for (const [a, b] of auto) {
      const shown = explain(t.ws, { recordA: a, recordB: b }).pair.evidence
      expect(shown.some((x) => x.valueA !== null && x.valueA !== '')).toBe(true)
    }
  })

  it('keeps two ids of one source system apart (queued for review instead)', async () => {
    t = tempWorkspace()
    // Same name, birth date and postcode: a likely match, but nothing personal enough to be one customer twice.
    const other = { ...john, email: 'jsmith@work.example', phone: null, street: '14 Pinkerton Circuit' }
    const [a, b] = seedRecords(t.ws, [...crowd, { ...john, source: 'shop', sourceKey: 'C-1' }, { ...other, source: 'shop', sourceKey: 'C-2' }]).slice(-2)
    const r = await resolve(t.ws)
    expect(profileOf(a!)).not.toBe(profileOf(b!))
    expect(r.queued).toBe(1)
    expect(r.refused).toEqual({ 'id-conflict': 1 })
    // The refused auto edge was stored while the clustering ran, compact, then given the full evidence (with the
    // values compared) a review item shows.
    const row = t.ws.sqlite.prepare(`SELECT mp.band, mp.evidence, mp.run_id FROM review_items ri JOIN match_pairs mp ON mp.id = ri.pair_id
      WHERE ri.status = 'pending'`).get() as { band: string; evidence: string; run_id: number }
    expect(row.band).toBe('auto')
    expect(JSON.parse(row.evidence)).not.toHaveProperty('levels')
    expect(readStoredEvidence(t.ws.sqlite, row.evidence, row.run_id)!.items.some((x) => x.valueA !== null && x.valueA !== '')).toBe(true)
  })

  it('merges a within-source duplicate: one customer registered twice (same name and mailbox)', async () => {
    t = tempWorkspace()
    const twice = { ...john, phone: null, street: null, postcode: null }
    const [a, b] = seedRecords(t.ws, [...crowd, { ...twice, source: 'shop', sourceKey: 'C-1' }, { ...twice, source: 'shop', sourceKey: 'C-2' }]).slice(-2)
    const r = await resolve(t.ws)
    expect(profileOf(a!)).toBe(profileOf(b!))
    expect(r.refused['id-conflict'] ?? 0).toBe(0)
  })
})

describe('thresholds, histogram and comparePair', () => {
  it('stores per-workspace thresholds and rejects impossible ones', () => {
    t = tempWorkspace()
    expect(getThresholds(t.ws)).toEqual({ autoMerge: 0.8, review: 0.2 })
    setThresholds(t.ws, { autoMerge: 0.95, review: 0.5 })
    expect(getThresholds(t.ws)).toEqual({ autoMerge: 0.95, review: 0.5 })
    expect(() => setThresholds(t.ws, { autoMerge: 0.4, review: 0.5 })).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
    expect(() => setThresholds(t.ws, { autoMerge: 1.5, review: 0.5 })).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
  })

  it('histograms stored pair scores by bin and by band', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, [...crowd, john, { ...john, source: 'shop' }, { ...john, first_name: 'Mary', birth_date: '1990-01-01', phone: null }])
    await resolve(t.ws)
    const h = scoreHistogram(t.ws, { bins: 10 })
    expect(h.bins).toHaveLength(10)
    expect(h.bins.reduce((s, b) => s + b.pairs, 0)).toBe(h.total)
    expect(h.bands.auto + h.bands.review + h.bands.non).toBe(h.total)
    expect(h.bands.auto).toBeGreaterThanOrEqual(1)
    const strict = scoreHistogram(t.ws, { bins: 10, thresholds: { autoMerge: 1, review: 1 } })
    expect(strict.bands.auto).toBeLessThanOrEqual(h.bands.auto)
  })

  it('explains any two records with per-comparison evidence', () => {
    t = tempWorkspace()
    const [a, b] = seedRecords(t.ws, [john, { ...john, first_name: 'Bill', last_name: 'Smyth' }])
    const ev = comparePair(t.ws, a!, b!)
    const level = (c: string): string => ev.items.find((x) => x.comparison === c)!.level
    expect(level('first_name')).toBe('different')
    expect(level('last_name')).toBe('close')
    expect(level('email')).toBe('exact')
    expect(level('company')).toBe('null')
    expect(ev.weight).toBeCloseTo(ev.prior + ev.items.reduce((s, x) => s + x.weight, 0), 6)
    expect(() => comparePair(t.ws, a!, 99_999)).toThrow(expect.objectContaining({ code: 'NotFound' }))
  })
})

describe('cdp resolve', () => {
  it('prints merged, queued and non-match counts and the time', () => {
    t = tempWorkspace()
    seedRecords(t.ws, [...crowd, john, { ...john, source: 'shop' }])
    t.ws.close()
    const json = cdp(['resolve', '--db', t.path, '--json'])
    expect(json.stderr).toBe('')
    expect(json.code).toBe(0)
    const out = JSON.parse(json.stdout) as { merged: number; queued: number; nonMatches: number; seconds: number }
    expect(out.merged).toBe(1)
    expect(out.seconds).toBeGreaterThan(0)
    const human = cdp(['resolve', '--db', t.path, '--full'])
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/merged 0 {2}queued for review 0 {2}non-matches \d+/)
    expect(human.stdout).toMatch(/time \d+\.\d+ s/)
  })
})
