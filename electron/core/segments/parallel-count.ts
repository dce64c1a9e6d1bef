import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { sql } from 'kysely'
import type { SegmentRule } from '../../../shared/domain/segment-rule'
import type { Workspace } from '../db'
import { spawnWorker } from '../jobs/spawn-worker'
import { eventCountSplits } from '../profiles/planner-stats'
import { compileContext, compileRule, type ProfileRange } from './compile'
import type { CountReply, CountRequest, CountWorkerData } from './count-protocol'
import { ensureRule } from './evaluate'

/**
 * Live counts on two cores. A rule tests one profile at a time, so its count is the sum of its counts over
 * any split of the profile ids. The costly rules are "did X at least N times": they walk every event of
 * the type in profile order (compile.ts). For those, the main thread counts the profiles up to the id that
 * halves the type's events (planner-stats.ts measures it on refresh) while a worker with its own read
 * connection counts the rest, each walking only its half of the events. Other rules read one narrow index
 * quickly and stay on one thread. At 400k profiles and 600k events this halves the behavioural rules' CPU
 * per thread (about 93 ms on one thread, 46 + 46 on two).
 *
 * The halves are read in two read transactions: if a job commits between them, the total mixes the moments
 * on either side of that commit, which a live preview may do. Member lists and exports run on one
 * connection (segmentMembers), so what is written out is always one consistent snapshot.
 */

/** Below this span of profile ids a count is too quick for a worker round trip to pay. */
export const PARALLEL_MIN_PROFILES = 50_000

interface CompiledCount { sql: string; parameters: readonly unknown[] }

function countQuery(ws: Workspace, rule: SegmentRule, now: Date, range?: ProfileRange): { q: CompiledCount; perProfileTypes: Set<string> } {
  const ctx = compileContext(ws, now, range)
  const where = compileRule(ctx, rule)
  const q = range
    ? sql`SELECT count(*) FROM profile_facts s WHERE s.profile_id BETWEEN ${range.lo} AND ${range.hi} AND ${where}`.compile(ws.db)
    : sql`SELECT count(*) FROM profile_facts s WHERE ${where}`.compile(ws.db)
  return { q, perProfileTypes: ctx.perProfileTypes }
}

const runCount = (ws: Workspace, q: CompiledCount): number => ws.sqlite.prepare(q.sql).pluck().get(...q.parameters) as number

/** Where to split a count of a rule that walks these event types' events, or undefined to count on one thread. */
function splitPoint(ws: Workspace, types: ReadonlySet<string>, minProfiles: number): { lo: number; mid: number; hi: number } | undefined {
  if (types.size === 0) return undefined
  // Two scalar subqueries: each is one b-tree descent, where min() and max() in one SELECT scan the table.
  const ids = ws.sqlite.prepare('SELECT (SELECT min(profile_id) FROM profile_facts) AS lo, (SELECT max(profile_id) FROM profile_facts) AS hi')
    .get() as { lo: number | null; hi: number | null }
  if (ids.lo === null || ids.hi === null || ids.hi - ids.lo + 1 < minProfiles) return undefined
  const splits = eventCountSplits(ws)
  const measured = [...types].map((t) => splits[t]).find((id) => id !== undefined)
  const mid = measured !== undefined && measured >= ids.lo && measured < ids.hi ? measured : ids.lo + Math.floor((ids.hi - ids.lo) / 2)
  return { lo: ids.lo, mid, hi: ids.hi }
}

/**
 * How many active profiles match: countSegment's answer, counted on two threads when the rule walks
 * events per profile, the workspace is large and `counter` is at hand. Falls back to one thread when the
 * worker is unavailable. Throws InvalidInput for a bad rule, like countSegment.
 */
export async function countSegmentParallel(ws: Workspace, counter: SegmentCounter | undefined, rule: unknown, now = new Date(),
  minProfiles = PARALLEL_MIN_PROFILES): Promise<number> {
  const parsed = ensureRule(rule)
  const whole = countQuery(ws, parsed, now)
  const split = counter?.usable ? splitPoint(ws, whole.perProfileTypes, minProfiles) : undefined
  if (!counter || !split) return runCount(ws, whole.q)
  const lower = countQuery(ws, parsed, now, { lo: split.lo, hi: split.mid }).q
  const upper = countQuery(ws, parsed, now, { lo: split.mid + 1, hi: split.hi }).q
  // The upper half goes first: the worker counts it while this thread counts the lower half.
  const fromWorker = counter.count(upper)
  const first = runCount(ws, lower)
  return first + ((await fromWorker) ?? runCount(ws, upper))
}

/**
 * The worker side of parallel counts for one open workspace: started on first use, kept for the next
 * count (opening the encrypted file costs more than a count), stopped by close(). It never keeps the
 * process alive, and any failure of the worker only makes counts fall back to this thread.
 */
export class SegmentCounter {
  private worker: Worker | undefined
  private broken = false
  private nextId = 1
  private readonly pending = new Map<number, (n: number | null) => void>()
  private exited: Promise<void> | undefined
  private answeredCount = 0

  /** `key` is the session's key buffer: read when the worker starts, never copied here. */
  constructor(private readonly dbPath: string, private readonly key: Buffer) {}

  /** How many counts the worker has answered (for tests and diagnostics). */
  get answered(): number {
    return this.answeredCount
  }

  /** False once the worker failed or the counter was closed: counts then run on the caller's thread. */
  get usable(): boolean {
    return !this.broken
  }

  /** Counts `q` on the worker; null when the worker cannot (then the caller counts it itself). */
  count(q: CompiledCount): Promise<number | null> {
    const worker = this.start()
    if (!worker) return Promise.resolve(null)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      worker.postMessage({ kind: 'count', id, sql: q.sql, parameters: q.parameters } satisfies CountRequest)
    })
  }

  /** Stops the worker and waits until its connection is closed (a rekey must not race it). */
  async close(): Promise<void> {
    this.broken = true
    const worker = this.worker
    this.worker = undefined
    if (worker) {
      // Referenced again while it closes: an unreferenced worker's exit would not keep this process alive to
      // finish awaiting it, and whatever follows close() (closing the workspace, a CLI's last output) would be lost.
      worker.ref()
      worker.postMessage({ kind: 'close' } satisfies CountRequest)
    }
    await this.exited
  }

  private start(): Worker | undefined {
    if (this.broken) return undefined
    if (this.worker) return this.worker
    let worker: Worker
    try {
      const data: CountWorkerData = { dbPath: this.dbPath, keyHex: this.key.toString('hex') }
      worker = spawnWorker(join(__dirname, 'count-worker.ts'), 'segment-count-worker.js', { ...data })
    } catch {
      this.broken = true
      return undefined
    }
    worker.unref()
    worker.on('message', (m: CountReply) => this.onReply(m))
    this.exited = new Promise((resolve) => {
      worker.once('exit', () => {
        this.settleAll()
        if (this.worker === worker) this.worker = undefined
        this.broken = true
        resolve()
      })
    })
    worker.on('error', () => {
      this.broken = true
    })
    this.worker = worker
    return worker
  }

  private onReply(m: CountReply): void {
    if (m.kind === 'failed') {
      this.broken = true
      this.settleAll()
      return
    }
    if (m.kind === 'ready') return
    const resolve = this.pending.get(m.id)
    this.pending.delete(m.id)
    if (m.kind === 'count') this.answeredCount++
    resolve?.(m.kind === 'count' ? m.n : null)
  }

  private settleAll(): void {
    for (const resolve of this.pending.values()) resolve(null)
    this.pending.clear()
  }
}
