/**
 * Resolution benchmark: N synthetic person records from five sources written straight into a real encrypted
 * workspace, then `resolve` (full), then an incremental run over `incremental` new records. Reports
 * comparisons per second, seconds, and peak RSS. Standalone: `tsx test/bench/resolve.ts [records] [incremental]`.
 * With RESOLVE_BENCH_CACHE=<dir>, the seeded workspace (before any resolve) is kept there and copied for the
 * next run of the same size, so repeated runs skip seeding (a minute at 1.3M records).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createWorkspace, currentSchemaVersion, keyFilePath, openWorkspace, Passphrase, type Workspace } from '../../electron/core/db'
import { resolve, type ResolveProgress } from '../../electron/core/identity'
import { rng } from '../../electron/core/identity/train'
import { tempDir, testKdf, testPassphrase } from '../helpers/temp-workspace'

export interface ResolveBenchResult {
  records: number
  seconds: number
  candidatePairs: number
  comparisons: number
  comparisonsPerSecond: number
  merged: number
  queued: number
  incremental: { records: number; seconds: number; merged: number } | null
  peakRssMb: number
}

const FIRST = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth', 'david', 'barbara',
  'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'charles', 'karen', 'daniel', 'nancy', 'matthew', 'lisa', 'anthony', 'betty',
  'mark', 'margaret', 'donald', 'sandra', 'steven', 'ashley', 'paul', 'kimberly', 'andrew', 'emily', 'joshua', 'donna', 'kenneth', 'michelle']
const SYLLABLES = ['son', 'ton', 'ley', 'man', 'ford', 'well', 'wood', 'field', 'er', 'ham', 'ber', 'ker', 'lin', 'ros', 'dal', 'mor', 'gan', 'vin']
const SOURCES = ['crm', 'shop', 'orders', 'newsletter', 'support']
const STREETS = ['main st', 'oak ave', 'pine rd', 'maple dr', 'cedar ln', 'elm st', 'park ave', 'hill rd', 'lake dr', 'river rd']

interface Person { first: string; last: string; dob: string; email: string; phone: string; street: string; postcode: string }

function makePerson(rand: () => number, k: number): Person {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const last = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`
  const first = pick(FIRST)
  const y = 1940 + Math.floor(rand() * 65)
  const dob = `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
  return {
    first, last, dob, email: `${first}.${last}${k % 1000}@mail${k % 50}.test`, phone: `+1555${String(k).padStart(7, '0')}`,
    street: `${1 + Math.floor(rand() * 999)} ${pick(STREETS)}`, postcode: String(10000 + Math.floor(rand() * 89999)),
  }
}

const typo = (s: string, rand: () => number): string => {
  if (s.length < 4 || rand() > 0.1) return s
  const i = 1 + Math.floor(rand() * (s.length - 2))
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
}

/** Writes `count` records (about 2.6 per person, person ids continuing from `firstPerson`) in one transaction. */
export function seedSynthetic(ws: Workspace, count: number, seed = 7, firstPerson = 0): void {
  const db = ws.sqlite
  const rand = rng(seed)
  const now = new Date().toISOString()
  const sourceIds = SOURCES.map((name) => {
    const existing = db.prepare('SELECT id FROM sources WHERE name = ?').pluck().get(name) as number | undefined
    return existing ?? Number(db.prepare("INSERT INTO sources (name, kind, system, created_at) VALUES (?, 'person', ?, ?)").run(name, name, now).lastInsertRowid)
  })
  const importIds = sourceIds.map((id) => Number(db.prepare(`INSERT INTO imports (source_id, file_name, file_size, file_sha256, mapping, status, started_at)
    VALUES (?, 'bench', 0, ?, '{}', 'done', ?)`).run(id, `bench-${seed}-${id}-${firstPerson}`, now).lastInsertRowid))
  const raw = db.prepare("INSERT INTO raw_rows (import_id, source_id, row_number, data, outcome) VALUES (?, ?, ?, '[]', 'record')")
  const profile = db.prepare('INSERT INTO profiles (created_at, updated_at) VALUES (?, ?)')
  const record = db.prepare(`INSERT INTO records (source_id, raw_row_id, profile_id, first_name, last_name, email, phone, street, postcode, birth_date,
    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const ident = db.prepare('INSERT INTO identifiers (record_id, kind, value) VALUES (?, ?, ?)')
  const people = Math.max(1, Math.round(count / 2.6))
  db.transaction(() => {
    for (let r = 0; r < count; r++) {
      const k = firstPerson + Math.floor(rand() * people)
      const p = makePerson(rng(k + 1), k)
      const s = Math.floor(rand() * SOURCES.length)
      const rawId = raw.run(importIds[s], sourceIds[s], r + 1).lastInsertRowid
      const profileId = profile.run(now, now).lastInsertRowid
      const email = rand() < 0.7 ? p.email : null
      const phone = rand() < 0.5 ? p.phone : null
      const id = record.run(sourceIds[s], rawId, profileId, typo(p.first, rand), typo(p.last, rand), email, phone,
        rand() < 0.6 ? p.street : null, rand() < 0.6 ? p.postcode : null, rand() < 0.4 ? p.dob : null, now, now).lastInsertRowid
      if (email) ident.run(id, 'email', email)
      if (phone) ident.run(id, 'phone', phone)
    }
  })()
}

/**
 * Seconds spent in each resolve phase (from the first progress report of a phase to the next phase's), wall
 * and CPU (this process, worker threads included): on a shared machine the CPU figure is the comparable one.
 */
function phaseTimer(): { onProgress: (p: ResolveProgress) => void; summary: () => string } {
  // Per phase: name, wall ms, CPU ms and the process's peak RSS when it started (the next one's shows its own peak).
  const marks: Array<[string, number, number, number]> = []
  const cpu = (): number => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
  return {
    onProgress: (p) => {
      if (marks.at(-1)?.[0] !== p.phase) marks.push([p.phase, performance.now(), cpu(), maxRssMb()])
    },
    summary: () => {
      const end: [number, number, number] = [performance.now(), cpu(), maxRssMb()]
      return marks.map(([name, at, c], k) => {
        const next = marks[k + 1] ?? ['', ...end]
        return `${name} ${((next[1] - at) / 1000).toFixed(1)} (cpu ${((next[2] - c) / 1000).toFixed(1)}, peak ${next[3]} MB)`
      }).join(', ')
    },
  }
}

/** Collects resolve's saving steps: "pairs 3.0 (cpu 2.9), …". */
function savingSteps(): { onStep: (step: string, seconds: number, cpuSeconds: number) => void; summary: () => string } {
  const out: string[] = []
  return {
    onStep: (step, seconds, cpu) => out.push(`${step} ${seconds.toFixed(1)} (cpu ${cpu.toFixed(1)})`),
    summary: () => out.join(', '),
  }
}

/**
 * The process's peak resident set so far, MB, as the kernel counts it. A timer sampling memoryUsage() never
 * fires while scoring or saving holds the thread, so it missed the peaks (971 MB reported where this reads 2.7 GB).
 */
const maxRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)

/** A workspace holding `records` seeded records: seeded now, or copied from RESOLVE_BENCH_CACHE when there. */
function seededWorkspace(path: string, records: number): Workspace {
  const dir = process.env.RESOLVE_BENCH_CACHE
  const cached = dir ? join(dir, `seed-${records}-v${currentSchemaVersion()}.tdb`) : null
  if (cached && existsSync(cached)) {
    copyFileSync(cached, path)
    copyFileSync(keyFilePath(cached), keyFilePath(path))
    console.log(`seeded workspace copied from ${cached}`)
    return openWorkspace(path, new Passphrase(testPassphrase))
  }
  const ws = createWorkspace(path, testPassphrase, { kdf: testKdf })
  const t0 = performance.now()
  seedSynthetic(ws, records)
  console.log(`seeded ${records} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  if (cached && dir) {
    mkdirSync(dir, { recursive: true })
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    copyFileSync(path, cached)
    copyFileSync(keyFilePath(path), keyFilePath(cached))
  }
  return ws
}

/** Runs the benchmark; returns the figures (and prints them). */
export async function runResolveBench(records = 100_000, incremental = 10_000): Promise<ResolveBenchResult> {
  const tmp = tempDir('tessera-bench-')
  const ws = seededWorkspace(tmp.file('bench.tdb'), records)
  try {
    const phases = phaseTimer()
    const steps = savingSteps()
    const full = await resolve(ws, { full: true, onProgress: phases.onProgress, onSavingStep: steps.onStep })
    console.log(`phases (s): ${phases.summary()}; peak RSS so far ${maxRssMb()} MB`)
    const perSecond = full.comparisons / full.seconds
    console.log(`resolve: ${full.records} records, ${full.candidatePairs} candidate pairs, ${full.comparisons} comparisons in ${full.seconds.toFixed(1)} s`
      + ` (${Math.round(perSecond)} comparisons/s); merged ${full.merged}, queued ${full.queued}`)
    console.log(`pairs by key: ${JSON.stringify(full.pairsByKey)}`)
    console.log(`saving steps (s): ${steps.summary()}; stored pairs ${ws.sqlite.prepare('SELECT count(*) FROM match_pairs').pluck().get() as number}`)
    let inc: ResolveBenchResult['incremental'] = null
    if (incremental > 0) {
      seedSynthetic(ws, incremental, 8, 0)
      const incPhases = phaseTimer()
      const incSteps = savingSteps()
      const r = await resolve(ws, { onProgress: incPhases.onProgress, onSavingStep: incSteps.onStep })
      inc = { records: r.newRecords, seconds: r.seconds, merged: r.merged }
      console.log(`incremental: ${r.newRecords} new records in ${r.seconds.toFixed(1)} s; merged ${r.merged}, queued ${r.queued}`)
      console.log(`incremental phases (s): ${incPhases.summary()}; saving steps (s): ${incSteps.summary()}`)
    }
    const result: ResolveBenchResult = {
      records, seconds: full.seconds, candidatePairs: full.candidatePairs, comparisons: full.comparisons, comparisonsPerSecond: perSecond,
      merged: full.merged, queued: full.queued, incremental: inc, peakRssMb: maxRssMb(),
    }
    console.log(`peak RSS ${result.peakRssMb} MB`)
    return result
  } finally {
    ws.close()
    tmp.remove()
  }
}

if (require.main === module) {
  const [records, incremental] = process.argv.slice(2).map(Number)
  void runResolveBench(records || undefined, Number.isFinite(incremental) ? incremental : undefined)
}
