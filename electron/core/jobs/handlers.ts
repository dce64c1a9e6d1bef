import type { FileRef, jobChannels } from '../../../shared/api/channels'
import type { HandlerMap } from '../../../shared/api/contract'
import { CdpError } from '../../../shared/api/errors'
import { jobDefinition } from './catalog'
import type { JobRunner } from './runner'

/** Turns the analyst's file refs back into paths; only the main process holds them. */
export interface FilePaths {
  path(file: FileRef): string
}

/**
 * `jobs:*`: list, inspect, start and cancel background jobs of the open workspace; and the typed starters
 * `identity:resolve-start`, `profiles:refresh-start` and `workspace:backup-start` (the backup's file ref
 * becomes a path here, so no path ever comes from the renderer).
 */
export function jobHandlers(jobs: JobRunner, files: FilePaths): HandlerMap<keyof typeof jobChannels> {
  return {
    'jobs:list': async ({ status, limit }) => jobs.list({ ...(status ? { status } : {}), limit }),
    'jobs:get': async ({ jobId }) => jobs.get(jobId),
    'jobs:start': async ({ kind, params }) => {
      if (!jobDefinition(kind).startFromApi) {
        throw new CdpError('InvalidInput', `A ${kind} job is started through its own screen (its channel), not with jobs:start.`)
      }
      return { jobId: jobs.enqueue(kind, params) }
    },
    'jobs:cancel': async ({ jobId }) => jobs.cancel(jobId),
    'jobs:kinds': async () => jobs.kinds(),
    'identity:resolve-start': async ({ full }) => ({ jobId: jobs.enqueue('resolve', { full }) }),
    'profiles:refresh-start': async ({ all }) => ({ jobId: jobs.enqueue('refresh-profiles', { all }) }),
    'workspace:backup-start': async ({ file }) => ({ jobId: jobs.enqueue('backup', { out: files.path(file) }) }),
  }
}

/**
 * `import:start`: the analyst's chosen file (a ref) becomes an `import` job. With `followUp`, a `resolve`
 * (which refreshes the profiles it touched) or a `refresh-profiles` job is queued right behind it and runs
 * only if the import succeeds, so derived data is rebuilt in a worker, not on the next screen's read.
 */
export function importJobHandlers(jobs: JobRunner, files: FilePaths): HandlerMap<'import:start'> {
  return {
    'import:start': async ({ file, followUp, ...opts }) => {
      const jobId = jobs.enqueue('import', { path: files.path(file), ...opts })
      if (followUp === undefined) return { jobId }
      const followUpJobId = jobs.enqueue(followUp === 'resolve' ? 'resolve' : 'refresh-profiles', { after: jobId })
      return { jobId, followUpJobId }
    },
  }
}
