import type { importChannels } from '../../../shared/api/channels/import'
import type { HandlerMap } from '../../../shared/api/contract'
import type { Workspace } from '../db'
import { inspectFile, type InspectResult } from './pipeline/inspect'
import { listPresets } from './presets'
import type { RowResult } from './pipeline/transform'

/** What the import wizard's handlers need from the session: the open workspace and chosen files' paths. */
export interface ImportHandlerDeps {
  workspace(): Workspace
  path(file: { ref: string; name: string }): string
}

type WizardChannels = 'import:inspect' | 'import:presets' | 'import:quarantine'

/**
 * `import:inspect`, `import:presets`, `import:quarantine`: the wizard's read-only steps. `import:start`
 * (the run itself, a background job) is registered by the jobs domain. Nothing here writes.
 */
export function importWizardHandlers(deps: ImportHandlerDeps): HandlerMap<WizardChannels & keyof typeof importChannels> {
  return {
    'import:inspect': async ({ file, rows, ...opts }) => inspectView(await inspectFile(deps.workspace(), deps.path(file), { ...opts, rows })),
    'import:presets': async () => listPresets(),
    'import:quarantine': async ({ importId, limit }) => quarantineOf(deps.workspace(), importId, limit),
  }
}

/** The engine's inspection as the contract's JSON-safe view (preview rows flattened to field → value). */
export function inspectView(r: InspectResult) {
  return {
    reader: r.info,
    header: r.header,
    rows: r.rows.slice(0, 50).map((row) => r.header.map((_, i) => row.cells[i] ?? '')),
    sampled: r.rows.length,
    columns: r.profiles,
    preset: r.preset,
    mapping: r.mapping,
    mappingOrigin: r.mappingOrigin,
    dateOrders: r.dateOrders,
    preview: r.preview.map((p) => ({
      rowNumber: p.rowNumber,
      raw: p.raw,
      outcome: p.result.outcome,
      reason: p.result.outcome === 'quarantined' ? p.result.reason : null,
      normalised: normalisedFields(p.result),
    })),
  }
}

function normalisedFields(r: RowResult): Record<string, string> {
  if (r.outcome === 'quarantined') return {}
  const out: Record<string, string> = {}
  if (r.person.sourceKey) out.source_key = r.person.sourceKey
  for (const [k, v] of Object.entries(r.person.fields)) if (v !== null) out[k] = v
  for (const id of r.person.identifiers) out[`id:${id.kind}`] = id.value
  for (const [k, v] of Object.entries(r.person.attributes)) if (v !== null && v !== undefined) out[`attribute:${k}`] = typeof v === 'string' ? v : JSON.stringify(v)
  for (const c of r.person.consents) out[`consent:${c.channel}`] = c.value
  if (r.outcome === 'event') {
    r.events.forEach((e, i) => {
      const amount = e.amountMinor === null ? '' : ` ${(e.amountMinor / 100).toFixed(2)} ${e.currency ?? ''}`.trimEnd()
      out[`event${r.events.length > 1 ? `#${i + 1}` : ''}`] = `${e.type}${e.occurredAt ? ` at ${e.occurredAt}` : ''}${amount}`
    })
  }
  return out
}

/**
 * The rows an import quarantined, with reasons, for the analyst to fix and re-import. The header is the
 * import's mapping columns when they line up with the cells (the file's header is not stored separately).
 * Throws CdpError('NotFound') via the caller's checks when the import does not exist.
 */
export function quarantineOf(ws: Workspace, importId: number, limit: number) {
  const imp = ws.sqlite.prepare('SELECT mapping, rows_quarantined AS total FROM imports WHERE id = ?').get(importId) as { mapping: string; total: number } | undefined
  if (!imp) return { header: [], total: 0, rows: [] }
  const raw = ws.sqlite
    .prepare("SELECT row_number AS rowNumber, reason, data FROM raw_rows WHERE import_id = ? AND outcome = 'quarantined' ORDER BY row_number LIMIT ?")
    .all(importId, limit) as Array<{ rowNumber: number; reason: string | null; data: string }>
  const rows = raw.map((r) => ({ rowNumber: r.rowNumber, reason: r.reason ?? 'unknown', cells: parseCells(r.data) }))
  const mapped = Object.keys((JSON.parse(imp.mapping) as { columns?: Record<string, string> }).columns ?? {})
  const width = Math.max(0, ...rows.map((r) => r.cells.length))
  const header = mapped.length === width ? mapped : Array.from({ length: width }, (_, i) => `column_${i + 1}`)
  return { header, total: imp.total, rows }
}

function parseCells(data: string): string[] {
  try {
    const v = JSON.parse(data) as unknown
    return Array.isArray(v) ? v.map((c) => (typeof c === 'string' ? c : c === null || c === undefined ? '' : JSON.stringify(c))) : [String(v)]
  } catch {
    return [data]
  }
}
