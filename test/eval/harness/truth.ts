/**
 * Ground truth for the reference data sets, in the shape ../shared/bin/score-links reads:
 * `file,row,person_id` with `file` the CSV's base name (the default source name of `cdp import`) and `row`
 * the 1-based data row (header excluded), exactly as `cdp links` numbers rows.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import Papa from 'papaparse'

export interface TruthRow {
  file: string
  row: number
  person: string
}

/** Reads a CSV with a header; cells trimmed because FEBRL separates fields with ", ". Throws if absent or malformed. */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true })
  const bad = parsed.errors.find((e) => e.type !== 'Delimiter')
  if (bad) throw new Error(`${path}: CSV error at row ${bad.row ?? '?'}: ${bad.message}`)
  const [head, ...rows] = parsed.data
  if (!head) throw new Error(`${path}: empty file`)
  return { header: head.map((h) => h.trim()), rows: rows.map((r) => r.map((c) => c.trim())) }
}

/** FEBRL: `rec-<N>-org` and `rec-<N>-dup-<k>` are person N. Throws on any other shape. */
export function febrlPerson(recId: string): string {
  const m = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(recId.trim())
  if (!m) throw new Error(`not a FEBRL rec_id: '${recId}'`)
  return m[1] as string
}

/** febrl-dsgen: rec_id = 10 × entity + k, so the entity is floor(rec_id / 10). */
export function dsgenPerson(recId: string): string {
  const n = Number(recId.trim())
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a febrl-dsgen rec_id: '${recId}'`)
  return String(Math.floor(n / 10))
}

/** Splink fake_1000: the `cluster` column is the person. */
export const clusterPerson = (cluster: string): string => {
  if (cluster.trim() === '') throw new Error('empty cluster id')
  return cluster.trim()
}

export const sourceName = (path: string): string => basename(path, extname(path))

/** One truth row per data row of `path`, the person read from `column` through `toPerson`. */
export function truthFromColumn(path: string, column: string, toPerson: (value: string) => string): TruthRow[] {
  const { header, rows } = readCsv(path)
  const col = header.indexOf(column)
  if (col < 0) throw new Error(`${path}: no column '${column}' in ${header.join(',')}`)
  const file = sourceName(path)
  return rows.map((r, i) => ({ file, row: i + 1, person: toPerson(r[col] ?? '') }))
}

/** Writes truth rows as `file,row,person_id`. */
export function writeTruth(path: string, rows: readonly TruthRow[]): void {
  writeFileSync(path, `file,row,person_id\n${rows.map((r) => `${r.file},${r.row},${r.person}`).join('\n')}\n`)
}
