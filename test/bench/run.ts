/**
 * `npm run bench [-- --full] [--only import,resolve,segments]`
 *
 * Runs every benchmark in one process, one after the other, and prints their figures. Each benchmark
 * measures its reference in the same run (sqlite3's raw .import for import, DuckDB for segment counts) and
 * reports the ratio, because bare times on a shared 2-core machine say little. The default sizes are modest
 * so a run takes minutes; --full uses the issues' target sizes (1.3 M rows / 400 k people).
 */
import { benchImport } from './import'
import { runResolveBench } from './resolve'
import { runSegmentsBench } from './segments'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const full = args.includes('--full')
  const i = args.indexOf('--only')
  const only = i >= 0 ? new Set((args[i + 1] ?? '').split(',')) : null
  const wanted = (name: string): boolean => !only || only.has(name)

  if (wanted('import')) {
    console.log('\n== import (issue 3): Tessera vs sqlite3 .import, same files, same run')
    const r = await benchImport({ rows: full ? 1_300_000 : 200_000 })
    console.log(`rows ${r.rows}  Tessera ${Math.round(r.tesseraRowsPerSecond)} rows/s  sqlite3 ${Math.round(r.sqliteRowsPerSecond)} rows/s  ratio ${r.ratio.toFixed(2)}× (target ≤ 3)  peak RSS ${r.peakRssMb} MB (target < 1024)`)
  }
  if (wanted('resolve')) {
    console.log('\n== identity resolution (issue 4)')
    await runResolveBench(full ? 1_300_000 : 100_000, full ? 10_000 : 2_000)
  }
  if (wanted('segments')) {
    console.log('\n== segment counts vs DuckDB, and search latency (issue 5)')
    await runSegmentsBench(full ? 1 : 0.1)
  }
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
