import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Workspace } from '../../electron/core/db'
import { type SeedRecord, seedRecords } from './seed'

/**
 * Loads the reference linkage data sets (../shared/data) into a workspace through seedRecords, keeping the
 * ground truth aside (record id → true entity), and scores a resolution pairwise against it.
 */
export const dataDir = join(__dirname, '..', '..', '..', 'shared', 'data')

export function dataFile(rel: string): string {
  const path = join(dataDir, rel)
  if (!existsSync(path)) throw new Error(`reference data missing: ${path} (see /work/shared/data/README.md)`)
  return path
}

/** FEBRL files: ", " separated, CRLF in 4a, values kept as strings (postcodes, dates with leading zeros). */
function readFebrl(rel: string): Array<Record<string, string>> {
  const lines = readFileSync(dataFile(rel), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '')
  const header = lines[0]!.split(',').map((h) => h.trim())
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map((c) => c.trim())
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))
  })
}

const orNull = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v)

function febrlDate(v: string): string | null {
  return /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : orNull(v)
}

/** FEBRL row → SeedRecord (soc_sec_id is added as an `external:ssn` identifier by seedFebrl, as an external_id column mapping would). */
export function febrlRecord(row: Record<string, string>, source: string): SeedRecord {
  const street = [row.street_number, row.address_1].filter((x) => x).join(' ')
  return {
    source, first_name: orNull(row.given_name), last_name: orNull(row.surname), street: orNull(street), city: orNull(row.suburb),
    region: orNull(row.state), postcode: orNull(row.postcode), country: 'AU', birth_date: febrlDate(row.date_of_birth ?? ''),
    attributes: { address_2: row.address_2 ?? '' },
  }
}

export interface Seeded {
  /** record id → true entity */
  truth: Map<number, string>
}

/** Seeds FEBRL files (each file one source). Truth: the <N> of rec-<N>-org / rec-<N>-dup-<k>. */
export function seedFebrl(ws: Workspace, files: string[]): Seeded {
  const truth = new Map<number, string>()
  for (const f of files) {
    const rows = readFebrl(`febrl/${f}`)
    const ids = seedRecords(ws, rows.map((r) => febrlRecord(r, f)))
    const ssn = ws.sqlite.prepare("INSERT INTO identifiers (record_id, kind, value, raw) VALUES (?, 'external:ssn', ?, ?)")
    ws.sqlite.transaction(() => rows.forEach((r, k) => r.soc_sec_id && ssn.run(ids[k], r.soc_sec_id, r.soc_sec_id)))()
    rows.forEach((r, k) => truth.set(ids[k]!, /^rec-(\d+)-/.exec(r.rec_id ?? '')?.[1] ?? `?${k}`))
  }
  return { truth }
}

/** Seeds Splink's fake_1000 (unique_id, first_name, surname, dob, city, email, cluster). */
export function seedFake1000(ws: Workspace): Seeded {
  const lines = readFileSync(dataFile('splink/fake_1000.csv'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '')
  const header = lines[0]!.split(',')
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i]!, c.trim()])))
  const ids = seedRecords(ws, rows.map((r) => ({
    source: 'fake_1000', first_name: orNull(r.first_name), last_name: orNull(r.surname), birth_date: orNull(r.dob), city: orNull(r.city),
    email: r.email ? r.email.toLowerCase() : null,
  })))
  const truth = new Map<number, string>()
  rows.forEach((r, k) => truth.set(ids[k]!, r.cluster!))
  return { truth }
}

export interface PairwiseScore {
  precision: number
  recall: number
  f1: number
  truePairs: number
  predictedPairs: number
  correctPairs: number
  /** Profiles holding records of two or more true entities. */
  mixedProfiles: number
}

const pairs = (n: number): number => (n * (n - 1)) / 2

/** Pairwise precision/recall/F1 of the workspace's profiles against the truth. */
export function scoreProfiles(ws: Workspace, truth: Map<number, string>): PairwiseScore {
  const rows = ws.sqlite.prepare('SELECT id, profile_id FROM records').raw().all() as Array<[number, number]>
  const byProfile = new Map<number, number>()
  const byEntity = new Map<string, number>()
  const byBoth = new Map<string, number>()
  const entitiesOf = new Map<number, Set<string>>()
  for (const [id, profile] of rows) {
    const e = truth.get(id)
    if (e === undefined) continue
    byProfile.set(profile, (byProfile.get(profile) ?? 0) + 1)
    byEntity.set(e, (byEntity.get(e) ?? 0) + 1)
    byBoth.set(`${profile}|${e}`, (byBoth.get(`${profile}|${e}`) ?? 0) + 1)
    const set = entitiesOf.get(profile) ?? new Set<string>()
    set.add(e)
    entitiesOf.set(profile, set)
  }
  const sum = (m: Map<unknown, number>): number => [...m.values()].reduce((s, n) => s + pairs(n), 0)
  const predictedPairs = sum(byProfile)
  const truePairs = sum(byEntity)
  const correctPairs = sum(byBoth)
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  const mixedProfiles = [...entitiesOf.values()].filter((s) => s.size > 1).length
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs, mixedProfiles }
}
