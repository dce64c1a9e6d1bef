import type { JobView } from '../../../shared/api/channels'
import { CdpError } from '../../../shared/api/errors'
import type { Job, JobStatus, Workspace } from '../db'

/** Job rows in the workspace's `jobs` table. Every function is one statement: no caller transaction needed. */

const now = (): string => new Date().toISOString()

export function insertJob(ws: Workspace, id: string, kind: string, params: unknown): void {
  ws.sqlite
    .prepare("INSERT INTO jobs (id, kind, params, status, created_at) VALUES (?, ?, ?, 'queued', ?)")
    .run(id, kind, JSON.stringify(params ?? null), now())
}

export function markRunning(ws: Workspace, id: string): void {
  ws.sqlite.prepare("UPDATE jobs SET status = 'running', started_at = ? WHERE id = ?").run(now(), id)
}

export function saveProgress(ws: Workspace, id: string, progress: { phase: string; done: number; total: number | null }): void {
  ws.sqlite.prepare('UPDATE jobs SET progress = ? WHERE id = ?').run(JSON.stringify(progress), id)
}

/** Records how a job ended. Only a job that has not ended already can end (a late message changes nothing). */
export function finishJob(
  ws: Workspace,
  id: string,
  status: Extract<JobStatus, 'done' | 'failed' | 'cancelled'>,
  outcome: { result?: unknown; error?: { code: string; message: string } } = {},
): void {
  ws.sqlite
    .prepare("UPDATE jobs SET status = ?, result = ?, error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')")
    .run(status, outcome.result === undefined ? null : JSON.stringify(outcome.result), outcome.error ? JSON.stringify(outcome.error) : null, now(), id)
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
