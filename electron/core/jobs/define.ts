import type { z } from 'zod'
import type { Workspace } from '../db'

/** Where a job's log lines go (the runner forwards them to the shell's logger). */
export type JobLog = (level: 'info' | 'warn' | 'error', message: string) => void

/**
 * What a running job gets. It runs in a worker thread with its own connection to the workspace, so it
 * may do CPU-heavy work and long writes without freezing the UI.
 */
export interface JobContext {
  readonly jobId: string
  /** The worker's own connection. Write in batches, one transaction each, short enough (≲ 50 ms) that the
   *  UI's occasional writes never wait long for the lock. */
  readonly ws: Workspace
  /** Aborted when the job is cancelled (or the workspace locks). */
  readonly signal: AbortSignal
  /** Throws the cancellation (CdpError 'Cancelled') if it was asked for: call it between batches. */
  throwIfCancelled(): void
  /** Reports progress; the runner throttles what reaches the UI to ≤ 10 updates a second. */
  progress(phase: string, done: number, total: number | null): void
  log: JobLog
}

/** A kind of background job: its parameters' schema and the work itself. */
export interface JobDefinition<P extends z.ZodType = z.ZodType, R = unknown> {
  readonly kind: string
  readonly params: P
  /**
   * May the renderer start it directly with `jobs:start`? Only for kinds whose params carry no paths or
   * other things the renderer must not choose freely; the rest are started by their domain's channel
   * (e.g. `import:start` turns a file ref into a path).
   */
  readonly startFromApi?: boolean
  /** Does the work; the returned value (JSON-safe) becomes the job's result. Throw CdpError to fail. */
  run(ctx: JobContext, params: z.output<P>): Promise<R>
}

/** Declares a job kind. Register it in catalog.ts so workers and the runner both know it. */
export function defineJob<P extends z.ZodType, R>(def: JobDefinition<P, R>): JobDefinition<P, R> {
  return def
}
