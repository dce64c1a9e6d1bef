/** Messages between the runner (main thread) and a job worker. Internal: both ends are ours. */

export interface WorkerInput {
  jobId: string
  kind: string
  params: unknown
  dbPath: string
  /** The raw workspace key, hex. Lives only in this worker's memory, like the main thread's. */
  keyHex: string
  /** Int32Array[1] over a SharedArrayBuffer: 1 = cancel. Seen even while the worker never yields. */
  cancelFlag: SharedArrayBuffer
  /** Minimum milliseconds between progress messages. */
  progressIntervalMs: number
}

export type ToWorker = { type: 'cancel' }

export type FromWorker =
  | { type: 'started' }
  | { type: 'progress'; phase: string; done: number; total: number | null }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; code: string; message: string }
  | { type: 'cancelled' }

/** Only asks the worker to stop; the flag is what it checks. */
export function requestCancel(flag: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(flag), 0, 1)
}

export function cancelRequested(flag: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(flag), 0) === 1
}
