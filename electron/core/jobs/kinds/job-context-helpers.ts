import { basename, dirname, sep } from 'node:path'
import { CdpError, isCdpError } from '../../../../shared/api/errors'
import type { JobContext } from '../define'

/**
 * A signal for engines that work in long synchronous loops (identity blocking and scoring). The worker's
 * own `ctx.signal` only flips when its event loop runs, which a synchronous loop never lets happen; this
 * one also reads the cross-thread cancel flag (through `ctx.throwIfCancelled`) whenever the engine looks
 * at `aborted` or calls `throwIfAborted`, so a cancel is seen at the engine's next check.
 */
export function liveSignal(ctx: Pick<JobContext, 'signal' | 'throwIfCancelled'>): AbortSignal {
  const live = new AbortController()
  const forward = (): void => live.abort(ctx.signal.reason)
  if (ctx.signal.aborted) forward()
  else ctx.signal.addEventListener('abort', forward, { once: true })
  const nativeAborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get
  const isAborted = (): boolean => (nativeAborted ? Boolean(nativeAborted.call(live.signal)) : false)
  const poll = (): void => {
    if (isAborted()) return
    try {
      ctx.throwIfCancelled()
    } catch {
      // ctx.signal is aborted now, and `forward` (dispatched synchronously) aborted `live` with its reason.
    }
  }
  // Own properties shadow the prototype's accessors on this one signal; listeners and `reason` stay native.
  Object.defineProperty(live.signal, 'aborted', {
    get(): boolean {
      poll()
      return isAborted()
    },
  })
  Object.defineProperty(live.signal, 'throwIfAborted', {
    value(): void {
      poll()
      if (isAborted()) throw live.signal.reason
    },
  })
  return live.signal
}

const finalStatuses = new Set(['done', 'failed', 'cancelled', 'interrupted'])

/**
 * Waits until job `jobId` (the one this job follows, e.g. an import before its resolve) has ended, and
 * goes on only if it succeeded. The runner runs one job at a time, so it has ended already; its row is
 * written by the main thread, which may retry a moment when another process holds the write lock: poll
 * briefly. Throws CdpError('Cancelled') when it did not succeed, so this job ends as cancelled, not run.
 */
export async function requireSucceeded(ctx: JobContext, jobId: string, waitMs = 10_000): Promise<void> {
  const status = ctx.ws.sqlite.prepare('SELECT status FROM jobs WHERE id = ?').pluck()
  const deadline = performance.now() + waitMs
  for (;;) {
    const s = status.get(jobId) as string | undefined
    if (s === undefined) throw new CdpError('NotFound', `There is no job ${jobId} to follow.`)
    if (s === 'done') return
    if (finalStatuses.has(s) || performance.now() > deadline) {
      ctx.log('info', `skipped: job ${jobId} it follows ended ${s}`)
      throw new CdpError('Cancelled', `Skipped: the job it follows ended ${s}.`)
    }
    ctx.throwIfCancelled()
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * Runs `fn`, naming files in `path`'s folder by their base names in any CdpError it throws: job errors
 * reach the renderer (`job:finished`, `jobs:get`), which never receives absolute paths, while the engines
 * name full paths (the output, its temp files) for the CLI's sake.
 */
export async function hidingPath<T>(path: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    const folder = dirname(path)
    if (!isCdpError(e) || !e.message.includes(folder)) throw e
    throw new CdpError(e.code, e.message.split(`${folder}${sep}`).join('').split(folder).join(basename(folder)))
  }
}
