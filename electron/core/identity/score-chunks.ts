import { K } from './comparisons'
import { type LevelFields, levelFieldNames, pairLevels } from './compare'
import { NumberMemo } from './number-memo'

/**
 * A record field sent to a scoring worker: its distinct values and one code per record (-1: the value of field
 * `same` of the record), or the array as is.
 */
export type EncodedField = { dict: unknown[]; codes: Int32Array; same?: keyof LevelFields } | Int32Array | readonly unknown[]
export type EncodedFields = Partial<Record<keyof LevelFields, EncodedField>>

/**
 * The shared state of one parallel scoring (parallel-levels.ts): the pairs, the levels buffer both threads
 * write (K bytes per pair), the counter of the next chunk to claim and a flag per finished chunk. The record
 * fields follow as the worker's first message.
 */
export interface ScoreJob {
  a: Int32Array
  b: Int32Array
  levels: Uint8Array
  next: Int32Array
  done: Uint8Array
  chunk: number
}

/**
 * Claims chunks from `job.next` until none are left and computes the levels of each one not done yet, flagging
 * it done. Runs on either thread; checks `signal` between chunks.
 */
export function fillChunks(p: LevelFields, job: ScoreJob, signal?: AbortSignal): number {
  const chunks = job.done.length
  let filled = 0
  for (;;) {
    signal?.throwIfAborted()
    const c = Atomics.add(job.next, 0, 1)
    if (c >= chunks) return filled
    if (Atomics.load(job.done, c) === 1) continue
    const end = Math.min(job.a.length, (c + 1) * job.chunk)
    for (let t = c * job.chunk; t < end; t++) pairLevels(p, job.a[t]!, job.b[t]!, job.levels, t * K)
    Atomics.store(job.done, c, 1)
    filled++
  }
}

/** The level fields back from their encoded form; equal values come back as one shared string or list. */
export function decodeFields(fields: EncodedFields): LevelFields {
  const out: Record<string, unknown> = { nameMemo: new NumberMemo() }
  // Plain fields first: a coded field may point into one (the matching email into the email).
  for (const name of levelFieldNames) {
    const f = fields[name]
    if (f !== undefined && (f instanceof Int32Array || Array.isArray(f))) out[name] = f
  }
  for (const name of levelFieldNames) {
    const f = fields[name]
    if (f === undefined || f instanceof Int32Array || Array.isArray(f)) continue
    const { dict, codes, same } = f as { dict: unknown[]; codes: Int32Array; same?: string }
    const other = same !== undefined ? (out[same] as unknown[]) : []
    const values = new Array<unknown>(codes.length)
    for (let i = 0; i < codes.length; i++) values[i] = codes[i]! < 0 ? other[i] : dict[codes[i]!]
    out[name] = values
  }
  return out as unknown as LevelFields
}
