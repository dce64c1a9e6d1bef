import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { JobView } from '../../../shared/api/channels'
import { CdpError } from '../../../shared/api/errors'
import type { EventSink } from '../../../shared/api/events'
import type { JobStatus, Workspace } from '../db'
import { jobDefinition, jobKinds } from './catalog'
import type { JobLog } from './define'
import { requestCancel, type FromWorker, type ToWorker, type WorkerInput } from './protocol'
import { finishJob, getJob, insertJob, listJobs, markInterrupted, markRunning, saveProgress } from './repo'
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
}

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
    for (const id of this.queue.splice(0)) this.end(target.ws, id, jobDefinitionKind(target.ws, id), 'cancelled', {})
    if (this.current) this.cancel(this.current.id)
    await this.whenIdle()
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
    insertJob(ws, id, kind, parsed.data)
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
      this.end(ws, jobId, jobDefinitionKind(ws, jobId), 'cancelled', {})
    } else if (this.current?.id === jobId && !this.current.ended) {
      const run = this.current
      requestCancel(run.cancelFlag)
      run.worker.postMessage({ type: 'cancel' } satisfies ToWorker)
      run.killTimer ??= setTimeout(() => void run.worker.terminate(), this.opts.cancelGraceMs)
    }
    return getJob(ws, jobId)
  }

  get(jobId: string): JobView {
    return getJob(this.ws(), jobId)
  }

  list(opts: { status?: JobStatus[]; limit: number }): JobView[] {
    return listJobs(this.ws(), opts)
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
    if (this.current || !target) return
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
    markRunning(target.ws, id)
    let worker: Worker
    try {
      worker = spawnWorker(join(__dirname, 'worker.ts'), 'job-worker.js', { ...input })
    } catch (e) {
      this.end(target.ws, id, row.kind, 'failed', { error: { code: 'Internal', message: e instanceof Error ? e.message : String(e) } })
      this.startNext()
      return
    }
    const run: Running = { id, kind: row.kind, worker, cancelFlag, ended: false }
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
        saveProgress(ws, run.id, p)
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

  private finishRun(ws: Workspace, run: Running, status: 'done' | 'failed' | 'cancelled', outcome: { result?: unknown; error?: { code: string; message: string } }): void {
    if (run.ended) return
    run.ended = true
    this.end(ws, run.id, run.kind, status, outcome)
  }

  private end(ws: Workspace, id: string, kind: string, status: 'done' | 'failed' | 'cancelled', outcome: { result?: unknown; error?: { code: string; message: string } }): void {
    finishJob(ws, id, status, outcome)
    this.opts.emit('job:finished', { jobId: id, kind, status, error: outcome.error ?? null })
    this.opts.emit('data:changed', { scope: 'jobs' })
  }
}

function jobDefinitionKind(ws: Workspace, id: string): string {
  return (ws.sqlite.prepare('SELECT kind FROM jobs WHERE id = ?').pluck().get(id) as string | undefined) ?? 'unknown'
}
