import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { FileRef } from '../../../shared/api/channels/common'
import type { exportChannels } from '../../../shared/api/channels/exports'
import type { HandlerMap, In, Out } from '../../../shared/api/contract'
import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'
import { listCustomTraits, refreshDirtyProfiles } from '../profiles'
import { localActor, type WorkspaceAccess } from '../privacy/actor'
import { defaultColumns, goldenAttributeNames } from './columns'
import { previewExport, runExport, type ExportOptions, type ExportPreview } from './export'
import { getPreset, listExportPresets } from './presets'

const mimes: Record<string, string> = {
  csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json', ndjson: 'application/x-ndjson',
}
const summaryColumns = ['record_count', 'order_count', 'spend_minor', 'first_order_at', 'last_order_at', 'last_seen_at', 'consent_email', 'consent_sms', 'consent_ads', 'tags']

function options(input: In<'exports:preview'>): ExportOptions {
  return {
    segment: input.segment, preset: input.preset, hashed: input.hashed,
    ...(input.columns ? { columns: input.columns } : {}),
    ...(input.bom !== undefined ? { bom: input.bom } : {}),
    ...(input.gmailDotFolding !== undefined ? { gmailDotFolding: input.gmailDotFolding } : {}),
  }
}

function previewView(p: ExportPreview): Out<'exports:preview'> {
  return {
    segment: { id: p.segment.id, name: p.segment.name, version: p.segment.version }, preset: p.preset, format: p.format,
    columns: p.columns, members: p.members, included: p.included, excluded: p.excluded, coverage: p.coverage, warnings: p.warnings,
  }
}

/** A file name the analyst would recognise: segment, preset, date; never a path. */
function defaultFileName(segment: string, preset: string, format: string): string {
  const safe = segment.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'segment'
  return `${safe}-${preset}-${new Date().toISOString().slice(0, 10)}.${format}`
}

/**
 * `exports:*`: presets, preview, the export itself (atomic and logged by the activation engine), history
 * and, for the browser, the bytes of a file this session wrote. Files without a chosen destination go to
 * a folder private to this process; `exports:download` serves only files this session wrote.
 */
export function exportHandlers(
  access: WorkspaceAccess,
  files: { path(file: FileRef): string },
  jobs: { enqueue(kind: string, params: unknown): string },
): HandlerMap<keyof typeof exportChannels> {
  const written = new Map<number, string>()
  let dir: string | undefined
  const fresh = (): Workspace => {
    const ws = access.workspace()
    refreshDirtyProfiles(ws)
    return ws
  }
  /** The chosen file, else a file in this process's private folder (served by exports:download). */
  const outPath = (file: FileRef | undefined, fileName: string | undefined, input: In<'exports:preview'>): string => {
    if (file) return files.path(file)
    dir ??= mkdtempSync(join(tmpdir(), 'tessera-exports-'))
    return join(dir, basename(fileName ?? defaultFileName(input.segment, input.preset, getPreset(input.preset).format)))
  }
  /** A file an export job of this session wrote to the private folder (its log row names the path). */
  const privateFile = (exportId: number): string | undefined => {
    if (!dir) return undefined
    const path = access.workspace().sqlite.prepare('SELECT file_name FROM exports WHERE id = ?').pluck().get(exportId) as string | undefined
    return path !== undefined && dirname(path) === dir && existsSync(path) ? path : undefined
  }
  return {
    'exports:presets': async () => listExportPresets().map((p) => ({
      id: p.id, label: p.label, format: p.format, consent: [...p.consent], hashable: p.hashable, columns: p.columns ? p.columns.map((c) => c.header) : null,
    })),
    'exports:columns': async () => {
      const traits = listCustomTraits(access.workspace()).map((t) => `trait:${t.name}`)
      return { available: ['profile_id', ...goldenAttributeNames, 'email_2', 'phone_2', ...summaryColumns, ...traits], defaults: [...defaultColumns] }
    },
    'exports:preview': async (input) => previewView(previewExport(fresh(), options(input))),
    'exports:run': async ({ file, fileName, ...input }) => {
      const ws = fresh()
      const out = outPath(file, fileName, input)
      const r = await runExport(ws, { ...options(input), out, actor: localActor() })
      written.set(r.exportId, r.file)
      access.changed('exports')
      return { ...previewView(r), exportId: r.exportId, fileName: basename(r.file), sha256: r.sha256, downloadable: true }
    },
    /** The job-based export (the UI's choice: the main thread stays free); the result is in jobs:get. */
    'exports:start': async ({ file, fileName, ...input }) => {
      access.workspace()
      return { jobId: jobs.enqueue('export', { ...options(input), out: outPath(file, fileName, input) }) }
    },
    'exports:download': async ({ exportId }) => {
      const path = written.get(exportId) ?? privateFile(exportId)
      if (!path) throw new CdpError('NotFound', `Export ${exportId} was not written in this session; run it again to download it.`)
      const name = basename(path)
      const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? 'csv'
      return { fileName: name, mime: mimes[ext] ?? 'application/octet-stream', base64: readFileSync(path).toString('base64') }
    },
    'exports:history': async ({ limit }) => {
      const rows = access.workspace().sqlite.prepare(`SELECT e.id, e.at, e.actor, s.name AS segment, e.preset, e.format, e.hashed, e.included, e.excluded,
          e.file_name, e.file_sha256 FROM exports e LEFT JOIN segments s ON s.id = e.segment_id ORDER BY e.id DESC LIMIT ?`).all(limit) as
        { id: number; at: string; actor: string; segment: string | null; preset: string; format: string; hashed: number; included: number; excluded: string; file_name: string; file_sha256: string }[]
      return rows.map((r) => ({
        id: r.id, at: r.at, actor: r.actor, segment: r.segment, preset: r.preset, format: r.format, hashed: r.hashed === 1, included: r.included,
        excluded: JSON.parse(r.excluded) as Record<string, number>, fileName: basename(r.file_name), sha256: r.file_sha256,
      }))
    },
  }
}
