import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'
import { listCustomTraits } from '../profiles'
import { appendAudit } from '../privacy/audit'
import { getSegment, snapshotMembers } from '../segments'
import { chooseColumn, defaultColumns, type ExportColumn, type ValueOptions } from './columns'
import { coverageOf, makeGate, type Coverage } from './gate'
import { sha256Hex } from './hash'
import { getPreset, type ExportFormat, type Preset } from './presets'
import { forEachProfileBatch, type ProfileData } from './profile-data'
import { commitFile, discardFile, tempPathFor, writeRows } from './writers'

/**
 * Exports: a saved segment, through a destination preset, to one file. `previewExport` answers "who would
 * be in it and why not the others" without writing anything; `runExport` writes the file atomically and
 * logs it (who, when, segment version, the profiles in the file, preset, counts, file name and SHA-256)
 * with an audit entry, all in one transaction. Both read derived profile data as of the last refresh.
 */
export interface ExportOptions {
  /** Saved segment name or id. */
  segment: string | number
  preset: string
  /** Hash the columns the preset allows to be hashed (Meta, Google). */
  hashed?: boolean
  /** Generic presets (csv, xlsx, json) only: the column chooser's names (see chooseColumn). */
  columns?: readonly string[]
  /** CSV: field separator (default ','), UTF-8 BOM for Excel. */
  delimiter?: string
  bom?: boolean
  /** json preset: 'ndjson' writes one object per line (default from the file extension). */
  jsonFormat?: 'json' | 'ndjson'
  /** Google: fold dots out of gmail addresses. */
  gmailDotFolding?: boolean
  now?: Date
}

export interface ExportPreview {
  segment: { id: number; name: string; version: number; versionId: number }
  preset: string
  format: ExportFormat
  columns: string[]
  members: number
  included: number
  /** Excluded profiles by reason: suppressed, consent-denied:<channel>, no-consent:<channel>, no-email, … */
  excluded: Record<string, number>
  coverage: Coverage
  warnings: string[]
}

export interface ExportResult extends ExportPreview {
  exportId: number
  file: string
  sha256: string
}

interface Plan extends ExportPreview { rows: string[][]; includedIds: number[]; numeric: boolean[]; hashed: boolean }

/** Who would be exported, with exclusions by reason and identifier coverage. Writes nothing. Throws CdpError. */
export function previewExport(ws: Workspace, opts: ExportOptions): ExportPreview {
  const { rows: _rows, includedIds: _ids, numeric: _n, hashed: _h, ...preview } = plan(ws, opts, '')
  return preview
}

/**
 * Writes the export to `out` (temp name, then rename inside the logging transaction) and returns the log
 * entry. On any failure the temp file is removed and nothing is logged. Throws CdpError.
 */
export async function runExport(ws: Workspace, opts: ExportOptions & { out: string; actor: string }): Promise<ExportResult> {
  const out = resolve(opts.out)
  const p = plan(ws, opts, out)
  const tmp = tempPathFor(out)
  try {
    await writeRows(tmp, p.rows, {
      format: p.format, columns: p.columns.map((header, i) => ({ header, numeric: p.numeric[i] ?? false })), delimiter: opts.delimiter, bom: opts.bom,
    })
    const sha256 = createHash('sha256').update(readFileSync(tmp)).digest('hex')
    const exportId = ws.sqlite.transaction(() => {
      const id = logExport(ws, p, out, sha256, opts.actor, (opts.now ?? new Date()).toISOString())
      commitFile(tmp, out)
      return id
    })()
    const { rows: _rows, includedIds: _ids, numeric: _n, hashed: _h, ...preview } = p
    return { ...preview, exportId, file: out, sha256 }
  } catch (e) {
    discardFile(tmp)
    if (e instanceof CdpError) throw e
    throw new CdpError('Internal', `The export could not be written to ${out}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

function plan(ws: Workspace, opts: ExportOptions, out: string): Plan {
  const preset = getPreset(opts.preset)
  const columns = columnsFor(ws, preset, opts)
  const hashed = opts.hashed === true
  if (hashed && !preset.hashable && !columns.some((c) => c.hash === 'always')) {
    throw new CdpError('InvalidInput', `The ${preset.label} preset takes plain values; --hashed applies to meta and google.`)
  }
  const seg = getSegment(ws, opts.segment)
  const snap = snapshotMembers(ws, seg.id, opts.now)
  const gate = makeGate(ws.sqlite, preset)
  const valueOptions: ValueOptions = { gmailDotFolding: opts.gmailDotFolding === true }
  const excluded: Record<string, number> = {}
  const included: ProfileData[] = []
  const rows: string[][] = []
  forEachProfileBatch(ws, snap.profileIds, (batch) => {
    for (const p of batch) {
      const reason = gate(p)
      if (reason !== null) {
        excluded[reason] = (excluded[reason] ?? 0) + 1
        continue
      }
      included.push(p)
      rows.push(columns.map((c) => cellOf(c, p, valueOptions, hashed)))
    }
  })
  const warnings = preset.minRows && rows.length < preset.minRows.rows ? [preset.minRows.message] : []
  return {
    segment: { id: seg.id, name: seg.name, version: seg.version, versionId: snap.versionId },
    preset: preset.id, format: formatOf(preset, opts, out), columns: columns.map((c) => c.header),
    members: snap.profileIds.length, included: rows.length, excluded, coverage: coverageOf(included), warnings,
    rows, includedIds: included.map((p) => p.id), numeric: columns.map((c) => c.numeric === true), hashed,
  }
}

function cellOf(c: ExportColumn, p: ProfileData, o: ValueOptions, hashed: boolean): string {
  const v = c.value(p, o)
  return c.hash === 'always' || (c.hash === 'optional' && hashed) ? sha256Hex(v) : v
}

function columnsFor(ws: Workspace, preset: Preset, opts: ExportOptions): ExportColumn[] {
  if (preset.columns !== null) {
    if (opts.columns && opts.columns.length > 0) throw new CdpError('InvalidInput', `The ${preset.label} preset has a fixed header; --columns applies to csv, xlsx and json.`)
    return preset.columns
  }
  const traits = listCustomTraits(ws).map((t) => t.name)
  const names = opts.columns && opts.columns.length > 0 ? opts.columns : defaultColumns
  return names.map((n) => chooseColumn(n, traits))
}

function formatOf(preset: Preset, opts: ExportOptions, out: string): ExportFormat {
  if (preset.format !== 'json') return preset.format
  return opts.jsonFormat ?? (/\.(ndjson|jsonl)$/i.test(out) ? 'ndjson' : 'json')
}

function logExport(ws: Workspace, p: Plan, out: string, sha256: string, actor: string, at: string): number {
  const db = ws.sqlite
  const id = Number(db.prepare(`INSERT INTO exports (actor, at, segment_id, segment_version_id, preset, format, hashed, columns, included, excluded, file_name, file_sha256)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(actor, at, p.segment.id, p.segment.versionId, p.preset, p.format, p.hashed ? 1 : 0,
    JSON.stringify(p.columns), p.included, JSON.stringify(p.excluded), out, sha256).lastInsertRowid)
  const member = db.prepare('INSERT INTO export_members (export_id, profile_id) VALUES (?, ?)')
  for (const pid of p.includedIds) member.run(id, pid)
  appendAudit(db, {
    actor, action: 'export.write', subject: `export:${id}`,
    details: { segmentId: p.segment.id, segmentVersionId: p.segment.versionId, preset: p.preset, format: p.format, hashed: p.hashed, included: p.included, excluded: p.excluded, sha256 },
  })
  return id
}
