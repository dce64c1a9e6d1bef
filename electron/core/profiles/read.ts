import { CdpError } from '../../../shared/api/errors'
import type { ProfileSummary, Workspace } from '../db'
import { segmentsOfProfile } from '../segments/membership'
import type { ConsentState, SpendByCurrency } from './derive'
import { getRfmBreakpoints, rfmScores, type RfmBreakpoints, type RfmScores } from './rfm'

/** Reading one profile in full: golden record with provenance, identifiers, traits, timeline, segments, history. */

export interface GoldenAttributeValue {
  attribute: string
  value: string
  rule: string
  provenance: { recordId: number; source: string; sourceId: number; importId: number; fileName: string; rowNumber: number; rawRowId: number; observedAt: string | null }
}

export interface ProfileIdentifier { kind: string; value: string; firstSeen: string | null; lastSeen: string | null; sources: string[]; records: number[] }

export interface ProfileTraits {
  recordCount: number
  orderCount: number
  spend: SpendByCurrency
  spendMinor: number
  firstOrderAt: string | null
  lastOrderAt: string | null
  lastSeenAt: string | null
  /** Whole days from the last order to now, computed on read so it never goes stale. */
  daysSinceLastOrder: number | null
  rfm: RfmScores | null
  sources: string[]
  tags: string[]
  consent: Record<string, ConsentState>
  custom: Record<string, unknown>
}

export interface TimelineEntry {
  at: string | null
  kind: 'event' | 'record'
  id: number
  type: string
  source: string
  recordId: number
  amountMinor?: number | null
  currency?: string | null
  sourceKey?: string | null
  properties?: unknown
  rowNumber: number
  importId: number
}

export interface MembershipEntry { recordId: number; from: number | null; to: number; cause: string; actor: string | null; reason: string | null; at: string }

export interface ProfileDetail {
  id: number
  /** Set when the id asked for was merged away: the id that was asked for. */
  requestedId?: number
  status: string
  golden: GoldenAttributeValue[]
  identifiers: ProfileIdentifier[]
  traits: ProfileTraits
  /** detailOf: for a record kept from an order's buyer details, the record the order belongs to (else null). */
  records: { id: number; source: string; sourceKey: string | null; importId: number; rowNumber: number; detailOf: number | null }[]
  timeline: TimelineEntry[]
  segments: { id: number; name: string; version: number }[]
  history: MembershipEntry[]
}

/**
 * The full profile. A merged id is followed to the profile it was merged into. Throws
 * CdpError('NotFound') for an unknown or erased id. Reads derived data as of the last refresh.
 */
export function getProfile(ws: Workspace, id: number, now = new Date()): ProfileDetail {
  const resolved = activeProfileId(ws, id)
  const summary = ws.sqlite.prepare('SELECT * FROM profile_summary WHERE profile_id = ?').get(resolved) as ProfileSummary | undefined
  if (!summary) throw new CdpError('NotFound', `Profile ${id} has no data yet; run a refresh ("cdp profiles") first.`)
  return {
    id: resolved,
    ...(resolved !== id ? { requestedId: id } : {}),
    status: 'active',
    golden: goldenOf(ws, resolved),
    identifiers: identifiersOf(ws, resolved),
    traits: traitsOf(ws, summary, now),
    records: ws.sqlite.prepare(`SELECT r.id, s.name AS source, r.source_key AS sourceKey, rr.import_id AS importId, rr.row_number AS rowNumber,
      r.detail_of AS detailOf
      FROM records r JOIN sources s ON s.id = r.source_id JOIN raw_rows rr ON rr.id = r.raw_row_id WHERE r.profile_id = ? ORDER BY r.id`).all(resolved) as ProfileDetail['records'],
    timeline: timelineOf(ws, resolved),
    segments: segmentsOfProfile(ws, resolved, now),
    history: ws.sqlite.prepare(`SELECT record_id AS recordId, from_profile AS "from", to_profile AS "to", cause, actor, reason, at
      FROM membership_history WHERE to_profile = ? OR from_profile = ? ORDER BY at, id`).all(resolved, resolved) as MembershipEntry[],
  }
}

/** A profile id followed through merges to the active profile. Throws NotFound for unknown or erased ids. */
export function activeProfileId(ws: Workspace, id: number): number {
  let current = id
  for (let hops = 0; hops < 1000; hops++) {
    const p = ws.sqlite.prepare('SELECT status, merged_into FROM profiles WHERE id = ?').get(current) as { status: string; merged_into: number | null } | undefined
    if (!p || p.status === 'erased') throw new CdpError('NotFound', `No profile ${id}.`)
    if (p.status === 'active' || p.merged_into === null) return current
    current = p.merged_into
  }
  throw new CdpError('NotFound', `No profile ${id}.`)
}

function goldenOf(ws: Workspace, id: number): GoldenAttributeValue[] {
  const rows = ws.sqlite.prepare(`SELECT g.attribute, g.value, g.rule, g.record_id, s.name AS source, g.source_id, g.import_id, i.file_name,
      rr.row_number, g.raw_row_id, g.observed_at
    FROM golden_values g JOIN sources s ON s.id = g.source_id JOIN imports i ON i.id = g.import_id JOIN raw_rows rr ON rr.id = g.raw_row_id
    WHERE g.profile_id = ?`).all(id) as { attribute: string; value: string; rule: string; record_id: number; source: string; source_id: number; import_id: number; file_name: string; row_number: number; raw_row_id: number; observed_at: string | null }[]
  return rows.map((r) => ({
    attribute: r.attribute, value: r.value, rule: r.rule,
    provenance: { recordId: r.record_id, source: r.source, sourceId: r.source_id, importId: r.import_id, fileName: r.file_name, rowNumber: r.row_number, rawRowId: r.raw_row_id, observedAt: r.observed_at },
  }))
}

function identifiersOf(ws: Workspace, id: number): ProfileIdentifier[] {
  const rows = ws.sqlite.prepare(`SELECT i.kind, i.value, min(coalesce(i.first_seen, r.observed_at, r.created_at)) AS firstSeen,
      max(coalesce(i.last_seen, r.observed_at, r.updated_at)) AS lastSeen, json_group_array(DISTINCT s.name) AS sources,
      json_group_array(DISTINCT r.id) AS records
    FROM identifiers i JOIN records r ON r.id = i.record_id JOIN sources s ON s.id = r.source_id
    WHERE r.profile_id = ? GROUP BY i.kind, i.value ORDER BY i.kind, lastSeen DESC`).all(id) as { kind: string; value: string; firstSeen: string | null; lastSeen: string | null; sources: string; records: string }[]
  return rows.map((r) => ({ ...r, sources: JSON.parse(r.sources) as string[], records: JSON.parse(r.records) as number[] }))
}

/** What traitsOf reads once per call; pass one from `traitsContext` when reading many rows. */
export interface TraitsContext { sourceNames: Map<number, string>; rfm: RfmBreakpoints }

export function traitsContext(ws: Workspace): TraitsContext {
  const rows = ws.sqlite.prepare('SELECT id, name FROM sources').all() as { id: number; name: string }[]
  return { sourceNames: new Map(rows.map((r) => [r.id, r.name])), rfm: getRfmBreakpoints(ws) }
}

/** Traits of a summary row, with the read-time parts (days since last order, RFM scores) filled in. */
export function traitsOf(ws: Workspace, s: ProfileSummary, now = new Date(), ctx: TraitsContext = traitsContext(ws)): ProfileTraits {
  const sourceIds = JSON.parse(s.sources) as number[]
  const names = ctx.sourceNames
  const custom = ws.sqlite.prepare('SELECT c.name, t.value FROM profile_traits t JOIN custom_traits c ON c.id = t.trait_id WHERE t.profile_id = ?')
    .all(s.profile_id) as { name: string; value: string | null }[]
  return {
    recordCount: s.record_count, orderCount: s.order_count, spend: JSON.parse(s.spend) as SpendByCurrency, spendMinor: s.spend_minor,
    firstOrderAt: s.first_order_at, lastOrderAt: s.last_order_at, lastSeenAt: s.last_seen_at,
    daysSinceLastOrder: s.last_order_at === null ? null : Math.floor((now.getTime() - Date.parse(s.last_order_at)) / 86_400_000),
    rfm: rfmScores(ctx.rfm, s),
    sources: sourceIds.map((sid) => names.get(sid) ?? `#${sid}`),
    tags: JSON.parse(s.tags) as string[],
    consent: JSON.parse(s.consent) as Record<string, ConsentState>,
    custom: Object.fromEntries(custom.map((c) => [c.name, c.value === null ? null : (JSON.parse(c.value) as unknown)])),
  }
}

/** Every event and every source record of a profile, oldest first (undated entries last). */
export function timelineOf(ws: Workspace, id: number): TimelineEntry[] {
  const events = ws.sqlite.prepare(`SELECT e.occurred_at AS at, e.id, e.type, s.name AS source, e.record_id AS recordId, e.amount_minor AS amountMinor,
      e.currency, e.source_key AS sourceKey, e.properties, rr.row_number AS rowNumber, e.import_id AS importId
    FROM events e JOIN records r ON r.id = e.record_id JOIN sources s ON s.id = e.source_id JOIN raw_rows rr ON rr.id = e.raw_row_id
    WHERE r.profile_id = ?`).all(id) as (Omit<TimelineEntry, 'kind'> & { properties: string })[]
  const records = ws.sqlite.prepare(`SELECT coalesce(r.observed_at, r.created_at) AS at, r.id, s.name AS source, r.id AS recordId,
      r.source_key AS sourceKey, rr.row_number AS rowNumber, rr.import_id AS importId
    FROM records r JOIN sources s ON s.id = r.source_id JOIN raw_rows rr ON rr.id = r.raw_row_id WHERE r.profile_id = ?`).all(id) as Omit<TimelineEntry, 'kind' | 'type'>[]
  const all: TimelineEntry[] = [
    ...events.map((e) => ({ ...e, kind: 'event' as const, properties: JSON.parse(e.properties) as unknown })),
    ...records.map((r) => ({ ...r, kind: 'record' as const, type: 'record' })),
  ]
  return all.sort((a, b) => (a.at === b.at ? (a.kind === b.kind ? a.id - b.id : a.kind === 'record' ? -1 : 1) : a.at === null ? 1 : b.at === null ? -1 : a.at < b.at ? -1 : 1))
}
