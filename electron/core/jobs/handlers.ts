import type { FileRef, jobChannels } from '../../../shared/api/channels'
import type { HandlerMap } from '../../../shared/api/contract'
import { CdpError } from '../../../shared/api/errors'
import { jobDefinition } from './catalog'
import type { JobRunner } from './runner'

/** `jobs:*`: list, inspect, start and cancel background jobs of the open workspace. */
export function jobHandlers(jobs: JobRunner): HandlerMap<keyof typeof jobChannels> {
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
  }
}

/** `import:start`: the analyst's chosen file (a ref) becomes an `import` job. */
export function importJobHandlers(jobs: JobRunner, files: { path(file: FileRef): string }): HandlerMap<'import:start'> {
  return {
    'import:start': async ({ file, ...opts }) => ({ jobId: jobs.enqueue('import', { path: files.path(file), ...opts }) }),
  }
}
