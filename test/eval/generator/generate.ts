/**
 * The seeded multi-source generator: simulates people and writes five exports plus `truth.csv`
 * (`file,row,person_id`) in chunks, so memory stays flat at any size and a seed gives identical bytes.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BufferedFile } from './csv'
import { headerLines, sourceFiles, type SourceFile } from './headers'
import { EmailRegistry, makeHousehold, type Person } from './person'
import { Rng } from './rng'
import { IdCounters, type RowContext, type RowGroup } from './rows'
import { hubspotRow, mailchimpRow, zendeskRow } from './sources-contacts'
import { planOrders, shopifyAccountEmail, shopifyCustomerRow, shopifyOrderLines } from './sources-shop'

export interface GenerateOptions {
  /** How many people to simulate (ignored when `rows` is given). */
  people?: number
  /** Stop at the first chunk boundary at or past this many data rows in total (for benchmarks). */
  rows?: number
  seed: number
  /** Output folder; created if missing. */
  out: string
}

export interface GenerateResult {
  seed: number
  people: number
  rows: number
  bytes: number
  files: Record<SourceFile, { path: string; rows: number; bytes: number }>
  truth: string
  seconds: number
}

/** Which sources know a person, and how often a source holds a second row for the same person. */
export const footprintRates = {
  hubspot: 0.5, hubspotDuplicate: 0.05,
  shopifyAccount: 0.5, shopifyDuplicate: 0.02, meanOrders: 2.2, guestCheckout: 0.12, noOrdersYet: 0.1,
  mailchimp: 0.6, mailchimpDuplicate: 0.03,
  zendesk: 0.3, zendeskDuplicate: 0.04,
}

/** Bump whenever a change alters the output for a seed: caches (test/bench/data.ts) key on it. */
export const generatorVersion = 3

const year = 365 * 86400
const chunkPeople = 2000

type Groups = Record<SourceFile, RowGroup[]>

function shopFootprint(ctx: RowContext, p: Person, groups: Groups, account: boolean): void {
  const { rng } = ctx
  const r = footprintRates
  const accounts = account ? (rng.chance(r.shopifyDuplicate) ? 2 : 1) : 0
  if (accounts === 0) {
    // A guest checkout: orders with no account behind them.
    for (const [i, t] of planOrders(rng, 0, 1.3).times.entries()) {
      groups.shopify_orders.push({ person: p.id, lines: shopifyOrderLines(ctx, p, t, 1 + (i % 2), '').lines })
    }
    return
  }
  for (let a = 0; a < accounts; a++) {
    const created = rng.range(year, 9 * year)
    const plan = rng.chance(r.noOrdersYet) ? { times: [], lines: [] } : planOrders(rng, created, r.meanOrders)
    // The account's email is drawn first so its orders can reuse it; the line is built once the totals are known.
    const drawn = shopifyAccountEmail(ctx, p, created)
    const email = drawn === '' && !p.mobile && !p.landline ? p.email : drawn
    let cents = 0
    plan.times.forEach((t, i) => {
      const order = shopifyOrderLines(ctx, p, t, plan.lines[i] ?? 1, email)
      cents += order.cents
      groups.shopify_orders.push({ person: p.id, lines: order.lines })
    })
    groups.shopify_customers.push({ person: p.id, lines: [shopifyCustomerRow(ctx, p, email, { cents, orders: plan.times.length })] })
  }
}

/** Every row any source holds about `p`. Each person appears in at least one source. */
function footprint(ctx: RowContext, p: Person, groups: Groups): void {
  const { rng } = ctx
  const r = footprintRates
  const push = (file: SourceFile, line: string): void => void groups[file].push({ person: p.id, lines: [line] })
  let crmId: string | undefined
  let present = false
  if (rng.chance(r.hubspot)) {
    for (let k = rng.chance(r.hubspotDuplicate) ? 2 : 1; k > 0; k--) {
      const row = hubspotRow(ctx, p)
      crmId ??= row.recordId
      push('hubspot_contacts', row.line)
    }
    present = true
  }
  const account = rng.chance(r.shopifyAccount)
  if (account || rng.chance(r.guestCheckout)) {
    shopFootprint(ctx, p, groups, account)
    present = true
  }
  if (rng.chance(r.zendesk)) {
    for (let k = rng.chance(r.zendeskDuplicate) ? 2 : 1; k > 0; k--) push('zendesk_users', zendeskRow(ctx, p, crmId))
    present = true
  }
  if (!present || rng.chance(r.mailchimp)) {
    for (let k = rng.chance(r.mailchimpDuplicate) ? 2 : 1; k > 0; k--) push('mailchimp_audience', mailchimpRow(ctx, p))
  }
}

interface Writers {
  files: Record<SourceFile, BufferedFile>
  rows: Record<SourceFile, number>
  truth: BufferedFile
}

function openWriters(out: string): Writers {
  const files = {} as Record<SourceFile, BufferedFile>
  const rows = {} as Record<SourceFile, number>
  for (const f of sourceFiles) {
    files[f] = new BufferedFile(join(out, `${f}.csv.part`))
    files[f].write(`${headerLines[f]}\n`)
    rows[f] = 0
  }
  const truth = new BufferedFile(join(out, 'truth.csv.part'))
  truth.write('file,row,person_id\n')
  return { files, rows, truth }
}

/** Shuffles each file's groups (so one person's rows are not adjacent) and appends them with their truth. */
function writeChunk(rng: Rng, groups: Groups, w: Writers): number {
  let written = 0
  for (const f of sourceFiles) {
    for (const g of rng.shuffle(groups[f])) {
      for (const line of g.lines) {
        w.rows[f]++
        w.files[f].write(`${line}\n`)
        w.truth.write(`${f},${w.rows[f]},${g.person}\n`)
        written++
      }
    }
  }
  return written
}

/** Generates the data set into `opts.out`. Files are written as `.part` and renamed when complete. */
export function generate(opts: GenerateOptions): GenerateResult {
  const started = performance.now()
  const target = opts.rows === undefined ? (opts.people ?? 20_000) : Number.POSITIVE_INFINITY
  mkdirSync(opts.out, { recursive: true })
  const w = openWriters(opts.out)
  const emails = new EmailRegistry()
  const ids = new IdCounters()
  let people = 0
  let rows = 0
  for (let chunk = 0; people < target && (opts.rows === undefined || rows < opts.rows); chunk++) {
    const rng = new Rng(opts.seed, chunk + 1)
    const ctx: RowContext = { rng, ids }
    const groups = Object.fromEntries(sourceFiles.map((f) => [f, []])) as unknown as Groups
    const end = Math.min(target, people + chunkPeople)
    while (people < end) {
      for (const p of makeHousehold(rng, emails, () => `p${++people}`, end - people)) footprint(ctx, p, groups)
    }
    rows += writeChunk(rng, groups, w)
  }
  return finish(opts, w, people, rows, started)
}

function finish(opts: GenerateOptions, w: Writers, people: number, rows: number, started: number): GenerateResult {
  const files = {} as GenerateResult['files']
  let bytes = 0
  for (const f of sourceFiles) {
    w.files[f].close()
    const path = join(opts.out, `${f}.csv`)
    renameSync(`${path}.part`, path)
    files[f] = { path, rows: w.rows[f], bytes: w.files[f].bytes }
    bytes += w.files[f].bytes
  }
  w.truth.close()
  const truth = join(opts.out, 'truth.csv')
  renameSync(`${truth}.part`, truth)
  const result: GenerateResult = { seed: opts.seed, people, rows, bytes, files, truth, seconds: (performance.now() - started) / 1000 }
  const { seconds: _seconds, ...stable } = result
  writeFileSync(join(opts.out, 'manifest.json'), `${JSON.stringify(stable, null, 2)}\n`)
  return result
}
