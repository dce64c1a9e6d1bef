import { statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { CdpError } from '../../../../shared/api/errors'
import { tuneForBulkWrite, type Workspace } from '../../db'
import { localActor } from '../../privacy/actor'
import { appendAudit } from '../../privacy/audit'
import { fileSha256, openRowSource } from '../readers'
import type { Mapping, ReadRow, RowSource } from '../types'
import { decideDateOrders } from './date-orders'
import { deferImportIndexes } from './deferred-indexes'
import { effectiveCountry } from './default-country'
import { throttledProgress } from './progress'
import type { ImportOptions, ImportReport } from './report'
import { resolveMapping, type ResolvedMapping } from './resolve-mapping'
import { packRow, type PackedRow } from './packed-row'
import { parallelRows, parseWorkerReady, prewarmParseWorker } from './parallel-rows'
import { compilePlan, type RowPlan } from './row-plan'
import { suppressionCheck } from './suppression'
import { transformRow } from './transform'
import { ImportWriter } from './writer'

/** Rows read ahead to decide date orders and to guess a mapping for an unknown source. */
const SAMPLE_ROWS = 1000
/** Rows between cancellation checks and progress reports. */
const BATCH = 512

/**
 * Imports one file into the workspace: every row ends as a record, an event, or a quarantined row with
 * its reason, and all rows are kept verbatim in raw_rows. The whole import is ONE transaction: a
 * cancellation (`signal`), an error or a killed process leaves nothing of it. After a cancel or failure a
 * bare `imports` row with status 'cancelled'/'failed' is written (no data), so the attempt is visible.
 *
 * The same file again (same SHA-256, a finished import) is a no-op reported as `alreadyImported`, unless
 * `force`. A newer export of the same source updates records by their source key.
 *
 * Throws CdpError: UnsupportedFile/InvalidInput from the readers and mapping, Cancelled, Conflict (the
 * source holds the other kind of rows). Owns its transaction: do not call it inside one.
 */
export async function importFile(ws: Workspace, path: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = Date.now()
  const progress = throttledProgress(opts.onProgress)
  const totalBytes = statSync(path).size
  // The parse worker starts while this thread hashes and samples the file.
  if (opts.parallel ?? totalBytes >= WORKER_MIN_BYTES) prewarmParseWorker()
  progress({ phase: 'hashing', rows: 0, bytes: 0, totalBytes }, true)
  const sha256 = await fileSha256(path)
  const source = opts.source ?? basename(path, extname(path))
  const report = emptyReport(source, path, totalBytes, sha256)
  const previous = opts.force ? undefined : ws.sqlite.prepare(
    "SELECT id FROM imports WHERE file_sha256 = ? AND status = 'done' ORDER BY id DESC LIMIT 1").pluck().get(sha256) as number | undefined
  if (previous !== undefined) return { ...report, alreadyImported: true, previousImportId: previous, durationMs: Date.now() - t0 }

  const src = await openRowSource(path, { ...(opts.sheet ? { sheet: opts.sheet } : {}), ...(opts.signal ? { signal: opts.signal } : {}) })
  try {
    const iter = src.rows[Symbol.asyncIterator]()
    const sample = await readAhead(iter, SAMPLE_ROWS)
    const resolved = resolveMapping(ws.sqlite, src.header, sample.map((r) => r.cells), source, opts)
    const dateOrders = decideDateOrders(src.header, resolved.mapping, sample.map((r) => r.cells))
    Object.assign(report, {
      reader: src.info, mapping: resolved.mapping, mappingOrigin: resolved.origin, dateOrders,
      preset: resolved.preset ? { id: resolved.preset.preset, label: resolved.preset.label, confidence: resolved.preset.confidence } : null,
    })
    const run = { ws, src, sample, iter, resolved, report, opts, progress, totalBytes }
    await writeAll(run)
  } finally {
    await src.close()
  }
  report.durationMs = Date.now() - t0
  progress({ phase: 'done', rows: report.rows, bytes: totalBytes, totalBytes }, true)
  return report
}

interface Run {
  ws: Workspace
  src: RowSource
  sample: ReadRow[]
  iter: AsyncIterator<ReadRow>
  resolved: ResolvedMapping
  report: ImportReport
  opts: ImportOptions
  progress: ReturnType<typeof throttledProgress>
  totalBytes: number
}

async function writeAll(run: Run): Promise<void> {
  const { ws, report, opts, resolved } = run
  const db = ws.sqlite
  const at = new Date().toISOString()
  const plan = compilePlan(run.src.header, resolved.mapping, effectiveCountry(ws, opts.defaultCountry))
  Object.assign(plan.dateOrders, Object.fromEntries(Object.entries(report.dateOrders).map(([c, d]) => [c, d.order])))
  const restore = tuneForBulkWrite(db, IMPORT_CACHE_KIB)
  db.exec('BEGIN IMMEDIATE')
  try {
    const sourceId = ensureSource(db, report.source, resolved, at)
    const importId = insertImport(db, sourceId, report, opts.sheet ?? run.src.info.sheet ?? null, at)
    const firstRawRowId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM raw_rows').pluck().get() as number)
    const rebuildIndexes = deferImportIndexes(db, resolved.mapping.kind)
    const writer = new ImportWriter(db, { importId, sourceId, system: resolved.mapping.system ?? null, at, firstRawRowId }, suppressionCheck(db))
    let rows = 0
    const par = useWorker(run) ? parallelRows({ path: report.file, ...(opts.sheet ? { sheet: opts.sheet } : {}), mapping: resolved.mapping,
      defaultCountry: plan.defaultCountry, dateOrders: plan.dateOrders, batch: BATCH, window: 8 }) : null
    const bytesRead = par ? par.bytes : () => run.src.bytesRead()
    try {
      for await (const row of par ? par.rows : inThread(run, plan)) {
        writer.write(row)
        if (++rows % BATCH === 0) {
          // A cancel lands between batches; the rollback below then removes everything written so far.
          if (opts.signal?.aborted) throw cancelled()
          run.progress({ phase: 'reading', rows, bytes: bytesRead(), totalBytes: run.totalBytes })
        }
      }
    } finally {
      await par?.stop()
    }
    if (opts.signal?.aborted) throw cancelled()
    writer.flush()
    rebuildIndexes()
    const finalInfo = par?.info()
    if (finalInfo) report.reader = finalInfo
    Object.assign(report, { importId, rows, ...writer.counts })
    run.progress({ phase: 'committing', rows, bytes: run.totalBytes, totalBytes: run.totalBytes }, true)
    finishImport(db, importId, sourceId, report, run.src.header)
    db.exec('COMMIT')
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK')
    const aborted = opts.signal?.aborted === true || (e instanceof CdpError && e.code === 'Cancelled')
    recordAttempt(db, report, resolved, aborted ? 'cancelled' : 'failed', e, at)
    throw aborted && !(e instanceof CdpError) ? cancelled() : e
  } finally {
    restore()
  }
}

/** Page cache for the import's one transaction, KiB: a quarter of the 1 GB memory budget. */
const IMPORT_CACHE_KIB = 256 * 1024

/*
 * The import's one transaction runs with tuneForBulkWrite: the page cache above, and no foreign-key checks
 * (a lookup of the parent per reference, four per event row: 3-9% of the CPU of an orders import). The writer
 * only references rows it wrote itself earlier in the transaction (ids it assigned, flushed parents first) or
 * rows it just read, and it deletes only from events and identifiers, which no foreign key references, so no
 * cascade is skipped. Tests check foreign_key_check after imports.
 */

/** Parsing and normalising move to a worker for files big enough to repay its start-up (a tenth of a second bundled, a second from sources)… */
const WORKER_MIN_BYTES = 2 * 1024 * 1024
/** …or, when a worker is already started and idle, for any file but a tiny one (posting batches has a cost too). */
const WARM_WORKER_MIN_BYTES = 256 * 1024

function useWorker(run: Run): boolean {
  return run.opts.parallel ?? (run.totalBytes >= WORKER_MIN_BYTES || (run.totalBytes >= WARM_WORKER_MIN_BYTES && parseWorkerReady()))
}

/** The same stream as the worker's, computed on this thread (small files, or no worker available). */
async function* inThread(run: Run, plan: RowPlan): AsyncGenerator<PackedRow> {
  for (const row of run.sample) yield packRow(row, transformRow(plan, row))
  for (let r = await run.iter.next(); !r.done; r = await run.iter.next()) yield packRow(r.value, transformRow(plan, r.value))
}

async function readAhead(iter: AsyncIterator<ReadRow>, n: number): Promise<ReadRow[]> {
  const out: ReadRow[] = []
  while (out.length < n) {
    const r = await iter.next()
    if (r.done) break
    out.push(r.value)
  }
  return out
}

const cancelled = (): CdpError => new CdpError('Cancelled', 'Import cancelled: nothing of it was kept.')

function ensureSource(db: SqliteDatabase, name: string, r: ResolvedMapping, at: string): number {
  const row = db.prepare('SELECT id, kind FROM sources WHERE name = ?').get(name) as { id: number; kind: string } | undefined
  if (row && row.kind !== r.mapping.kind) {
    throw new CdpError('Conflict', `Source "${name}" holds ${row.kind} rows but this file maps to ${r.mapping.kind} rows; import it under another --source name.`)
  }
  if (row) return row.id
  return Number(db.prepare('INSERT INTO sources (name, preset, kind, system, mapping, created_at) VALUES (?, ?, ?, ?, NULL, ?)')
    .run(name, r.preset?.preset ?? null, r.mapping.kind, r.mapping.system ?? null, at).lastInsertRowid)
}

function insertImport(db: SqliteDatabase, sourceId: number, report: ImportReport, sheet: string | null, at: string): number {
  return Number(db.prepare(`INSERT INTO imports (source_id, file_name, file_size, file_sha256, sheet, mapping, status, started_at)
    VALUES (?, ?, ?, ?, ?, ?, 'running', ?)`).run(sourceId, basename(report.file), report.fileSize, report.sha256, sheet,
    JSON.stringify(report.mapping), at).lastInsertRowid)
}

function finishImport(db: SqliteDatabase, importId: number, sourceId: number, r: ImportReport, header: readonly string[]): void {
  const decisions = { reader: r.reader, preset: r.preset, mappingOrigin: r.mappingOrigin, dateOrders: r.dateOrders,
    quarantineReasons: r.quarantineReasons, recordsFromEvents: r.recordsFromEvents,
    recordsFromBuyerDetails: r.recordsFromBuyerDetails, eventRowsWritten: r.eventRowsWritten,
    eventsReplaced: r.eventsReplaced }
  db.prepare(`UPDATE imports SET status = 'done', rows_total = ?, records_imported = ?, records_updated = ?, events_imported = ?,
    rows_quarantined = ?, report = ?, finished_at = ? WHERE id = ?`).run(r.rows, r.recordsImported, r.recordsUpdated,
    r.eventsImported, r.rowsQuarantined, JSON.stringify(decisions), new Date().toISOString(), importId)
  // The mapping that worked is saved with the source and reused by its next import; only the columns this
  // file had are kept, so the next export with the same header recognises it as its own.
  db.prepare('UPDATE sources SET mapping = ?, preset = coalesce(?, preset), system = coalesce(system, ?) WHERE id = ?')
    .run(JSON.stringify(r.mapping && savedForm(r.mapping, header)), r.preset?.id ?? null, r.mapping?.system ?? null, sourceId)
  // In the import's own transaction: the audit trail has the import exactly when the data does. Counts and
  // the file's name and hash only — no row content.
  appendAudit(db, {
    actor: localActor(), action: 'import.done', subject: `import:${importId}`,
    details: { sourceId, file: basename(r.file), sha256: r.sha256, rows: r.rows, recordsImported: r.recordsImported,
      recordsUpdated: r.recordsUpdated, eventsImported: r.eventsImported, rowsQuarantined: r.rowsQuarantined },
  })
}

function savedForm(m: Mapping, header: readonly string[]): Mapping {
  const names = new Set(header.map((h) => h.trim()))
  return { ...m, columns: Object.fromEntries(Object.entries(m.columns).filter(([c]) => names.has(c.trim()))) }
}

/** After a rollback: a data-free imports row, so a cancelled or failed attempt stays visible. Best effort. */
function recordAttempt(db: SqliteDatabase, r: ImportReport, resolved: ResolvedMapping, status: 'cancelled' | 'failed', e: unknown, at: string): void {
  try {
    db.transaction(() => {
      const sourceId = ensureSource(db, r.source, resolved, at)
      const message = e instanceof Error ? e.message : String(e)
      db.prepare(`INSERT INTO imports (source_id, file_name, file_size, file_sha256, mapping, status, report, started_at, finished_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(sourceId, basename(r.file), r.fileSize, r.sha256, JSON.stringify(resolved.mapping),
        status, JSON.stringify({ error: message }), at, new Date().toISOString())
    })()
  } catch {
    // The import itself already failed and was rolled back; failing to note it must not hide that error.
  }
}

function emptyReport(source: string, file: string, fileSize: number, sha256: string): ImportReport {
  return {
    importId: null, source, file, fileSize, sha256, alreadyImported: false, previousImportId: null, preset: null,
    mappingOrigin: null, mapping: null, reader: null, dateOrders: {}, rows: 0, recordsImported: 0, recordsUpdated: 0,
    eventsImported: 0, rowsQuarantined: 0, recordsFromEvents: 0, recordsFromBuyerDetails: 0, eventRowsWritten: 0, eventsReplaced: 0, quarantineReasons: {},
    durationMs: 0,
  }
}
