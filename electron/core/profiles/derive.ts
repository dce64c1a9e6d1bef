import type { GoldenValuesTable, ProfileSummaryTable } from '../db'
import { byProfile, tagsOf, toCandidate, type BatchData, type ConsentRow, type OrderAggregate, type RecordRow } from './load'
import { attributeGroups, pickWinner, type AttributeGroup, type SurvivorshipRules } from './survivorship'

/**
 * Pure derivation: from a batch of loaded rows to the golden values and summary row of each profile.
 * No I/O here, so every rule is testable on plain objects.
 */

export interface ConsentState {
  value: 'granted' | 'denied' | 'unknown'
  observedAt: string | null
  sourceId: number
  source: string
  recordId: number
  rawRowId: number | null
  /** Other values stated by other records for the same channel, so a conflict stays visible. */
  conflicts: { value: string; observedAt: string | null; source: string; recordId: number }[]
}

export interface SpendByCurrency { [currency: string]: { total: number; count: number; average: number } }

export interface DerivedProfile {
  golden: GoldenValuesTable[]
  summary: ProfileSummaryTable
  sources: number[]
  search: { name: string; email: string; phone: string; company: string }
}

/** Builds every active profile of the batch that still has records. Profiles without records are absent. */
export function deriveBatch(data: BatchData, rules: SurvivorshipRules, reportingCurrency: string | null, now: string): Map<number, DerivedProfile> {
  const orders = byProfile(data.orders)
  const consents = byProfile(data.consents)
  const lastEvent = new Map(data.eventStats.map((e) => [e.profile_id, e.last_at]))
  const eventSources = byProfile(data.eventSources)
  const out = new Map<number, DerivedProfile>()
  for (const [profileId, records] of byProfile(data.records)) {
    const golden = goldenValues(profileId, records, rules)
    const sources = [...new Set([...records.map((r) => r.source_id), ...(eventSources.get(profileId) ?? []).map((e) => e.source_id)])].sort((a, b) => a - b)
    const summary = summaryRow(profileId, records, golden, orders.get(profileId) ?? [], consents.get(profileId) ?? [], reportingCurrency, now)
    summary.last_seen_at = maxIso(summary.last_seen_at, lastEvent.get(profileId) ?? null)
    summary.sources = JSON.stringify(sources)
    out.set(profileId, { golden, summary, sources, search: searchText(records) })
  }
  return out
}

function goldenValues(profileId: number, records: RecordRow[], rules: SurvivorshipRules): GoldenValuesTable[] {
  const candidates = records.map(toCandidate)
  const out: GoldenValuesTable[] = []
  for (const [group, fields] of Object.entries(attributeGroups) as [AttributeGroup, readonly (keyof typeof candidates[0]['values'])[]][]) {
    const win = pickWinner(fields, candidates, rules[group])
    if (!win) continue
    for (const field of fields) {
      const value = win.candidate.values[field]
      if (value === null || value === undefined || value.trim() === '') continue
      out.push({
        profile_id: profileId, attribute: field, value, record_id: win.candidate.recordId, raw_row_id: win.candidate.rawRowId,
        source_id: win.candidate.sourceId, import_id: win.candidate.importId, rule: win.rule, observed_at: win.candidate.seenAt,
      })
    }
  }
  return out
}

function summaryRow(
  profileId: number, records: RecordRow[], golden: GoldenValuesTable[], orders: OrderAggregate[], consents: ConsentRow[],
  reportingCurrency: string | null, now: string,
): ProfileSummaryTable {
  const g = new Map(golden.map((v) => [v.attribute, v.value]))
  const spend = spendByCurrency(orders)
  const consent = resolveConsent(consents)
  const orderCount = orders.reduce((n, o) => n + o.n, 0)
  const display = g.get('full_name') ?? ([g.get('first_name'), g.get('last_name')].filter(Boolean).join(' ') || null)
  return {
    profile_id: profileId, display_name: display, first_name: g.get('first_name') ?? null, last_name: g.get('last_name') ?? null,
    email: g.get('email') ?? null, phone: g.get('phone') ?? null, company: g.get('company') ?? null, street: g.get('street') ?? null,
    city: g.get('city') ?? null, region: g.get('region') ?? null, postcode: g.get('postcode') ?? null, country: g.get('country') ?? null,
    birth_date: g.get('birth_date') ?? null, gender: g.get('gender') ?? null,
    record_count: records.length, order_count: orderCount,
    spend_minor: reportingCurrency ? (spend[reportingCurrency]?.total ?? 0) : 0,
    spend: JSON.stringify(spend),
    first_order_at: orders.reduce<string | null>((m, o) => minIso(m, o.first_at), null),
    last_order_at: orders.reduce<string | null>((m, o) => maxIso(m, o.last_at), null),
    last_seen_at: records.reduce<string | null>((m, r) => maxIso(m, r.observed_at), null),
    sources: '[]',
    tags: JSON.stringify([...new Set(records.flatMap((r) => tagsOf(r.attributes)))].sort()),
    consent_email: consent.email?.value ?? null, consent_sms: consent.sms?.value ?? null, consent_ads: consent.ads?.value ?? null,
    consent: JSON.stringify(consent),
    refreshed_at: now,
  }
}

/** Order totals per currency (orders without a currency are grouped under XXX, ISO 4217's "no currency"). */
export function spendByCurrency(orders: readonly OrderAggregate[]): SpendByCurrency {
  const out: SpendByCurrency = {}
  for (const o of orders) {
    const cur = o.currency ?? 'XXX'
    const prev = out[cur] ?? { total: 0, count: 0, average: 0 }
    const total = prev.total + (o.total ?? 0)
    const count = prev.count + o.n
    out[cur] = { total, count, average: Math.round(total / count) }
  }
  return out
}

/**
 * Consent per channel: the statement with the latest observed_at wins (undated statements lose to dated
 * ones; among equals the later-written row wins). Every differing statement is kept as a conflict.
 */
export function resolveConsent(rows: readonly ConsentRow[]): Record<string, ConsentState> {
  const out: Record<string, ConsentState> = {}
  for (const row of rows) {
    const cur = out[row.channel]
    if (!cur || (row.observed_at ?? '') >= (cur.observedAt ?? '')) {
      out[row.channel] = {
        value: row.value, observedAt: row.observed_at, sourceId: row.source_id, source: row.source_name, recordId: row.record_id,
        rawRowId: row.raw_row_id, conflicts: [],
      }
    }
  }
  for (const row of rows) {
    const win = out[row.channel]!
    if (row.value !== win.value) win.conflicts.push({ value: row.value, observedAt: row.observed_at, source: row.source_name, recordId: row.record_id })
  }
  return out
}

function searchText(records: RecordRow[]): DerivedProfile['search'] {
  const join = (values: (string | null)[]): string => [...new Set(values.filter((v): v is string => !!v))].join(' ')
  return {
    name: join(records.flatMap((r) => [r.full_name, [r.first_name, r.last_name].filter(Boolean).join(' ')])),
    email: join(records.map((r) => r.email)),
    phone: join(records.map((r) => r.phone)),
    company: join(records.map((r) => r.company)),
  }
}

export const maxIso = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b)
export const minIso = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b)
