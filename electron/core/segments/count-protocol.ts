/** Messages between the main thread and the segment-count worker (count-worker.ts). */

export interface CountWorkerData {
  dbPath: string
  keyHex: string
}

export type CountRequest =
  | { kind: 'count'; id: number; sql: string; parameters: readonly unknown[] }
  | { kind: 'close' }

export type CountReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: string }
  | { kind: 'count'; id: number; n: number }
  | { kind: 'error'; id: number; error: string }
