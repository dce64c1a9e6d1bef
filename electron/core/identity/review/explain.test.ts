import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../../test/helpers/seed'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { approve, reject } from './decisions'
import { autoEdgesSql } from './edges'
import { explain } from './explain'
import { joinProfiles, seedPair } from './testing'
import { removeRecord } from './unmerge'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

/** a–b auto, b–c approved in review, c–d auto; e apart with a pending review pair to d. */
function chain() {
  t = tempWorkspace()
  const [a, b, c, d, e, f] = seedRecords(t.ws, Array.from({ length: 6 }, (_, i) => ({ source: i % 2 ? 'shop' : 'crm', email: `p${i}@x.com` })))
  seedPair(t.ws, { a: a!, b: b!, probability: 0.99, band: 'auto' })
  seedPair(t.ws, { a: c!, b: d!, probability: 0.98, band: 'auto' })
  joinProfiles(t.ws, [a!, b!])
  joinProfiles(t.ws, [c!, d!])
  const bc = seedPair(t.ws, { a: b!, b: c!, probability: 0.7 })
  approve(t.ws, bc.reviewId!, { actor: 'ana' })
  const de = seedPair(t.ws, { a: d!, b: e!, probability: 0.55 })
  return { a: a!, b: b!, c: c!, d: d!, e: e!, f: f!, de: de.reviewId! }
}

describe('explain a pair', () => {
  it('shows the chain of edges that holds two records together', () => {
    const { a, b, c, d } = chain()
    const x = explain(t.ws, { recordA: d, recordB: a })
    expect(x.together).toBe(true)
    expect(x.pair).toMatchObject({ computed: true, pairId: null }) // never scored: compared now by the resolver
    expect(x.pair.evidence.map((e) => e.comparison)).toContain('email')
    expect(x.path!.map((e) => [e.recordA, e.recordB, e.kind])).toEqual([[c, d, 'auto'], [b, c, 'approved'], [a, b, 'auto']])
    expect(x.summary[1]).toMatch(/through 3 edge/)
  })

  it('gives the direct evidence and the pending review when two records are apart', () => {
    const { d, e, de } = chain()
    const x = explain(t.ws, { recordA: d, recordB: e })
    expect(x.together).toBe(false)
    expect(x.path).toBeNull()
    expect(x.pair).toMatchObject({ probability: 0.55, band: 'review', reviewId: de, reviewStatus: 'pending' })
    expect(x.pair.computed).toBe(false)
    expect(x.pair.waterfall.steps.length).toBe(2)
    expect(x.summary.join(' ')).toMatch(/awaits review as item/)
  })

  it('shows the values of a pair stored with compact evidence (a non-match), keeping its stored weights', () => {
    const { f, e } = chain()
    seedPair(t.ws, { a: e, b: f, probability: 0.01, band: 'non', evidence: [{ comparison: 'email', level: 'different', weight: -6 }] })
    const x = explain(t.ws, { recordA: f, recordB: e })
    expect(x.pair.evidence).toEqual([{ comparison: 'email', level: 'different', valueA: 'p4@x.com', valueB: 'p5@x.com', weight: -6 }])
    expect(x.pair.waterfall.steps[1]).toMatchObject({ label: 'email', valueA: 'p4@x.com', valueB: 'p5@x.com', weight: -6 })
  })

  it('compares the records now for compact evidence no stored model can expand (its run is gone)', () => {
    const { f, e } = chain()
    seedPair(t.ws, { a: e, b: f, probability: 0.01, band: 'non', evidence: { levels: [0, 0, 0, 0, 6, 0, 0, 0] } })
    const x = explain(t.ws, { recordA: f, recordB: e })
    expect(x.pair).toMatchObject({ computed: false, probability: 0.01, band: 'non' })
    expect(x.pair.evidence.find((i) => i.comparison === 'email')).toMatchObject({ level: 'different', valueA: 'p4@x.com', valueB: 'p5@x.com' })
  })

  it('names the decision that keeps two records apart', () => {
    const { d, e, de } = chain()
    reject(t.ws, de, { actor: 'ana', reason: 'siblings' })
    const x = explain(t.ws, { recordA: e, recordB: d })
    expect(x.decisions).toMatchObject([{ decision: 'reject', actor: 'ana', reason: 'siblings', undoneAt: null }])
    expect(x.summary.join(' ')).toMatch(/siblings\) keeps them apart/)
  })

  it('says when two records were never compared, and when a removal separated them', () => {
    const { a, b, f } = chain()
    expect(explain(t.ws, { recordA: a, recordB: f }).summary.join(' ')).toMatch(/never scored/)
    removeRecord(t.ws, b, { actor: 'ana' })
    const x = explain(t.ws, { recordA: a, recordB: b })
    expect(x.together).toBe(false)
    expect(x.keptApartBy).toEqual([a, b])
  })

  it.each([
    [{ recordA: 1, recordB: 1 }, 'InvalidInput'],
    [{ recordA: 1, recordB: 99 }, 'NotFound'],
    [{ recordA: 0, recordB: 2 }, 'InvalidInput'],
  ])('refuses %j', (q, code) => {
    chain()
    expect(() => explain(t.ws, q)).toThrow(expect.objectContaining({ code }))
  })
})

describe('explain a record', () => {
  it('shows its profile, the edges that hold it there and its membership history', () => {
    const { a, b, c } = chain()
    const x = explain(t.ws, { recordId: b })
    expect(x.record.profileSize).toBe(4)
    expect(x.edges.map((e) => [e.recordA, e.recordB]).sort()).toEqual([[a, b], [b, c]])
    expect(x.history.map((h) => h.cause)).toEqual(['import', 'auto'])
    expect(explain(t.ws, { recordId: c }).history.map((h) => [h.cause, h.actor])).toEqual([['import', null], ['review', 'ana']])
    expect(x.summary[0]).toMatch(/with 3 other record/)
  })
})

describe('query plans', () => {
  it('walks a profile\'s edges from its records, not from every pair in the workspace', () => {
    chain()
    const details = (t.ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${autoEdgesSql}`).all({ p: 1 }) as Array<{ detail: string }>).map((r) => r.detail)
    expect(details[0]).toMatch(/records_by_profile/)
    expect(details.join('\n')).not.toMatch(/SCAN mp\b/)
  })
})
