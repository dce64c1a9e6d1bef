/**
 * Blocking coverage against the generator's truth: per blocking key, the pairs it makes, the true pairs it
 * covers, the true pairs no other key covers, and what the union finds. "Accepted" pairs are the true pairs a
 * reference resolve scored into the review or auto band (the pairs the scorer can actually use; cached beside
 * the generated data on the first run, `--rescore` to redo them with the current engine). "Linked" counts the
 * true pairs joined through accepted edges a key set still blocks (a pair found through a third record needs
 * no edge of its own), and "lost if dropped" what removing that one key would cost.
 *
 * Usage: `npx tsx test/eval/harness/blocking-coverage.ts [people] [--rescore]` (default 20,000 people; 141,509
 * is the 300k-record bench workspace and reuses its cached import).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { blockingKeys, EXTERNAL_ID_KEY, forEachKeyPair, keyName } from '../../../electron/core/identity/blocking'
import { resolve } from '../../../electron/core/identity'
import { prepareRecords, type Prepared } from '../../../electron/core/identity/prepare'
import { tempDir } from '../../helpers/temp-workspace'
import { generatedData } from '../../bench/data'
import { benchWorkspace, RECORDS_PER_PERSON } from '../../bench/resolve-workspace'
import { readCsv } from './truth'

/** The true pairs of a run's records: index pairs (i < j) and a lookup from the encoded pair. */
export interface TruePairs {
  a: Int32Array
  b: Int32Array
  /** i·n + j → position in a/b. */
  at: Map<number, number>
}

/** All pairs of records that share a person (`person[i]` < 0: unknown, in no pair). */
export function truePairs(person: Int32Array): TruePairs {
  const n = person.length
  const groups = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    if (person[i]! < 0) continue
    const g = groups.get(person[i]!)
    if (g) g.push(i)
    else groups.set(person[i]!, [i])
  }
  const a: number[] = []
  const b: number[] = []
  for (const g of groups.values()) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        a.push(g[x]!)
        b.push(g[y]!)
      }
    }
  }
  const at = new Map<number, number>()
  for (let t = 0; t < a.length; t++) at.set(a[t]! * n + b[t]!, t)
  return { a: Int32Array.from(a), b: Int32Array.from(b), at }
}

/**
 * True pairs joined when only the flagged edges (true pairs) are used: the sum over the union-find components
 * of size·(size−1)/2.
 */
export function linkedPairs(n: number, pairs: TruePairs, use: (t: number) => boolean): number {
  const parent = new Int32Array(n).map((_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!
    return x
  }
  for (let t = 0; t < pairs.a.length; t++) {
    if (!use(t)) continue
    const x = find(pairs.a[t]!)
    const y = find(pairs.b[t]!)
    if (x !== y) parent[x] = y
  }
  const size = new Map<number, number>()
  for (let i = 0; i < n; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1)
  let out = 0
  for (const s of size.values()) out += (s * (s - 1)) / 2
  return out
}

/** Person of each prepared record, from its latest raw row (source name = the export's file name). */
export function personOf(db: SqliteDatabase, p: Prepared, truthPath: string): Int32Array {
  const truth = new Map<string, number>()
  const codes = new Map<string, number>()
  for (const [file, row, person] of readCsv(truthPath).rows) {
    let c = codes.get(person!)
    if (c === undefined) codes.set(person!, (c = codes.size))
    truth.set(`${file}:${row}`, c)
  }
  const out = new Int32Array(p.n).fill(-1)
  const rows = db.prepare(`SELECT r.id, s.name, rr.row_number FROM records r JOIN raw_rows rr ON rr.id = r.raw_row_id
    JOIN sources s ON s.id = r.source_id`).raw().iterate() as IterableIterator<[number, string, number]>
  for (const [id, source, row] of rows) {
    const i = p.indexOf.get(id)
    const person = truth.get(`${source}:${row}`)
    if (i !== undefined && person !== undefined) out[i] = person
  }
  return out
}

/** Record-id pairs of a resolve's review and auto bands. */
function acceptedPairs(db: SqliteDatabase): Array<[number, number]> {
  return db.prepare(`SELECT record_a, record_b FROM match_pairs WHERE band IN ('auto', 'review')`).raw().all() as Array<[number, number]>
}

interface KeyRow {
  name: string
  made: number
  skipped: number
  /** Candidate pairs no other key makes: what dropping the key saves. */
  exclusive: number
  covered: number
  unique: number
  accepted: number
  acceptedUnique: number
  lostIfDropped: number
}

/** Per-key coverage of the true pairs (cover[k][t] = 1 when key k makes true pair t). */
function coverage(p: Prepared, pairs: TruePairs, accepted: Uint8Array): { rows: KeyRow[]; cover: Uint8Array[]; total: number } {
  const cover: Uint8Array[] = []
  const rows: KeyRow[] = []
  // Candidate pair → the one key that made it, or -1 once a second key makes it too.
  const maker = new Map<number, number>()
  for (let kx = 0; kx <= EXTERNAL_ID_KEY; kx++) {
    const c = new Uint8Array(pairs.a.length)
    const { made, skipped } = forEachKeyPair(p, kx, {}, (i, j) => {
      const t = pairs.at.get(i * p.n + j)
      if (t !== undefined) c[t] = 1
      const m = maker.get(i * p.n + j)
      if (m === undefined) maker.set(i * p.n + j, kx)
      else if (m !== kx) maker.set(i * p.n + j, -1)
    })
    cover.push(c)
    rows.push({ name: keyName(kx), made, skipped, exclusive: 0, covered: 0, unique: 0, accepted: 0, acceptedUnique: 0, lostIfDropped: 0 })
  }
  for (const m of maker.values()) if (m >= 0) rows[m]!.exclusive++
  const total = maker.size
  for (let t = 0; t < pairs.a.length; t++) {
    let by = -1
    let count = 0
    for (let k = 0; k < cover.length; k++) {
      if (!cover[k]![t]) continue
      by = k
      count++
      rows[k]!.covered++
      if (accepted[t]) rows[k]!.accepted++
    }
    if (count === 1) {
      rows[by]!.unique++
      if (accepted[t]) rows[by]!.acceptedUnique++
    }
  }
  return { rows, cover, total }
}

const fmt = (x: number): string => x.toLocaleString('en')
const pct = (x: number, of: number): string => `${((100 * x) / Math.max(1, of)).toFixed(2)}%`

async function main(): Promise<void> {
  const people = Number(process.argv.find((a, k) => k >= 2 && /^\d+$/.test(a)) ?? 20_000)
  const rescore = process.argv.includes('--rescore')
  const holdout = people >= 100_000 ? 10_000 : 0
  const data = generatedData({ people })
  const tmp = tempDir('tessera-coverage-')
  const { ws } = await benchWorkspace(tmp.file('ws.tdb'), Math.round(people * RECORDS_PER_PERSON), holdout, (l) => console.log(l))
  try {
    const acceptedFile = join(data.dir, `blocking-accepted-hold-${holdout}.json`)
    if (rescore || !existsSync(acceptedFile)) {
      const r = await resolve(ws, { full: true })
      writeFileSync(acceptedFile, JSON.stringify(acceptedPairs(ws.sqlite)))
      console.log(`reference resolve: ${fmt(r.candidatePairs)} candidate pairs, ${fmt(r.merged)} merged, ${fmt(r.queued)} queued`)
    }
    const p = prepareRecords(ws.sqlite)
    const person = personOf(ws.sqlite, p, data.truth)
    const pairs = truePairs(person)
    const accepted = new Uint8Array(pairs.a.length)
    let acceptedFalse = 0
    for (const [x, y] of JSON.parse(readFileSync(acceptedFile, 'utf8')) as Array<[number, number]>) {
      const i = p.indexOf.get(x)
      const j = p.indexOf.get(y)
      const t = i === undefined || j === undefined ? undefined : pairs.at.get(Math.min(i, j) * p.n + Math.max(i, j))
      if (t === undefined) acceptedFalse++
      else accepted[t] = 1
    }
    report(p, pairs, accepted, acceptedFalse)
  } finally {
    ws.close()
    tmp.remove()
  }
}

function report(p: Prepared, pairs: TruePairs, accepted: Uint8Array, acceptedFalse: number): void {
  const { rows, cover, total } = coverage(p, pairs, accepted)
  const any = (t: number, skip = -1): boolean => cover.some((c, k) => k !== skip && c[t] === 1)
  const usable = (t: number, skip = -1): boolean => accepted[t] === 1 && any(t, skip)
  const linkedAll = linkedPairs(p.n, pairs, (t) => accepted[t] === 1)
  const linked = linkedPairs(p.n, pairs, (t) => usable(t))
  rows.forEach((r, k) => (r.lostIfDropped = linked - linkedPairs(p.n, pairs, (t) => usable(t, k))))
  let union = 0
  let acceptedCount = 0
  let acceptedCovered = 0
  for (let t = 0; t < pairs.a.length; t++) {
    if (any(t)) union++
    if (accepted[t]) acceptedCount++
    if (usable(t)) acceptedCovered++
  }
  console.log(`records ${fmt(p.n)}, true pairs ${fmt(pairs.a.length)}, accepted true edges ${fmt(acceptedCount)} (+${fmt(acceptedFalse)} false)`)
  console.log('key | cap | pairs | exclusive pairs | skipped blocks | true covered | unique | accepted covered | accepted unique | linked lost if dropped')
  for (const r of rows) {
    const cap = r.name === 'external_id' ? 100 : Math.min(100, blockingKeys.find((k) => k.name === r.name)?.maxBlock ?? 100)
    console.log([r.name, cap, fmt(r.made), fmt(r.exclusive), fmt(r.skipped), fmt(r.covered), fmt(r.unique), fmt(r.accepted), fmt(r.acceptedUnique), fmt(r.lostIfDropped)].join(' | '))
  }
  console.log(`candidate pairs (the union) ${fmt(total)}`)
  console.log(`union recall: true pairs ${pct(union, pairs.a.length)} (${fmt(union)}), accepted edges ${pct(acceptedCovered, acceptedCount)} (${fmt(acceptedCovered)})`)
  console.log(`linked true pairs through blocked accepted edges ${fmt(linked)} of ${fmt(linkedAll)} (${pct(linked, linkedAll)})`)
  const explain = process.argv.indexOf('--explain')
  if (explain > 0) explainUnique(p, pairs, accepted, cover, rows.findIndex((r) => r.name === process.argv[explain + 1]))
}

/** What else agrees on the accepted edges only key `k` blocks: which fields a tighter key could add. */
function explainUnique(p: Prepared, pairs: TruePairs, accepted: Uint8Array, cover: Uint8Array[], k: number): void {
  const fields: Record<string, (i: number) => string> = {
    dob: (i) => p.dob[i]!, dobYear: (i) => p.dob[i]!.slice(0, 4), city: (i) => p.city[i]!, postcode: (i) => p.postcode[i]!,
    postcode3: (i) => p.postcode[i]!.slice(0, 3), domain: (i) => p.emailDomain[i]!, local: (i) => p.emailLocal[i]!, phone7: (i) => p.phone7[i]!,
    house: (i) => p.houseNo[i]!, street: (i) => p.streetText[i]!, company: (i) => p.company[i]!.join(' '), fn: (i) => p.fn[i]!, ln: (i) => p.ln[i]!,
  }
  const agree: Record<string, number> = {}
  const missing: Record<string, number> = {}
  const key = blockingKeys[k]
  const sizes = new Map<string, number>()
  if (key) for (let i = 0; i < p.n; i++) sizes.set(key.key(p, i), (sizes.get(key.key(p, i)) ?? 0) + 1)
  const bySize = new Map<number, number>()
  let count = 0
  for (let t = 0; t < pairs.a.length; t++) {
    if (!accepted[t] || !cover[k]![t] || cover.some((c, o) => o !== k && c[t] === 1)) continue
    count++
    const size = key ? sizes.get(key.key(p, pairs.a[t]!))! : 0
    const bucket = size <= 4 ? size : 2 ** Math.ceil(Math.log2(size))
    bySize.set(bucket, (bySize.get(bucket) ?? 0) + 1)
    for (const [name, f] of Object.entries(fields)) {
      const x = f(pairs.a[t]!)
      const y = f(pairs.b[t]!)
      if (x === '' || y === '') missing[name] = (missing[name] ?? 0) + 1
      else if (x === y) agree[name] = (agree[name] ?? 0) + 1
    }
  }
  console.log(`${count} accepted edges only ${keyName(k)} blocks; per field: agree / missing on either side`)
  for (const name of Object.keys(fields)) console.log(`  ${name}: ${agree[name] ?? 0} / ${missing[name] ?? 0}`)
  console.log(`  by block size (up to): ${[...bySize].sort((x, y) => x[0] - y[0]).map(([b, c]) => `${b}: ${c}`).join(', ')}`)
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
}
