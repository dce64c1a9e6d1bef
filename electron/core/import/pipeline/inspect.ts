import { basename, extname } from 'node:path'
import type { Workspace } from '../../db'
import { openRowSource } from '../readers'
import { profileColumns } from '../sniff'
import type { ColumnProfile, Mapping, ReadRow, ReaderInfo } from '../types'
import { decideDateOrders } from './date-orders'
import { effectiveCountry } from './default-country'
import type { DateOrderDecision } from './report'
import { resolveMapping, type MappingOrigin } from './resolve-mapping'
import { compilePlan } from './row-plan'
import { transformRow, type RowResult } from './transform'

/** Everything the import wizard shows before the run: what the file is and what would become of it. */
export interface InspectResult {
  info: ReaderInfo
  header: string[]
  rows: ReadRow[]
  profiles: ColumnProfile[]
  preset: { id: string; label: string; confidence: number } | null
  mapping: Mapping
  mappingOrigin: MappingOrigin
  dateOrders: Record<string, DateOrderDecision>
  /** The first rows, raw beside normalised, as the import would write them. */
  preview: Array<{ rowNumber: number; raw: Record<string, string>; result: RowResult }>
}

export interface InspectOptions {
  sheet?: string
  source?: string
  preset?: string
  mapping?: unknown
  defaultCountry?: string
  /** Rows to read for profiling (default 200); the normalisation preview shows the first 10. */
  rows?: number
}

/**
 * Reads the head of a file and proposes how to import it: reader decisions (encoding, delimiter, sheet),
 * column profiles, the recognised preset, the mapping (given, saved, preset or guessed), date orders, and
 * a raw → normalised preview. Writes nothing. Throws the readers' CdpErrors for unreadable files.
 */
export async function inspectFile(ws: Workspace, path: string, opts: InspectOptions = {}): Promise<InspectResult> {
  const src = await openRowSource(path, opts.sheet ? { sheet: opts.sheet } : {})
  try {
    const rows: ReadRow[] = []
    for await (const row of src.rows) {
      rows.push(row)
      if (rows.length >= (opts.rows ?? 200)) break
    }
    const sample = rows.map((r) => r.cells)
    const source = opts.source ?? basename(path, extname(path))
    const resolved = resolveMapping(ws.sqlite, src.header, sample, source, opts)
    const dateOrders = decideDateOrders(src.header, resolved.mapping, sample)
    const plan = compilePlan(src.header, resolved.mapping, effectiveCountry(ws, opts.defaultCountry))
    Object.assign(plan.dateOrders, Object.fromEntries(Object.entries(dateOrders).map(([c, d]) => [c, d.order])))
    const preview = rows.slice(0, 10).map((row) => ({
      rowNumber: row.rowNumber,
      raw: Object.fromEntries(src.header.map((h, i) => [h, row.cells[i] ?? ''])),
      result: transformRow(plan, row),
    }))
    const p = resolved.preset
    return {
      info: src.info, header: src.header, rows, profiles: profileColumns(src.header, sample),
      preset: p ? { id: p.preset, label: p.label, confidence: p.confidence } : null,
      mapping: resolved.mapping, mappingOrigin: resolved.origin, dateOrders, preview,
    }
  } finally {
    await src.close()
  }
}
