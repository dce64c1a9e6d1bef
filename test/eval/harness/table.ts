/** The eval's printed report: one row per data set, then PASS/FAIL per target. */
import type { DatasetResult } from './evaluate'

const fixed = (v: number | undefined, digits = 4): string => (v === undefined ? 'n/a' : v.toFixed(digits))

const columns: ReadonlyArray<{ title: string; cell: (r: DatasetResult) => string }> = [
  { title: 'data set', cell: (r) => r.name },
  { title: 'records', cell: (r) => String(r.records) },
  { title: 'precision', cell: (r) => fixed(r.precision) },
  { title: 'recall', cell: (r) => fixed(r.recall) },
  { title: 'F1', cell: (r) => fixed(r.f1) },
  { title: 'mixed', cell: (r) => String(r.mixedProfiles) },
  { title: 'queue', cell: (r) => (r.queue === undefined ? 'n/a' : `${r.queue} (${fixed((r.queueShare ?? 0) * 100, 2)}%)`) },
  { title: 'resolve s', cell: (r) => (r.resolve === 'missing' ? 'missing' : fixed(r.resolveSeconds, 1)) },
  { title: 'auto-merge P', cell: (r) => (r.review !== undefined || r.targets.some((t) => t.metric === 'precision') ? fixed(r.autoPrecision) : '') },
  { title: 'F1 after review', cell: (r) => (r.review ? fixed(r.review.f1) : r.targets.some((t) => t.metric === 'reviewF1') ? 'n/a' : '') },
  { title: 'exact-evidence F1 bound', cell: (r) => (r.bound ? fixed(r.bound.f1Bound) : '') },
]

/** Right-aligned numbers, left-aligned names; plain text so it reads in a terminal and a CI log. */
export function formatTable(results: readonly DatasetResult[]): string {
  const cells = results.map((r) => columns.map((c) => c.cell(r)))
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: readonly string[]): string => row.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ').trimEnd()
  return [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

/** One line per target: PASS/FAIL, data set, metric, value and bound. */
export function formatTargets(results: readonly DatasetResult[]): string[] {
  return results.flatMap((r) => r.targets.map((t) => `${t.pass ? 'PASS' : 'FAIL'}  ${r.name}  ${t.metric} = ${fixed(t.value)} (target ${t.bound})`))
}
