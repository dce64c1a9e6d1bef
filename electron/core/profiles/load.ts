import type { Workspace } from '../db'
import type { Candidate } from './survivorship'

/**
 * Batch loaders for the refresh: everything needed to rebuild the derived data of a set of profiles,
 * in a handful of queries per batch (ids are passed as one JSON array, so each statement is prepared once).
 */

/** Event types that count as orders for the built-in traits. */
export const ORDER_TYPES = ['order'] as const

export interface RecordRow {
  id: number
  profile_id: number
  source_id: number
  source_name: string
  raw_row_id: number
  import_id: number
  first_name: string | null
  last_name: string | null
  full_name: string | null
  email: string | null
  phone: string | null
  company: string | null
  street: string | null
  street2: string | null
  city: string | null
  region: string | null
  postcode: string | null
  country: string | null
  birth_date: string | null
  gender: string | null
  attributes: string
  observed_at: string | null
  updated_at: string
}

export interface OrderAggregate { profile_id: number; currency: string | null; n: number; total: number | null; first_at: string | null; last_at: string | null }
export interface EventStats { profile_id: number; last_at: string | null }
export interface ConsentRow {
  profile_id: number
  channel: string
  value: 'granted' | 'denied' | 'unknown'
  observed_at: string | null
  source_id: number
  source_name: string
  raw_row_id: number | null
  record_id: number
}

export interface BatchData {
  records: RecordRow[]
  orders: OrderAggregate[]
  eventStats: EventStats[]
  eventSources: { profile_id: number; source_id: number }[]
  consents: ConsentRow[]
}

const IDS = 'SELECT value FROM json_each(?)'
// Every query starts from the batch's records (CROSS JOIN fixes the order; +e.type keeps SQLite off the
// type index): walking all events of a type per batch would make a full refresh quadratic.

/** Loads the batch. Read-only; the caller owns the transaction that makes it consistent with the writes. */
export function loadBatch(ws: Workspace, profileIds: readonly number[]): BatchData {
  const ids = JSON.stringify(profileIds)
  const db = ws.sqlite
  const records = db.prepare(`SELECT r.id, r.profile_id, r.source_id, s.name AS source_name, r.raw_row_id, rr.import_id,
      r.first_name, r.last_name, r.full_name, r.email, r.phone, r.company, r.street, r.street2, r.city, r.region, r.postcode,
      r.country, r.birth_date, r.gender, r.attributes, r.observed_at, r.updated_at
    FROM records r JOIN sources s ON s.id = r.source_id JOIN raw_rows rr ON rr.id = r.raw_row_id
    WHERE r.profile_id IN (${IDS}) ORDER BY r.profile_id, r.id`).all(ids) as RecordRow[]
  const orders = db.prepare(`SELECT r.profile_id, e.currency, count(*) AS n, sum(e.amount_minor) AS total,
      min(e.occurred_at) AS first_at, max(e.occurred_at) AS last_at
    FROM records r CROSS JOIN events e ON e.record_id = r.id
    WHERE r.profile_id IN (${IDS}) AND +e.type IN (SELECT value FROM json_each(?))
    GROUP BY r.profile_id, e.currency`).all(ids, JSON.stringify(ORDER_TYPES)) as OrderAggregate[]
  const eventStats = db.prepare(`SELECT r.profile_id, max(e.occurred_at) AS last_at
    FROM records r JOIN events e ON e.record_id = r.id WHERE r.profile_id IN (${IDS}) GROUP BY r.profile_id`).all(ids) as EventStats[]
  const eventSources = db.prepare(`SELECT DISTINCT r.profile_id, e.source_id
    FROM records r JOIN events e ON e.record_id = r.id WHERE r.profile_id IN (${IDS})`).all(ids) as BatchData['eventSources']
  const consents = db.prepare(`SELECT r.profile_id, c.channel, c.value, c.observed_at, r.source_id, s.name AS source_name,
      c.raw_row_id, c.record_id
    FROM records r JOIN consents c ON c.record_id = r.id JOIN sources s ON s.id = r.source_id
    WHERE r.profile_id IN (${IDS}) ORDER BY r.profile_id, c.id`).all(ids) as ConsentRow[]
  return { records, orders, eventStats, eventSources, consents }
}

/** A record as a survivorship candidate. */
export function toCandidate(r: RecordRow): Candidate {
  return {
    recordId: r.id,
    rawRowId: r.raw_row_id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    importId: r.import_id,
    seenAt: r.observed_at ?? r.updated_at,
    values: {
      first_name: r.first_name, last_name: r.last_name, full_name: r.full_name, email: r.email, phone: r.phone, company: r.company,
      street: r.street, street2: r.street2, city: r.city, region: r.region, postcode: r.postcode, country: r.country,
      birth_date: r.birth_date, gender: r.gender,
    },
  }
}

/** Groups rows by profile id, keeping their order. */
export function byProfile<T extends { profile_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const row of rows) {
    const list = out.get(row.profile_id)
    if (list) list.push(row)
    else out.set(row.profile_id, [row])
  }
  return out
}

/** Tags from a record's attributes JSON: an array, or a comma-separated string. Bad JSON yields none. */
export function tagsOf(attributes: string): string[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(attributes)
  } catch {
    return []
  }
  if (typeof parsed !== 'object' || parsed === null) return []
  const tags = (parsed as Record<string, unknown>).tags
  const list = Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(',') : []
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter((t) => t !== '')
}
