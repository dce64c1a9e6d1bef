import type { Workspace } from '../../electron/core/db'

/**
 * Writes records straight into a workspace, with the lineage rows the schema requires (source, import,
 * raw row, profile). For tests of the layers above import (identity, profiles, segments, activation,
 * privacy), so they do not depend on file parsing. Each record starts in a profile of its own.
 */
export interface SeedRecord {
  source?: string
  sourceKey?: string | null
  first_name?: string | null
  last_name?: string | null
  full_name?: string | null
  email?: string | null
  phone?: string | null
  company?: string | null
  street?: string | null
  city?: string | null
  region?: string | null
  postcode?: string | null
  country?: string | null
  birth_date?: string | null
  gender?: string | null
  attributes?: Record<string, unknown>
  observed_at?: string | null
}

export interface SeedEvent {
  recordId: number
  type: string
  occurred_at?: string | null
  amount_minor?: number | null
  currency?: string | null
  source_key?: string | null
  properties?: Record<string, unknown>
  source?: string
}

const now = '2026-01-01T00:00:00.000Z'

function sourceAndImport(ws: Workspace, name: string, kind: 'person' | 'event'): { sourceId: number; importId: number } {
  const db = ws.sqlite
  let sourceId = db.prepare('SELECT id FROM sources WHERE name = ?').pluck().get(name) as number | undefined
  if (sourceId === undefined) {
    sourceId = Number(db.prepare('INSERT INTO sources (name, kind, created_at) VALUES (?, ?, ?)').run(name, kind, now).lastInsertRowid)
  }
  let importId = db.prepare("SELECT id FROM imports WHERE source_id = ? AND file_name = 'seed'").pluck().get(sourceId) as number | undefined
  if (importId === undefined) {
    importId = Number(db.prepare(
      "INSERT INTO imports (source_id, file_name, file_size, file_sha256, mapping, status, started_at) VALUES (?, 'seed', 0, ?, '{}', 'done', ?)",
    ).run(sourceId, `seed-${name}`, now).lastInsertRowid)
  }
  return { sourceId, importId }
}

function nextRow(ws: Workspace, importId: number, sourceId: number, data: unknown, outcome: 'record' | 'event'): number {
  const n = (ws.sqlite.prepare('SELECT coalesce(max(row_number), 0) + 1 FROM raw_rows WHERE import_id = ?').pluck().get(importId) as number)
  return Number(ws.sqlite.prepare('INSERT INTO raw_rows (import_id, source_id, row_number, data, outcome) VALUES (?, ?, ?, ?, ?)')
    .run(importId, sourceId, n, JSON.stringify(data), outcome).lastInsertRowid)
}

/** Inserts records (each in a new profile) and their email/phone identifiers; returns the record ids. */
export function seedRecords(ws: Workspace, records: SeedRecord[]): number[] {
  const db = ws.sqlite
  const ids: number[] = []
  db.transaction(() => {
    for (const r of records) {
      const { sourceId, importId } = sourceAndImport(ws, r.source ?? 'seed', 'person')
      const rawRowId = nextRow(ws, importId, sourceId, Object.values(r), 'record')
      const profileId = Number(db.prepare('INSERT INTO profiles (created_at, updated_at) VALUES (?, ?)').run(now, now).lastInsertRowid)
      const id = Number(db.prepare(`INSERT INTO records (source_id, raw_row_id, source_key, profile_id, first_name, last_name, full_name, email, phone,
          company, street, city, region, postcode, country, birth_date, gender, attributes, observed_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        sourceId, rawRowId, r.sourceKey ?? null, profileId, r.first_name ?? null, r.last_name ?? null, r.full_name ?? null,
        r.email ?? null, r.phone ?? null, r.company ?? null, r.street ?? null, r.city ?? null, r.region ?? null, r.postcode ?? null,
        r.country ?? null, r.birth_date ?? null, r.gender ?? null, JSON.stringify(r.attributes ?? {}), r.observed_at ?? null, now, now,
      ).lastInsertRowid)
      db.prepare("INSERT INTO membership_history (record_id, from_profile, to_profile, cause, at) VALUES (?, NULL, ?, 'import', ?)").run(id, profileId, now)
      if (r.email) db.prepare("INSERT INTO identifiers (record_id, kind, value, raw) VALUES (?, 'email', ?, ?)").run(id, r.email, r.email)
      if (r.phone) db.prepare("INSERT INTO identifiers (record_id, kind, value, raw) VALUES (?, 'phone', ?, ?)").run(id, r.phone, r.phone)
      ids.push(id)
    }
  })()
  return ids
}

/** Inserts events belonging to existing records; returns the event ids. */
export function seedEvents(ws: Workspace, events: SeedEvent[]): number[] {
  const db = ws.sqlite
  const ids: number[] = []
  db.transaction(() => {
    for (const e of events) {
      const { sourceId, importId } = sourceAndImport(ws, e.source ?? 'seed events', 'event')
      const rawRowId = nextRow(ws, importId, sourceId, e, 'event')
      ids.push(Number(db.prepare(`INSERT INTO events (source_id, import_id, raw_row_id, record_id, type, source_key, occurred_at, amount_minor, currency, properties)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        sourceId, importId, rawRowId, e.recordId, e.type, e.source_key ?? null, e.occurred_at ?? null, e.amount_minor ?? null,
        e.currency ?? null, JSON.stringify(e.properties ?? {}),
      ).lastInsertRowid))
    }
  })()
  return ids
}
