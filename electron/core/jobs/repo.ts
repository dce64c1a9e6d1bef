import type { JobProgress, JobView } from '../../../shared/api/channels'
import { CdpError } from '../../../shared/api/errors'
import type { Job, JobStatus, Workspace } from '../db'

/** Job rows in the workspace's `jobs` table. Every function is one statement: no caller transaction needed. */

export const now = (): string => new Date().toISOString()

/**
 * True for SQLite's "database is locked": another connection (a job's worker, mid-transaction) holds the
 * write lock. The main connection waits only briefly (Session sets a short busy timeout) so the UI thread
 * never stalls behind a long import.
 */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (e instanceof Error && /database is locked/i.test(e.message))
}

export function insertJob(ws: Workspace, id: string, kind: string, params: unknown, createdAt: string = now()): void {
  ws.sqlite
    .prepare("INSERT INTO jobs (id, kind, params, status, created_at) VALUES (?, ?, ?, 'queued', ?)")
    .run(id, kind, JSON.stringify(params ?? null), createdAt)
}

export function markRunning(ws: Workspace, id: string): void {
  ws.sqlite.prepare("UPDATE jobs SET status = 'running', started_at = ? WHERE id = ?").run(now(), id)
}

/** Records how a job ended. Only a job that has not ended already can end (a late message changes nothing). */
export function finishJob(
  ws: Workspace,
  id: string,
  status: Extract<JobStatus, 'done' | 'failed' | 'cancelled'>,
  outcome: JobOutcome = {},
): void {
  ws.sqlite
    .prepare(
      "UPDATE jobs SET status = ?, result = ?, error = ?, progress = coalesce(?, progress), finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
    )
    .run(
      status,
      outcome.result === undefined ? null : JSON.stringify(outcome.result),
      outcome.error ? JSON.stringify(outcome.error) : null,
      outcome.progress ? JSON.stringify(outcome.progress) : null,
      outcome.finishedAt ?? now(),
      id,
    )
}

/** How a job ended; progress is kept in memory while it runs and stored here, once. */
export interface JobOutcome {
  result?: unknown
  error?: { code: string; message: string }
  progress?: JobProgress | null
  finishedAt?: string
}

/**
 * After a crash or a forced quit, jobs the last process left `running` (or still `queued`) can never
 * finish: mark them `interrupted` so the UI can say so and offer to run them again. Returns how many.
 */
export function markInterrupted(ws: Workspace): number {
  const error = JSON.stringify({ code: 'Cancelled', message: 'Tessera closed before this job finished; run it again.' })
  return ws.sqlite
    .prepare("UPDATE jobs SET status = 'interrupted', error = ?, finished_at = ? WHERE status IN ('running', 'queued')")
    .run(error, now()).changes
}

export function getJob(ws: Workspace, id: string): JobView {
  const row = ws.sqlite.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Job | undefined
  if (!row) throw new CdpError('NotFound', `There is no job ${id}.`)
  return toView(row)
}

export function listJobs(ws: Workspace, opts: { status?: JobStatus[]; limit: number }): JobView[] {
  const where = opts.status?.length ? `WHERE status IN (${opts.status.map(() => '?').join(', ')})` : ''
  const rows = ws.sqlite
    .prepare(`SELECT * FROM jobs ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
    .all(...(opts.status ?? []), opts.limit) as Job[]
  return rows.map(toView)
}

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown)
}

function toView(row: Job): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: parse(row.progress) as JobView['progress'],
    result: parse(row.result),
    error: parse(row.error) as JobView['error'],
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}
