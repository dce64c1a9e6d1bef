import { parentPort, workerData } from 'node:worker_threads'
import { CdpError, isCdpError } from '../../../shared/api/errors'
import { openWorkspace, RawKey, type Workspace } from '../db'
import { jobDefinition } from './catalog'
import type { JobContext } from './define'
import { cancelRequested, type FromWorker, type ToWorker, type WorkerInput } from './protocol'
import { Throttle } from './throttle'

// The job worker: opens its own connection with the key it was handed, runs one job, reports, exits.
// Built as its own entry (out/main/job-worker.js) for the app; run from sources through tsx otherwise.

function post(msg: FromWorker): void {
  parentPort?.postMessage(msg)
}

function isAbort(e: unknown, signal: AbortSignal): boolean {
  return (isCdpError(e) && e.code === 'Cancelled') || (signal.aborted && e === signal.reason)
}

async function runJob(input: WorkerInput): Promise<void> {
  const controller = new AbortController()
  const cancel = (): void => {
    if (!controller.signal.aborted) controller.abort(new CdpError('Cancelled', 'The job was cancelled.'))
  }
  parentPort?.on('message', (m: ToWorker) => {
    if (m.type === 'cancel') cancel()
  })
  const throttle = new Throttle<{ phase: string; done: number; total: number | null }>(input.progressIntervalMs, (p) =>
    post({ type: 'progress', ...p }),
  )
  let lastPhase: string | undefined
  let ws: Workspace | undefined
  const key = Buffer.from(input.keyHex, 'hex')
  try {
    const def = jobDefinition(input.kind)
    const params = def.params.parse(input.params)
    ws = openWorkspace(input.dbPath, new RawKey(key))
    const ctx: JobContext = {
      jobId: input.jobId,
      ws,
      signal: controller.signal,
      throwIfCancelled() {
        if (cancelRequested(input.cancelFlag)) cancel()
        controller.signal.throwIfAborted()
      },
      progress(phase, done, total) {
        if (cancelRequested(input.cancelFlag)) cancel()
        // A new phase goes out at once (after the last word on the previous one), so phases never merge.
        if (phase !== lastPhase) throttle.flush()
        lastPhase = phase
        throttle.push({ phase, done, total })
      },
      log: (level, message) => post({ type: 'log', level, message }),
    }
    post({ type: 'started' })
    const result = await def.run(ctx, params)
    throttle.flush()
    post({ type: 'done', result: result ?? null })
  } catch (e) {
    throttle.flush()
    if (isAbort(e, controller.signal)) post({ type: 'cancelled' })
    else if (isCdpError(e)) post({ type: 'failed', code: e.code, message: e.message })
    else post({ type: 'failed', code: 'Internal', message: `Unexpected error in the job: ${e instanceof Error ? e.message : String(e)}` })
  } finally {
    ws?.close()
    key.fill(0)
  }
}

void runJob(workerData as WorkerInput).then(() => {
  parentPort?.close()
})
