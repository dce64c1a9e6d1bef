import { z } from 'zod'
import { isoTime, noInput } from './common'

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
} as const
