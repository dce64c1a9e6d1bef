import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../electron/core/db'
import { mergeProfiles } from '../../electron/core/identity/membership'
import {
  getProfile, getSurvivorshipRules, listProfiles, refreshAllProfiles, refreshDirtyProfiles, searchProfiles, setSurvivorshipRules,
} from '../../electron/core/profiles'
import { seedEvents, seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
let ws: Workspace
beforeEach(() => {
  t = tempWorkspace()
  ws = t.ws
})
afterEach(() => t.dispose())

const profileOf = (recordId: number): number => ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(recordId) as number

/** One person seen by a CRM three years ago, a shop recently and a newsletter in between. */
function seedPerson(): { crm: number; shop: number; mail: number; profile: number } {
  const [crm, shop, mail] = seedRecords(ws, [
    { source: 'HubSpot', first_name: 'Jon', last_name: 'Smith', email: 'jon@old.example', street: '1 Old Road', city: 'Leeds', postcode: 'LS1 1AA',
      company: 'Acme Ltd', observed_at: '2023-02-01T00:00:00Z', attributes: { tags: ['vip'] } },
    { source: 'Shopify', first_name: 'Jonathan', last_name: 'Smith', email: 'jon@new.example', street: '9 New Street', city: 'York',
      observed_at: '2026-01-10T00:00:00Z', attributes: { tags: 'buyer, vip' } },
    { source: 'Mailchimp', first_name: 'Jon', last_name: 'Smith', email: 'jon@new.example', observed_at: '2024-05-01T00:00:00Z' },
  ]) as [number, number, number]
  let p = mergeProfiles(ws.sqlite, profileOf(crm), profileOf(shop), { cause: 'auto' })
  p = mergeProfiles(ws.sqlite, p, profileOf(mail), { cause: 'auto' })
  return { crm, shop, mail, profile: p }
}

describe('golden record', () => {
  it('applies the default rules: recent address and email, majority name, with provenance', () => {
    const { shop, crm, profile } = seedPerson()
    refreshDirtyProfiles(ws)
    const p = getProfile(ws, profile)
    const g = Object.fromEntries(p.golden.map((v) => [v.attribute, v]))
    expect(g.city?.value).toBe('York')
    expect(g.street?.value).toBe('9 New Street')
    // The address is one record's address: no postcode borrowed from the old CRM address.
    expect(g.postcode).toBeUndefined()
    expect(g.email?.value).toBe('jon@new.example')
    expect(g.first_name?.value).toBe('Jon')
    expect(g.first_name?.rule).toBe('most_frequent(2/3)')
    expect(g.company?.value).toBe('Acme Ltd')
    expect(g.company?.provenance).toMatchObject({ recordId: crm, source: 'HubSpot', fileName: 'seed', rowNumber: 1 })
    expect(g.city?.provenance).toMatchObject({ recordId: shop, source: 'Shopify', rowNumber: 1 })
    expect(g.city?.rule).toBe('most_recent')
    expect(g.city?.provenance.importId).toBeGreaterThan(0)
  })

  it('follows a workspace rule change: source priority, longest, first non-empty', () => {
    const { profile } = seedPerson()
    setSurvivorshipRules(ws, { address: { rule: 'source_priority', sources: ['HubSpot'] }, name: { rule: 'longest' }, email: { rule: 'first_non_empty' } })
    expect(getSurvivorshipRules(ws).phone).toEqual({ rule: 'most_recent' })
    refreshAllProfiles(ws)
    const g = Object.fromEntries(getProfile(ws, profile).golden.map((v) => [v.attribute, v]))
    expect([g.city?.value, g.postcode?.value, g.city?.rule]).toEqual(['Leeds', 'LS1 1AA', 'source_priority:HubSpot'])
    expect([g.first_name?.value, g.first_name?.rule]).toEqual(['Jonathan', 'longest'])
    expect([g.email?.value, g.email?.rule]).toEqual(['jon@old.example', 'first_non_empty'])
  })

  it('rejects an invalid rule with the offending entry', () => {
    expect(() => setSurvivorshipRules(ws, { address: { rule: 'loudest' } })).toThrow(/address/)
    expect(() => setSurvivorshipRules(ws, { address: { rule: 'source_priority', sources: [] } })).toThrow(/InvalidInput|address/)
  })

  it('keeps every identifier with first/last seen and its sources', () => {
    const { profile } = seedPerson()
    refreshDirtyProfiles(ws)
    const ids = getProfile(ws, profile).identifiers.filter((i) => i.kind === 'email')
    expect(ids.map((i) => i.value).sort()).toEqual(['jon@new.example', 'jon@old.example'])
    const fresh = ids.find((i) => i.value === 'jon@new.example')!
    expect(fresh.sources.sort()).toEqual(['Mailchimp', 'Shopify'])
    expect([fresh.firstSeen, fresh.lastSeen]).toEqual(['2024-05-01T00:00:00Z', '2026-01-10T00:00:00Z'])
  })

  it('builds a timeline of records and events in time order, and a merge history', () => {
    const { shop, profile } = seedPerson()
    seedEvents(ws, [
      { recordId: shop, type: 'order', occurred_at: '2025-12-01T10:00:00Z', amount_minor: 1000, currency: 'GBP', source: 'Shopify orders' },
      { recordId: shop, type: 'ticket', occurred_at: '2023-06-01T10:00:00Z', source: 'Zendesk' },
    ])
    refreshDirtyProfiles(ws)
    const p = getProfile(ws, profile)
    expect(p.timeline.map((e) => `${e.kind}:${e.type}:${e.source}`)).toEqual([
      'record:record:HubSpot', 'event:ticket:Zendesk', 'record:record:Mailchimp', 'event:order:Shopify orders', 'record:record:Shopify',
    ])
    expect(p.history.filter((h) => h.cause === 'auto')).toHaveLength(2)
    expect(p.traits.sources.sort()).toEqual(['HubSpot', 'Mailchimp', 'Shopify', 'Shopify orders', 'Zendesk'])
    expect(p.traits.tags).toEqual(['buyer', 'vip'])
  })

  it("names the record whose order a buyer-detail record was kept from", () => {
    const { shop, profile } = seedPerson()
    const [detail] = seedRecords(ws, [{ source: 'Shopify orders', first_name: 'Jonathan', last_name: 'Smith', phone: '+441132960000' }])
    ws.sqlite.prepare('UPDATE records SET detail_of = ? WHERE id = ?').run(shop, detail)
    const merged = mergeProfiles(ws.sqlite, profile, profileOf(detail!), { cause: 'auto' })
    refreshDirtyProfiles(ws)
    const rows = getProfile(ws, merged).records
    expect(rows.find((r) => r.id === detail)?.detailOf).toBe(shop)
    expect(rows.filter((r) => r.id !== detail).map((r) => r.detailOf)).toEqual([null, null, null])
  })

  it('follows a merged-away id to the surviving profile', () => {
    const [a, b] = seedRecords(ws, [{ email: 'a@x.io', first_name: 'Ann' }, { email: 'a@x.io', first_name: 'Ann', source: 'Other' }]) as [number, number]
    const pa = profileOf(a)
    const pb = profileOf(b)
    const keep = mergeProfiles(ws.sqlite, pa, pb, { cause: 'review' })
    refreshDirtyProfiles(ws)
    const gone = keep === pa ? pb : pa
    expect(getProfile(ws, gone)).toMatchObject({ id: keep, requestedId: gone })
    expect(() => getProfile(ws, 999_999)).toThrow(/No profile/)
  })
})

describe('search and listing', () => {
  beforeEach(() => {
    seedRecords(ws, [
      { first_name: 'Maria', last_name: 'Gonzalez', email: 'maria.g@example.com', phone: '+34612345678', company: 'Sol SL' },
      { first_name: 'Mario', last_name: 'Rossi', email: 'mrossi@example.it', company: 'Gonzaga Srl' },
      { first_name: 'Anne', last_name: 'Marsh', email: 'anne@marsh.io' },
    ])
    refreshDirtyProfiles(ws)
  })

  it('finds substrings of names, emails, phones and companies, prefix matches first', () => {
    expect(searchProfiles(ws, 'gonz').map((h) => h.displayName)).toEqual(['Maria Gonzalez', 'Mario Rossi'])
    expect(searchProfiles(ws, 'rossi@').map((h) => h.email)).toEqual(['mrossi@example.it'])
    expect(searchProfiles(ws, '612 345').map((h) => h.displayName)).toEqual(['Maria Gonzalez'])
    expect(searchProfiles(ws, 'mar').map((h) => h.displayName).sort()).toEqual(['Anne Marsh', 'Maria Gonzalez', 'Mario Rossi'])
    expect(searchProfiles(ws, 'marsh.i').map((h) => h.displayName)).toEqual(['Anne Marsh'])
    // Under three characters: prefixes of golden first or last names, emails, phones, companies.
    expect(searchProfiles(ws, 'ma').map((h) => h.displayName)).toEqual(['Anne Marsh', 'Maria Gonzalez', 'Mario Rossi'])
    expect(searchProfiles(ws, 'so').map((h) => h.displayName)).toEqual(['Maria Gonzalez'])
  })

  it('treats FTS syntax and SQL in the query as plain text', () => {
    for (const q of ['"', 'a" OR "b', "'; DROP TABLE records; --", 'NEAR(ab cd)', '*', 'mar*']) expect(() => searchProfiles(ws, q)).not.toThrow()
    expect(ws.sqlite.prepare('SELECT count(*) FROM records').pluck().get()).toBe(3)
  })

  it('pages profiles on an indexed sort, with filters and a total', () => {
    const page = listProfiles(ws, { sort: 'name', limit: 2 })
    expect(page.total).toBe(3)
    expect(page.rows.map((r) => r.display_name)).toEqual(['Anne Marsh', 'Maria Gonzalez'])
    expect(listProfiles(ws, { sort: 'name', limit: 2, offset: 2 }).rows.map((r) => r.display_name)).toEqual(['Mario Rossi'])
    expect(listProfiles(ws, { search: 'gonz' }).total).toBe(2)
    expect(listProfiles(ws, { source: 'seed' }).total).toBe(3)
    expect(() => listProfiles(ws, { source: 'nope' })).toThrow(/No source/)
  })
})
