import { exportChannels } from '../../../../shared/api/channels/exports'
import type { InArg } from '../../../../shared/api/contract'
import { ApiError, type ApiClient } from '../../app/api'

/** What an export job leaves in its result: the exports:run output without `downloadable`. */
const jobResult = exportChannels['exports:run'].output.omit({ downloadable: true })
export type ExportJobResult = ReturnType<typeof jobResult.parse>

/**
 * Runs an export as a background job (the engine writes the file off the main thread; the jobs panel shows
 * its progress) and resolves with the logged result once `job:finished` says it is done. Subscribes before
 * it checks the job, so a job that finishes in between is never missed. Rejects with the job's error.
 */
export async function runExportJob(api: ApiClient, input: InArg<'exports:start'>): Promise<ExportJobResult> {
  const { jobId } = await api.invoke('exports:start', input)
  await new Promise<void>((resolve, reject) => {
    let off = (): void => undefined
    const settle = (status: string, error: { code: string; message: string } | null): void => {
      if (status === 'queued' || status === 'running') return
      off()
      if (status === 'done') resolve()
      else reject(new ApiError(status === 'cancelled' ? 'Cancelled' : 'Internal', error?.message ?? `The export job ended ${status}.`))
    }
    off = api.on('job:finished', (e) => {
      if (e.jobId === jobId) settle(e.status, e.error)
    })
    api.invoke('jobs:get', { jobId }).then((j) => settle(j.status, j.error), (e: unknown) => {
      off()
      reject(e instanceof Error ? e : new ApiError('Internal', String(e)))
    })
  })
  const job = await api.invoke('jobs:get', { jobId })
  const parsed = jobResult.safeParse(job.result)
  if (!parsed.success) throw new ApiError('Internal', 'The export finished but its result could not be read; see Exports history.')
  return parsed.data
}
