import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { JobProgress, JobView } from '../../../shared/api/channels'
import { CdpError } from '../../../shared/api/errors'
import type { EventSink } from '../../../shared/api/events'
import type { JobStatus, Workspace } from '../db'
import { jobDefinition, jobKinds } from './catalog'
import type { JobLog } from './define'
import { requestCancel, type FromWorker, type ToWorker, type WorkerInput } from './protocol'
import { finishJob, getJob, insertJob, isBusy, listJobs, markInterrupted, markRunning, now, type JobOutcome } from './repo'
import { spawnWorker } from './spawn-worker'

/** The open workspace jobs run against: the main thread's connection (for job rows) and the raw key. */
export interface JobTarget {
  ws: Workspace
  key: Buffer
}

export interface JobRunnerOptions {
  emit: EventSink
  log?: JobLog
  /** Minimum ms between progress events of one job (default 100: ≤ 10 a second). */
  progressIntervalMs?: number
  /** How long a cancelled job may take to stop by itself before its thread is terminated (default 5 s). */
  cancelGraceMs?: number
}

interface Running {
  id: string
  kind: string
  worker: Worker
  cancelFlag: SharedArrayBuffer
  killTimer?: ReturnType<typeof setTimeout>
  ended: boolean
  /** Kept here while the job runs (its worker may hold the write lock for the whole run); stored at the end. */
  progress: JobProgress | null
}

/** A job whose row could not be written yet because a running job holds the write lock. */
interface PendingRow {
  kind: string
  params: unknown
  createdAt: string
  cancelledAt?: string
}

/** How often to retry a job-row write that met the write lock of a running job. */
const retryMs = 200

/**
 * Runs persisted jobs one at a time (one writer), each in its own worker thread, so the main thread only
 * relays messages. Never throws from worker events: every ending is recorded in the job's row and
 * announced with `job:finished`.
 */
export class JobRunner {
  private target: JobTarget | undefined
  private readonly queue: string[] = []
  private current: Running | undefined
  private idleWaiters: (() => void)[] = []
  private readonly pending = new Map<string, PendingRow>()
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private readonly opts: Required<Omit<JobRunnerOptions, 'log'>> & { log: JobLog }

  constructor(options: JobRunnerOptions) {
    this.opts = { progressIntervalMs: 100, cancelGraceMs: 5000, log: () => undefined, ...options }
  }

  /** Starts serving a freshly opened workspace; jobs a previous process left behind become `interrupted`. */
  attach(target: JobTarget): number {
    if (this.target) throw new CdpError('Conflict', 'Jobs are already attached to a workspace.')
    this.target = target
    return markInterrupted(target.ws)
  }

  /** Stops serving the workspace (lock, close): queued jobs are cancelled, the running one is stopped. */
  async detach(): Promise<void> {
    const target = this.target
    if (!target) return
    for (const id of this.queue.splice(0)) this.cancelQueued(target.ws, id)
    if (this.current) this.cancel(this.current.id)
    await this.whenIdle()
    this.flushPending(target.ws)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.target = undefined
  }

  kinds(): string[] {
    return jobKinds()
  }

  /** Validates `params` against the kind's schema, stores the job as `queued`, and starts it when its turn comes. */
  enqueue(kind: string, params: unknown): string {
    const ws = this.ws()
    const parsed = jobDefinition(kind).params.safeParse(params)
    if (!parsed.success) {
      throw new CdpError('InvalidInput', `Invalid parameters for a ${kind} job: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
    }
    const id = randomUUID()
    const createdAt = now()
    try {
      insertJob(ws, id, kind, parsed.data, createdAt)
    } catch (e) {
      // A running job holds the write lock: remember the row and write it before the job starts.
      if (!isBusy(e)) throw e
      this.pending.set(id, { kind, params: parsed.data, createdAt })
    }
    this.queue.push(id)
    this.opts.emit('data:changed', { scope: 'jobs' })
    this.startNext()
    return id
  }

  /** Asks a job to stop. A queued job ends at once; a running one ends when its worker stops. */
  cancel(jobId: string): JobView {
    const ws = this.ws()
    const queued = this.queue.indexOf(jobId)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      this.cancelQueued(ws, jobId)
    } else if (this.current?.id === jobId && !this.current.ended) {
      const run = this.current
      requestCancel(run.cancelFlag)
      run.worker.postMessage({ type: 'cancel' } satisfies ToWorker)
      run.killTimer ??= setTimeout(() => void run.worker.terminate(), this.opts.cancelGraceMs)
    }
    return this.get(jobId)
  }

  /** A job as stored, with the live progress of the running one and the rows not written yet. */
  get(jobId: string): JobView {
    const ws = this.ws()
    const p = this.pending.get(jobId)
    if (p) return pendingView(jobId, p)
    return this.live(getJob(ws, jobId))
  }

  list(opts: { status?: JobStatus[]; limit: number }): JobView[] {
    const pending = [...this.pending.entries()].map(([id, p]) => pendingView(id, p)).filter((v) => !opts.status || opts.status.includes(v.status))
    return [...pending.reverse(), ...listJobs(this.ws(), opts).map((v) => this.live(v))].slice(0, opts.limit)
  }

  private live(view: JobView): JobView {
    const run = this.current
    return run && run.id === view.id && !run.ended && run.progress ? { ...view, progress: run.progress } : view
  }

  private cancelQueued(ws: Workspace, id: string): void {
    const p = this.pending.get(id)
    if (p) {
      p.cancelledAt = now()
      this.opts.emit('job:finished', { jobId: id, kind: p.kind, status: 'cancelled', error: null })
      this.opts.emit('data:changed', { scope: 'jobs' })
      return
    }
    this.end(ws, id, jobDefinitionKind(ws, id), 'cancelled', {})
  }

  /** Writes rows that met a running job's write lock. Returns false if the lock is still held elsewhere. */
  private flushPending(ws: Workspace): boolean {
    try {
      for (const [id, p] of this.pending) {
        ws.sqlite.transaction(() => {
          insertJob(ws, id, p.kind, p.params, p.createdAt)
          if (p.cancelledAt) finishJob(ws, id, 'cancelled', { finishedAt: p.cancelledAt })
        })()
        this.pending.delete(id)
      }
      return true
    } catch (e) {
      if (!isBusy(e)) throw e
      return false
    }
  }

  /** True while a job runs or waits. Idle auto-lock waits for this to become false. */
  get busy(): boolean {
    return this.current !== undefined || this.queue.length > 0
  }

  /** Resolves once nothing runs or waits. */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private ws(): Workspace {
    if (!this.target) throw new CdpError('WorkspaceLocked', 'No workspace is open: unlock it to see or run jobs.')
    return this.target.ws
  }

  private startNext(): void {
    const target = this.target
    if (this.current || !target || this.retryTimer) return
    // Another process (the CLI importing into the same file) may hold the write lock: try again shortly.
    if (!this.flushPending(target.ws) || !this.tryWrite(() => this.queue.length === 0 || markRunning(target.ws, this.queue[0]!))) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined
        this.startNext()
      }, retryMs)
      return
    }
    const id = this.queue.shift()
    if (id === undefined) {
      for (const w of this.idleWaiters.splice(0)) w()
      return
    }
    const row = target.ws.sqlite.prepare('SELECT kind, params FROM jobs WHERE id = ?').get(id) as { kind: string; params: string }
    const cancelFlag = new SharedArrayBuffer(4)
    const input: WorkerInput = {
      jobId: id,
      kind: row.kind,
      params: JSON.parse(row.params) as unknown,
      dbPath: target.ws.path,
      keyHex: target.key.toString('hex'),
      cancelFlag,
      progressIntervalMs: this.opts.progressIntervalMs,
    }
    let worker: Worker
    try {
      worker = spawnWorker(join(__dirname, 'worker.ts'), 'job-worker.js', { ...input })
    } catch (e) {
      this.end(target.ws, id, row.kind, 'failed', { error: { code: 'Internal', message: e instanceof Error ? e.message : String(e) } })
      this.startNext()
      return
    }
    const run: Running = { id, kind: row.kind, worker, cancelFlag, ended: false, progress: null }
    this.current = run
    worker.on('message', (m: FromWorker) => this.onMessage(target.ws, run, m))
    worker.on('error', (e) => this.finishRun(target.ws, run, 'failed', { error: { code: 'Internal', message: `The job crashed: ${e.message}` } }))
    worker.on('exit', () => {
      // A worker that exits without saying how it ended crashed, or was terminated after a cancel.
      const cancelled = new Int32Array(run.cancelFlag)[0] === 1
      this.finishRun(target.ws, run, cancelled ? 'cancelled' : 'failed', cancelled ? {} : { error: { code: 'Internal', message: 'The job stopped unexpectedly.' } })
      if (run.killTimer) clearTimeout(run.killTimer)
      if (this.current === run) this.current = undefined
      this.startNext()
    })
    this.opts.emit('data:changed', { scope: 'jobs' })
  }

  private onMessage(ws: Workspace, run: Running, m: FromWorker): void {
    switch (m.type) {
      case 'started':
        return
      case 'progress': {
        if (run.ended) return
        const p = { phase: m.phase, done: m.done, total: m.total }
        run.progress = p
        this.opts.emit('job:progress', { jobId: run.id, kind: run.kind, ...p })
        return
      }
      case 'log':
        this.opts.log(m.level, `[job ${run.kind} ${run.id}] ${m.message}`)
        return
      case 'done':
        return this.finishRun(ws, run, 'done', { result: m.result })
      case 'failed':
        return this.finishRun(ws, run, 'failed', { error: { code: m.code, message: m.message } })
      case 'cancelled':
        return this.finishRun(ws, run, 'cancelled', {})
    }
  }

  private finishRun(ws: Workspace, run: Running, status: 'done' | 'failed' | 'cancelled', outcome: JobOutcome): void {
    if (run.ended) return
    run.ended = true
    this.end(ws, run.id, run.kind, status, { ...outcome, progress: run.progress })
  }

  /**
   * Records the ending and announces it. Never throws: it runs in worker event handlers, where a throw
   * would take the whole app down. A write that meets the lock (the worker's connection is still closing)
   * is retried until it succeeds.
   */
  private end(ws: Workspace, id: string, kind: string, status: 'done' | 'failed' | 'cancelled', outcome: JobOutcome): void {
    const write = { ...outcome, finishedAt: outcome.finishedAt ?? now() }
    const attempt = (): void => {
      if (this.target?.ws !== ws) return
      if (!this.tryWrite(() => finishJob(ws, id, status, write))) setTimeout(attempt, retryMs)
    }
    attempt()
    this.opts.emit('job:finished', { jobId: id, kind, status, error: outcome.error ?? null })
    this.opts.emit('data:changed', { scope: 'jobs' })
  }

  /** Runs a job-row write; false when the write lock is held elsewhere. Other errors are logged, not thrown. */
  private tryWrite(fn: () => unknown): boolean {
    try {
      fn()
      return true
    } catch (e) {
      if (isBusy(e)) return false
      this.opts.log('error', `could not record a job change: ${e instanceof Error ? e.message : String(e)}`)
      return true
    }
  }
}

function jobDefinitionKind(ws: Workspace, id: string): string {
  return (ws.sqlite.prepare('SELECT kind FROM jobs WHERE id = ?').pluck().get(id) as string | undefined) ?? 'unknown'
}

function pendingView(id: string, p: PendingRow): JobView {
  return {
    id,
    kind: p.kind,
    status: p.cancelledAt ? 'cancelled' : 'queued',
    progress: null,
    result: null,
    error: null,
    createdAt: p.createdAt,
    startedAt: null,
    finishedAt: p.cancelledAt ?? null,
  }
}
