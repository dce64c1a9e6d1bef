import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../electron/core/db'
import { detachRecord, mergeProfiles } from '../../electron/core/identity/membership'
import {
  createCustomTrait, deleteCustomTrait, getProfile, listCustomTraits, refreshDirtyProfiles, refreshProfiles, removeProfileDerivedData,
  searchProfiles, updateCustomTrait,
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
const summary = (profileId: number): Record<string, unknown> | undefined =>
  ws.sqlite.prepare('SELECT * FROM profile_summary WHERE profile_id = ?').get(profileId) as Record<string, unknown> | undefined

function consent(recordId: number, channel: string, value: string, observedAt: string | null): void {
  ws.sqlite.prepare('INSERT INTO consents (record_id, channel, value, observed_at) VALUES (?, ?, ?, ?)').run(recordId, channel, value, observedAt)
}

describe('trait maintenance across import → merge → split → forget', () => {
  it('recomputes only the touched profiles and stays exact at each step', () => {
    const [shop, crm, other] = seedRecords(ws, [
      { source: 'Shopify', email: 'kim@example.com', first_name: 'Kim', attributes: { tags: ['a'] } },
      { source: 'HubSpot', email: 'kim@example.com', first_name: 'Kim', attributes: { tags: ['b'] } },
      { source: 'HubSpot', email: 'lee@example.com', first_name: 'Lee' },
    ]) as [number, number, number]
    seedEvents(ws, [
      { recordId: shop, type: 'order', occurred_at: '2025-03-01T00:00:00Z', amount_minor: 5000, currency: 'EUR' },
      { recordId: shop, type: 'order', occurred_at: '2025-06-01T00:00:00Z', amount_minor: 3000, currency: 'EUR' },
      { recordId: crm, type: 'order', occurred_at: '2024-01-01T00:00:00Z', amount_minor: 2000, currency: 'USD' },
      { recordId: other, type: 'order', occurred_at: '2025-01-01T00:00:00Z', amount_minor: 100, currency: 'EUR' },
    ])
    // Import: every profile is new.
    expect(refreshDirtyProfiles(ws).refreshed).toBe(3)
    expect(summary(profileOf(shop))).toMatchObject({ order_count: 2, spend_minor: 8000, last_order_at: '2025-06-01T00:00:00Z' })
    // Nothing changed: nothing to do.
    expect(refreshDirtyProfiles(ws).profileIds).toEqual([])

    // Merge: the two Kim profiles become one; the loser's derived rows disappear.
    const [pShop, pCrm] = [profileOf(shop), profileOf(crm)]
    const kim = mergeProfiles(ws.sqlite, pShop, pCrm, { cause: 'auto' })
    const r = refreshDirtyProfiles(ws)
    expect(r.profileIds.sort()).toEqual([pShop, pCrm].sort())
    expect(summary(kim === pShop ? pCrm : pShop)).toBeUndefined()
    const merged = getProfile(ws, kim).traits
    expect(merged).toMatchObject({ orderCount: 3, firstOrderAt: '2024-01-01T00:00:00Z', lastOrderAt: '2025-06-01T00:00:00Z', tags: ['a', 'b'] })
    expect(merged.spend).toEqual({ EUR: { total: 8000, count: 2, average: 4000 }, USD: { total: 2000, count: 1, average: 2000 } })
    expect(merged.spendMinor).toBe(8000) // reporting currency: the most common order currency (EUR)

    // Split: the CRM record leaves with its order.
    const split = detachRecord(ws.sqlite, crm, { cause: 'split', actor: 'analyst' })
    expect(refreshDirtyProfiles(ws).profileIds.sort()).toEqual([kim, split].sort())
    expect(getProfile(ws, kim).traits).toMatchObject({ orderCount: 2, tags: ['a'] })
    expect(getProfile(ws, split).traits).toMatchObject({ orderCount: 1, spend: { USD: { total: 2000, count: 1, average: 2000 } } })

    // Forget: the record is deleted (events cascade) and the profile's derived data goes with it.
    ws.sqlite.transaction(() => {
      ws.sqlite.prepare('DELETE FROM identifiers WHERE record_id = ?').run(crm)
      ws.sqlite.prepare('DELETE FROM records WHERE id = ?').run(crm)
      ws.sqlite.prepare("UPDATE profiles SET status = 'erased' WHERE id = ?").run(split)
      removeProfileDerivedData(ws, split)
    })()
    expect(summary(split)).toBeUndefined()
    expect(searchProfiles(ws, 'kim@example').map((h) => h.profileId)).toEqual([kim])
    for (const table of ['golden_values', 'profile_sources', 'profile_traits']) {
      expect(ws.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE profile_id = ?`).pluck().get(split), table).toBe(0)
    }
    // A refresh of an erased profile keeps it empty.
    expect(refreshProfiles(ws, [split])).toEqual({ refreshed: 0, removed: 1 })
  })

  it('fixes the reporting currency with the first orders, also for profiles refreshed before them', () => {
    const [a, b] = seedRecords(ws, [{ email: 'a@x.io' }, { email: 'b@x.io' }]) as [number, number]
    seedEvents(ws, [{ recordId: a, type: 'order', amount_minor: 700 }])
    refreshDirtyProfiles(ws)
    seedEvents(ws, [{ recordId: b, type: 'order', amount_minor: 900, currency: 'GBP' }])
    // Only b is dirty, yet a's spend in GBP (none: its order had no currency) is settled too.
    refreshDirtyProfiles(ws)
    expect([summary(profileOf(a))?.spend_minor, summary(profileOf(b))?.spend_minor]).toEqual([0, 900])
    ws.sqlite.prepare('UPDATE profile_summary SET spend_minor = 123 WHERE profile_id = ?').run(profileOf(a))
    ws.sqlite.prepare("DELETE FROM settings WHERE key = 'profiles.reportingCurrency'").run()
    refreshProfiles(ws, [profileOf(b)])
    expect(summary(profileOf(a))?.spend_minor).toBe(0)
  })

  it('scores recency, frequency and monetary in quintiles among buyers', () => {
    const ids = seedRecords(ws, Array.from({ length: 10 }, (_, i) => ({ email: `p${i}@x.io` })))
    seedEvents(ws, ids.flatMap((id, i) => Array.from({ length: i + 1 }, (_, k) => ({
      recordId: id, type: 'order', occurred_at: `2025-01-${String(i + 1).padStart(2, '0')}T0${k % 10}:00:00Z`, amount_minor: 1000 * (i + 1), currency: 'EUR',
    }))))
    refreshDirtyProfiles(ws)
    const scores = ids.map((id) => getProfile(ws, profileOf(id)).traits.rfm)
    expect(scores[0]).toEqual({ recency: 1, frequency: 1, monetary: 1 })
    expect(scores[9]).toEqual({ recency: 5, frequency: 5, monetary: 5 })
    expect(scores.map((s) => s!.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
  })

  it('resolves consent per channel by latest timestamp, keeping conflicts and the source', () => {
    const [a, b] = seedRecords(ws, [{ source: 'Mailchimp', email: 'c@x.io' }, { source: 'Shopify', email: 'c@x.io' }]) as [number, number]
    consent(a, 'email', 'granted', '2025-01-01T00:00:00Z')
    consent(b, 'email', 'denied', '2025-06-01T00:00:00Z')
    consent(a, 'sms', 'granted', null)
    const p = mergeProfiles(ws.sqlite, profileOf(a), profileOf(b), { cause: 'auto' })
    refreshDirtyProfiles(ws)
    const c = getProfile(ws, p).traits.consent
    expect(c.email).toMatchObject({ value: 'denied', source: 'Shopify', observedAt: '2025-06-01T00:00:00Z', conflicts: [{ value: 'granted', source: 'Mailchimp' }] })
    expect(c.sms).toMatchObject({ value: 'granted', conflicts: [] })
    expect(summary(p)).toMatchObject({ consent_email: 'denied', consent_sms: 'granted', consent_ads: null })
    // A newer statement arriving later flips it back, and the refresh notices on its own.
    consent(a, 'email', 'granted', '2026-01-01T00:00:00Z')
    expect(refreshDirtyProfiles(ws).profileIds).toEqual([p])
    expect(summary(p)).toMatchObject({ consent_email: 'granted' })
  })

  it('computes custom traits: each aggregation, property filters, windows; kept across merges', () => {
    const [a, b] = seedRecords(ws, [{ email: 'a@x.io' }, { email: 'b@x.io' }]) as [number, number]
    seedEvents(ws, [
      { recordId: a, type: 'order', occurred_at: '2025-01-01T00:00:00Z', amount_minor: 100, properties: { status: 'paid', channel: 'web' } },
      { recordId: a, type: 'order', occurred_at: '2025-02-01T00:00:00Z', amount_minor: 300, properties: { status: 'refunded', channel: 'pos' } },
      { recordId: a, type: 'order', occurred_at: new Date(Date.now() - 5 * 86_400_000).toISOString(), amount_minor: 200, properties: { status: 'paid', channel: 'web' } },
      { recordId: b, type: 'ticket', occurred_at: '2025-01-01T00:00:00Z' },
    ])
    refreshDirtyProfiles(ws)
    const defs: [string, unknown, unknown, unknown][] = [
      ['orders', { aggregation: 'count', eventType: 'order' }, 3, 0],
      ['paid', { aggregation: 'count', eventType: 'order', where: [{ property: 'status', op: 'equals', value: 'paid' }] }, 2, 0],
      ['paid sum', { aggregation: 'sum', eventType: 'order', field: '$amount', where: [{ property: 'status', op: 'in', value: ['paid'] }] }, 300, undefined],
      ['min', { aggregation: 'min', eventType: 'order', field: '$amount' }, 100, undefined],
      ['max', { aggregation: 'max', eventType: 'order', field: '$amount' }, 300, undefined],
      ['avg', { aggregation: 'avg', eventType: 'order', field: '$amount' }, 200, undefined],
      ['first channel', { aggregation: 'first', eventType: 'order', field: 'channel' }, 'web', undefined],
      ['last status', { aggregation: 'last', eventType: 'order', field: 'status' }, 'paid', undefined],
      ['channels', { aggregation: 'distinct_count', eventType: 'order', field: 'channel' }, 2, undefined],
      ['recent', { aggregation: 'count', eventType: 'order', window: { last: 30, unit: 'days' } }, 1, 0],
    ]
    for (const [name, def] of defs) createCustomTrait(ws, name, def)
    const custom = (id: number): Record<string, unknown> => getProfile(ws, id).traits.custom
    for (const [name, , forA, forB] of defs) {
      expect(custom(profileOf(a))[name], name).toEqual(forA)
      expect(custom(profileOf(b))[name], name).toEqual(forB)
    }
    expect(listCustomTraits(ws).map((x) => x.name)).toHaveLength(defs.length)
    expect(() => createCustomTrait(ws, 'orders', { aggregation: 'count', eventType: 'order' })).toThrow(/already exists/)
    expect(() => createCustomTrait(ws, 'bad', { aggregation: 'sum', eventType: 'order' })).toThrow(/field/)
    updateCustomTrait(ws, 'orders', { aggregation: 'count', eventType: 'ticket' })
    expect(custom(profileOf(b)).orders).toBe(1)
    const p = mergeProfiles(ws.sqlite, profileOf(a), profileOf(b), { cause: 'auto' })
    refreshDirtyProfiles(ws)
    expect(custom(p)).toMatchObject({ orders: 1, paid: 2 })
    deleteCustomTrait(ws, 'orders')
    expect(custom(p).orders).toBeUndefined()
  })
})
