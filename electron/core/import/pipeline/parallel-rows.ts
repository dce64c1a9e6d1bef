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
  stop(): Promise<void>
}

/**
 * Starts the parse worker for `input`, or returns null when no worker can be started here (the caller then
 * transforms on its own thread: slower, same result). The worker re-reads the file from the start.
 */
export function parallelRows(input: ParseWorkerInput): ParallelRows | null {
  let worker: Worker
  try {
    worker = spawnWorker(join(__dirname, 'parse-worker.ts'), 'import-parse-worker.js', { ...input })
  } catch {
    return null
  }
  const queue: ParseWorkerMessage[] = []
  let wake: (() => void) | null = null
  let failure: Error | null = null
  let bytes = 0
  let info: ReaderInfo | undefined
  const push = (m: ParseWorkerMessage): void => {
    queue.push(m)
    wake?.()
    wake = null
  }
  worker.on('message', push)
  worker.on('error', (e) => { failure = e; push({ type: 'error', code: 'Internal', message: e.message }) })
  worker.on('exit', (code) => { if (code !== 0 && !info) push({ type: 'error', code: 'Internal', message: `parse worker exited (${code})` }) })
  async function* rows(): AsyncGenerator<PackedRow> {
    let acked = 0
    for (;;) {
      while (!queue.length) await new Promise<void>((resolve) => { wake = resolve })
      const m = queue.shift()!
      if (m.type === 'error') throw failure ?? new CdpError(m.code, m.message)
      if (m.type === 'done') {
        info = m.info
        return
      }
      bytes = m.bytes
      worker.postMessage({ ack: ++acked })
      yield* m.rows
    }
  }
  return { rows: rows(), bytes: () => bytes, info: () => info, stop: async () => { await worker.terminate() } }
}
