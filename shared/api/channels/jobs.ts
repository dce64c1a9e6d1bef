import { z } from 'zod'
import { fileRef, isoTime, noInput } from './common'

export const jobStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'])
export type JobStatusValue = z.infer<typeof jobStatus>

export const jobProgress = z.strictObject({
  phase: z.string(),
  done: z.number().nonnegative(),
  /** null while the total is unknown (e.g. counting rows of a file still being read). */
  total: z.number().nonnegative().nullable(),
})
export type JobProgress = z.infer<typeof jobProgress>

export const jobView = z.strictObject({
  id: z.string(),
  kind: z.string(),
  status: jobStatus,
  progress: jobProgress.nullable(),
  /** The job's JSON result when done (shape depends on the kind). */
  result: z.unknown().nullable(),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  createdAt: isoTime,
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
})
export type JobView = z.infer<typeof jobView>

/** Background jobs (import, resolve, trait refresh, export, backup): list, inspect, start, cancel. */
export const jobChannels = {
  'jobs:list': {
    input: z.strictObject({ status: z.array(jobStatus).optional(), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(jobView),
  },
  'jobs:get': { input: z.strictObject({ jobId: z.string().min(1) }), output: jobView },
  /**
   * Starts a job of a registered kind; `params` are validated by that kind's own schema. Domains also
   * offer typed channels (e.g. `import:start`) that end up here.
   */
  'jobs:start': {
    input: z.strictObject({ kind: z.string().min(1), params: z.unknown() }),
    output: z.strictObject({ jobId: z.string() }),
  },
  'jobs:cancel': { input: z.strictObject({ jobId: z.string().min(1) }), output: jobView },
  'jobs:kinds': { input: noInput, output: z.array(z.string()) },
  /**
   * Typed starters for the other engines' background jobs (progress via `job:progress`, the result in
   * `jobs:get` once `job:finished` says done). Identity resolution, then a refresh of the profiles its
   * merges touched; cancellable until it starts saving (it writes nothing before).
   */
  'identity:resolve-start': {
    input: z.strictObject({ full: z.boolean().default(false) }),
    output: z.strictObject({ jobId: z.string() }),
  },
  /** Rebuilds golden records, traits and search rows of the profiles changed since the last refresh (or all). */
  'profiles:refresh-start': {
    input: z.strictObject({ all: z.boolean().default(false) }),
    output: z.strictObject({ jobId: z.string() }),
  },
  /** Backs the open workspace up to the encrypted file the analyst chose (save dialog, or a typed path). */
  'workspace:backup-start': {
    input: z.strictObject({ file: fileRef }),
    output: z.strictObject({ jobId: z.string() }),
  },
} as const
