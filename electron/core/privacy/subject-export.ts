import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'
import { csvText } from '../activation/writers'
import { getProfile } from '../profiles'
import { segmentsOfProfile } from '../segments'
import { appendAudit } from './audit'
import { consentRecords, consentStatements } from './consent'
import { findPerson, type PersonTarget } from './find'
import { rawRowsMentioning } from './raw-scan'

/**
 * Subject access: everything the workspace holds about one person, as one JSON document (machine
 * readable) and one CSV per table (human readable): raw rows with their source and import, records,
 * identifiers, events, consents (latest-wins with conflicts), the golden record with provenance, merge
 * history, segment memberships and the exports that included them. The request is audited (ids only).
 */
export interface SubjectExportResult { profiles: number[]; dir: string; files: string[]; counts: Record<string, number>; auditId: number }

type Row = Record<string, unknown>

/** Collects the person's data (read-only). Throws CdpError NotFound when nothing is held about them. */
export function collectSubjectData(ws: Workspace, target: PersonTarget, now = new Date()): { profiles: number[]; tables: Record<string, Row[]>; golden: unknown[] } {
  const db = ws.sqlite
  const found = findPerson(ws, target)
  if (found.profileIds.length === 0) throw new CdpError('NotFound', 'No data is held about that person.')
  const json = JSON.stringify(found.profileIds)
  const records = db.prepare(`SELECT s.name AS source, r.* FROM records r JOIN sources s ON s.id = r.source_id
      WHERE r.profile_id IN (SELECT value FROM json_each(?)) ORDER BY r.id`).all(json) as Row[]
  const recs = JSON.stringify(records.map((r) => r.id))
  const identifiers = db.prepare('SELECT * FROM identifiers WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(recs) as Row[]
  const events = db.prepare(`SELECT s.name AS source, e.* FROM events e JOIN sources s ON s.id = e.source_id
      WHERE e.record_id IN (SELECT value FROM json_each(?)) ORDER BY e.occurred_at, e.id`).all(recs) as Row[]
  const statements = found.profileIds.flatMap((p) => consentStatements(ws, p))
  const needles = {
    emails: identifiers.filter((i) => i.kind === 'email').map((i) => String(i.value)),
    phones: identifiers.filter((i) => i.kind === 'phone').map((i) => String(i.value)),
    raws: identifiers.filter((i) => i.kind !== 'email_match' && typeof i.raw === 'string').map((i) => String(i.raw)),
  }
  const rawIds = new Set<number>([...records.map((r) => Number(r.raw_row_id)), ...events.map((e) => Number(e.raw_row_id)), ...rawRowsMentioning(db, needles).keys()])
  const rawRows = db.prepare(`SELECT rr.id, s.name AS source, rr.import_id, i.file_name, i.started_at AS imported_at, rr.row_number, rr.outcome, rr.reason, rr.data
      FROM raw_rows rr JOIN sources s ON s.id = rr.source_id JOIN imports i ON i.id = rr.import_id
      WHERE rr.id IN (SELECT value FROM json_each(?)) ORDER BY rr.import_id, rr.row_number`).all(JSON.stringify([...rawIds])) as Row[]
  const history = db.prepare(`SELECT * FROM membership_history WHERE record_id IN (SELECT value FROM json_each(?))
      OR to_profile IN (SELECT value FROM json_each(?)) OR from_profile IN (SELECT value FROM json_each(?)) ORDER BY at, id`).all(recs, json, json) as Row[]
  const exports = db.prepare(`SELECT m.profile_id, e.id AS export_id, e.at, e.actor, e.preset, e.format, e.hashed, e.file_name, e.file_sha256
      FROM export_members m JOIN exports e ON e.id = m.export_id WHERE m.profile_id IN (SELECT value FROM json_each(?)) ORDER BY e.id`).all(json) as Row[]
  const golden = found.profileIds.flatMap((p) => goldenOf(ws, p, now))
  const segments = found.profileIds.flatMap((p) => segmentsOfProfile(ws, p, now).map((s) => ({ profile_id: p, ...s })))
  const consents = consentRecords(statements).map((c) => ({ ...c, statements: c.statements.length, conflicts: c.conflicts.map((x) => `${x.value}@${x.observedAt ?? '?'} (${x.source})`).join('; ') }))
  return {
    profiles: found.profileIds, golden,
    tables: {
      raw_rows: rawRows, records, identifiers, events, consent_statements: statements as unknown as Row[], consents, golden_record: golden as Row[],
      merge_history: history, segment_memberships: segments, exports,
    },
  }
}

function goldenOf(ws: Workspace, profileId: number, now: Date): Row[] {
  try {
    return getProfile(ws, profileId, now).golden.map((g) => ({ profile_id: profileId, attribute: g.attribute, value: g.value, rule: g.rule, ...g.provenance }))
  } catch (e) {
    // A profile not refreshed yet has no golden record to show; its records are still exported.
    if (e instanceof CdpError && e.code === 'NotFound') return []
    throw e
  }
}

/** Writes subject.json and one CSV per table into `dir` (created if needed), and audits the request. */
export function subjectExport(ws: Workspace, target: PersonTarget, dir: string, actor: string, now = new Date()): SubjectExportResult {
  const data = collectSubjectData(ws, target, now)
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  const write = (name: string, text: string): void => {
    writeFileSync(join(dir, name), text, { mode: 0o600 })
    files.push(name)
  }
  write('subject.json', `${JSON.stringify({ generatedAt: now.toISOString(), profiles: data.profiles, ...data.tables }, null, 2)}\n`)
  for (const [table, rows] of Object.entries(data.tables)) write(`${table}.csv`, tableCsv(rows))
  const counts = Object.fromEntries(Object.entries(data.tables).map(([k, v]) => [k, v.length]))
  const auditId = appendAudit(ws.sqlite, {
    actor, action: 'privacy.subject-export', subject: data.profiles.map((p) => `profile:${p}`).join(','), details: { profiles: data.profiles, counts },
  })
  return { profiles: data.profiles, dir, files, counts, auditId }
}

function tableCsv(rows: Row[]): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string))
  return csvText(rows.map((r) => headers.map((h) => text(r[h]))), { columns: headers.map((header) => ({ header, numeric: false })), bom: true })
}
