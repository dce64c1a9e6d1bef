import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { CdpError, type ErrorCode } from '../../../../shared/api/errors'
import { spawnWorker } from '../../jobs/spawn-worker'
import type { Mapping, ReaderInfo } from '../types'
import type { DateOrder } from './row-plan'
import type { PackedRow } from './packed-row'

export interface ParseWorkerInput {
  path: string
  sheet?: string
  mapping: Mapping
  defaultCountry: string
  dateOrders: Record<string, DateOrder>
  /** rows per message */
  batch: number
  /** batches in flight before the worker waits for the writer */
  window: number
}

/** Writer → worker: start a file, or acknowledge a batch of the current one. */
export type ParseWorkerRequest = { type: 'job'; input: ParseWorkerInput } | { type: 'ack'; ack: number }

export type ParseWorkerMessage =
  | { type: 'batch'; rows: PackedRow[]; bytes: number }
  | { type: 'done'; info: ReaderInfo }
  | { type: 'error'; code: ErrorCode; message: string }

/** A stream of transformed, packed rows computed in a worker thread; `bytes()` is how far the worker has read. */
export interface ParallelRows {
  rows: AsyncIterable<PackedRow>
  bytes(): number
  /** The reader's final info (encoding is only final at the end), once the stream is done. */
  info(): ReaderInfo | undefined
  /** Ends the stream early or after it finished; a worker that finished its file is kept for the next one. */
  stop(): Promise<void>
}

/**
 * One started, idle parse worker kept per thread. Starting a worker costs about a second of CPU when the
 * engine runs from TypeScript sources (every module is compiled again in the new thread) and a tenth of that
 * bundled: a CLI or bench run importing several files, and an analyst importing one export after another,
 * pay it once. Idle, it is unref'd, so it never keeps the process alive.
 */
let idle: Worker | null = null

function takeWorker(): Worker | null {
  const w = idle
  idle = null
  if (w) {
    w.ref()
    return w
  }
  try {
    const started = spawnWorker(join(__dirname, 'parse-worker.ts'), 'import-parse-worker.js', {})
    // A worker that dies while idle is simply forgotten; one that dies at work is reported by parallelRows.
    started.on('exit', () => { if (idle === started) idle = null })
    return started
  } catch {
    return null
  }
}

function releaseWorker(w: Worker): void {
  w.removeAllListeners('message')
  w.removeAllListeners('error')
  if (idle) {
    void w.terminate()
    return
  }
  w.unref()
  idle = w
}

/** Starts a parse worker ahead of need (it loads while the file is hashed and sampled). No-op when one is idle. */
export function prewarmParseWorker(): void {
  if (idle) return
  const w = takeWorker()
  if (w) releaseWorker(w)
}

/** True when a started parse worker is waiting: using it for a small file costs nothing extra. */
export function parseWorkerReady(): boolean {
  return idle !== null
}

/**
 * Runs `input` on a parse worker, or returns null when no worker can be started here (the caller then
 * transforms on its own thread: slower, same result). The worker re-reads the file from the start.
 */
export function parallelRows(input: ParseWorkerInput): ParallelRows | null {
  const worker = takeWorker()
  if (!worker) return null
  const queue: ParseWorkerMessage[] = []
  let wake: (() => void) | null = null
  let failure: Error | null = null
  let bytes = 0
  let info: ReaderInfo | undefined
  let finished = false
  const push = (m: ParseWorkerMessage): void => {
    queue.push(m)
    wake?.()
    wake = null
  }
  const onExit = (code: number): void => { if (!finished) push({ type: 'error', code: 'Internal', message: `parse worker exited (${code})` }) }
  worker.on('message', push)
  worker.on('error', (e) => { failure = e; push({ type: 'error', code: 'Internal', message: e.message }) })
  worker.on('exit', onExit)
  const post = (m: ParseWorkerRequest): void => worker.postMessage(m)
  post({ type: 'job', input })
  async function* rows(): AsyncGenerator<PackedRow> {
    let acked = 0
    for (;;) {
      while (!queue.length) await new Promise<void>((resolve) => { wake = resolve })
      const m = queue.shift()!
      if (m.type === 'error') throw failure ?? new CdpError(m.code, m.message)
      if (m.type === 'done') {
        info = m.info
        finished = true
        return
      }
      bytes = m.bytes
      post({ type: 'ack', ack: ++acked })
      yield* m.rows
    }
  }
  return {
    rows: rows(), bytes: () => bytes, info: () => info,
    stop: async () => {
      worker.off('exit', onExit)
      // Only a worker that reached the end of its file is clean; one stopped mid-file is still reading.
      if (finished) releaseWorker(worker)
      else await worker.terminate()
    },
  }
}
