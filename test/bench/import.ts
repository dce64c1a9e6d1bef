/**
 * Import benchmark: the seeded multi-source generator's five exports imported into an encrypted workspace
 * (normalised, indexed, with lineage) versus the `sqlite3` shell's raw `.import` of the same files into an
 * unencrypted database, measured in the same run. Target (issue 3): 1.3 M rows within 3× of sqlite3, peak
 * memory under 1 GB.
 *
 *   npx tsx test/bench/import.ts [--rows N] [--seed S] [--data DIR] [--keep]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkspace } from '../../electron/core/db'
import { importFile, type ImportReport } from '../../electron/core/import'
import { generate } from '../eval/generator/generate'

export interface BenchImportOptions {
  /** Total data rows to generate (default 200 000; the target is 1 300 000). */
  rows?: number
  seed?: number
  /** Use the CSV files already in this folder instead of generating. */
  data?: string
  /** Keep the temp folder (data and databases) for inspection. */
  keep?: boolean
  log?: (line: string) => void
}

export interface BenchImportResult {
  rows: number
  bytes: number
  files: number
  tesseraSeconds: number
  sqliteSeconds: number
  /** tesseraSeconds / sqliteSeconds: the target is ≤ 3. */
  ratio: number
  /**
   * CPU seconds (user + system) of the import (all its threads) and of the sqlite3 shell, and their ratio:
   * on a shared, overloaded machine wall times swing with the load, CPU time much less. Null without
   * /usr/bin/time (the shell's CPU time is read through it).
   */
  tesseraCpuSeconds: number
  sqliteCpuSeconds: number | null
  cpuRatio: number | null
  tesseraRowsPerSecond: number
  sqliteRowsPerSecond: number
  /** Peak resident memory of this process, MB (the import runs in it; the sqlite3 shell is a child). */
  peakRssMb: number
  reports: Array<Pick<ImportReport, 'source' | 'rows' | 'recordsImported' | 'eventsImported' | 'rowsQuarantined' | 'durationMs'>>
}

/** Runs the benchmark and returns its figures; throws when sqlite3 is missing or an import fails. */
export async function benchImport(opts: BenchImportOptions = {}): Promise<BenchImportResult> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-import-'))
  try {
    const dataDir = opts.data ?? join(dir, 'data')
    if (!opts.data) {
      log(`generating ~${(opts.rows ?? 200_000).toLocaleString('en')} rows (seed ${opts.seed ?? 1})…`)
      generate({ seed: opts.seed ?? 1, out: dataDir, rows: opts.rows ?? 200_000 })
    }
    const files = readdirSync(dataDir).filter((f) => f.endsWith('.csv') && f !== 'truth.csv').sort().map((f) => join(dataDir, f))
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0)

    const { seconds: sqliteSeconds, cpuSeconds: sqliteCpuSeconds } = sqliteImport(files, join(dir, 'reference.db'))
    log(`sqlite3 .import: ${sqliteSeconds.toFixed(2)} s`)

    const ws = createWorkspace(join(dir, 'bench.tdb'), 'bench passphrase', { kdf: { log2N: 12, r: 8, p: 1 } })
    const reports: ImportReport[] = []
    const t0 = process.hrtime.bigint()
    const cpu0 = process.cpuUsage()
    try {
      for (const f of files) {
        const r = await importFile(ws, f, { defaultCountry: 'US' })
        log(`  ${r.source}: ${r.rows} rows (records ${r.recordsImported}, events ${r.eventsImported}, quarantined ${r.rowsQuarantined}) in ${(r.durationMs / 1000).toFixed(2)} s`)
        reports.push(r)
      }
    } finally {
      ws.close()
    }
    const tesseraSeconds = Number(process.hrtime.bigint() - t0) / 1e9
    const cpu = process.cpuUsage(cpu0)
    const tesseraCpuSeconds = (cpu.user + cpu.system) / 1e6
    const rows = reports.reduce((n, r) => n + r.rows, 0)
    return {
      rows, bytes, files: files.length, tesseraSeconds, sqliteSeconds, ratio: tesseraSeconds / sqliteSeconds,
      tesseraCpuSeconds, sqliteCpuSeconds, cpuRatio: sqliteCpuSeconds ? tesseraCpuSeconds / sqliteCpuSeconds : null,
      tesseraRowsPerSecond: rows / tesseraSeconds, sqliteRowsPerSecond: rows / sqliteSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      reports: reports.map(({ source, rows: n, recordsImported, eventsImported, rowsQuarantined, durationMs }) =>
        ({ source, rows: n, recordsImported, eventsImported, rowsQuarantined, durationMs })),
    }
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true })
    else log(`kept ${dir}`)
  }
}

/** The reference: the sqlite3 shell's own CSV import of every file into one plain database, timed (wall and CPU). */
function sqliteImport(files: string[], dbPath: string): { seconds: number; cpuSeconds: number | null } {
  if (!existsSync('/usr/bin/sqlite3') && spawnSync('sqlite3', ['-version']).status !== 0) {
    throw new Error('sqlite3 is not installed (apt-get install sqlite3): it is the benchmark reference.')
  }
  const script = files.map((f, i) => `.import --csv '${f.replaceAll("'", "''")}' t${i}`).join('\n')
  // /usr/bin/time adds a fork and an exec (about a millisecond) and reports the shell's own CPU time.
  const timed = existsSync('/usr/bin/time')
  const [cmd, args] = timed ? ['/usr/bin/time', ['-f', 'cpu %U %S', 'sqlite3', dbPath]] : ['sqlite3', [dbPath]]
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { input: `${script}\n`, encoding: 'utf8' })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr}`)
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr)
  return { seconds, cpuSeconds: m ? Number(m[1]) + Number(m[2]) : null }
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (require.main === module) {
  const rows = flag('--rows')
  const seed = flag('--seed')
  const data = flag('--data')
  benchImport({
    ...(rows ? { rows: Number(rows) } : {}), ...(seed ? { seed: Number(seed) } : {}), ...(data ? { data } : {}),
    keep: process.argv.includes('--keep'),
  }).then((r) => {
    const k = (n: number): string => Math.round(n).toLocaleString('en')
    process.stdout.write([
      `rows ${k(r.rows)} in ${r.files} files (${(r.bytes / 1e6).toFixed(1)} MB)`,
      `tessera  ${r.tesseraSeconds.toFixed(2)} s  ${k(r.tesseraRowsPerSecond)} rows/s (encrypted, normalised, indexed)`,
      `sqlite3  ${r.sqliteSeconds.toFixed(2)} s  ${k(r.sqliteRowsPerSecond)} rows/s (.import, plain)`,
      `ratio    ${r.ratio.toFixed(2)}× (target ≤ 3×)   peak RSS ${r.peakRssMb.toFixed(0)} MB (target < 1024)`,
      r.cpuRatio === null ? 'cpu      (no /usr/bin/time: CPU ratio not measured)'
        : `cpu      tessera ${r.tesseraCpuSeconds.toFixed(2)} s, sqlite3 ${r.sqliteCpuSeconds!.toFixed(2)} s: ratio ${r.cpuRatio.toFixed(2)}× (less load-sensitive than wall)`,
    ].join('\n') + '\n')
  }, (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`)
    process.exitCode = 1
  })
}
