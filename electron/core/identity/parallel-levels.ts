import { join } from 'node:path'
import { spawnWorker } from '../jobs/spawn-worker'
import { K } from './comparisons'
import { type LevelFields, levelFieldNames } from './compare'
import type { Prepared } from './prepare'
import { computeLevels } from './score'
import { type EncodedField, type EncodedFields, fillChunks, type ScoreJob } from './score-chunks'

/** Below this many pairs a worker costs more (start-up, copying the records) than it saves. */
export const PARALLEL_MIN_PAIRS = 300_000

/** Pairs per chunk the two threads take turns claiming: small enough to even out, large enough to be cheap. */
const CHUNK = 32_768

export interface ParallelOptions {
  minPairs?: number
  /** Leave every chunk to the worker (tests: the worker's own results). */
  workerOnly?: boolean
  /** More pairs to compute along (training's random pairs): their levels come back as `extraLevels`. */
  extra?: { a: Int32Array; b: Int32Array }
  /**
   * This thread's own work, done before it joins in (resolve writes the stored keys): the worker takes chunks
   * meanwhile, so the work costs the pairs' wall time its half, not its whole. Without a worker it runs first.
   */
  meanwhile?: () => void
}

export interface ParallelLevels {
  /** K levels per pair of (a, b). */
  levels: Uint8Array
  /** K levels per pair of `extra`, when given. */
  extraLevels?: Uint8Array
  usedWorker: boolean
}

/**
 * Comparison levels of all pairs, computed by this thread and one worker thread (2 cores) at once: both claim
 * chunks of pairs from one shared counter and write their levels into one shared buffer, so neither waits for
 * the other's start-up or share. The worker gets the record fields each distinct value once plus one code
 * per record (a city or a name is one string, not a million copies). Falls back to this thread alone for small
 * runs, when the worker cannot start, and for any chunk a failed worker left undone. Same result as
 * computeLevels; throws the signal's reason when aborted.
 */
export async function computeLevelsParallel(p: Prepared, a: Int32Array, b: Int32Array, signal?: AbortSignal,
  opts: ParallelOptions | number = {}): Promise<ParallelLevels> {
  const { minPairs = PARALLEL_MIN_PAIRS, workerOnly = false, extra, meanwhile = () => {} } = typeof opts === 'number' ? { minPairs: opts } : opts
  const n = a.length
  if (n < minPairs) {
    meanwhile()
    return { levels: computeLevels(p, a, b, signal), extraLevels: extra && computeLevels(p, extra.a, extra.b, signal), usedWorker: false }
  }
  const all = n + (extra?.a.length ?? 0)
  const job: ScoreJob = {
    a: shared(a, extra?.a), b: shared(b, extra?.b), levels: new Uint8Array(new SharedArrayBuffer(all * K)),
    next: new Int32Array(new SharedArrayBuffer(4)), done: new Uint8Array(new SharedArrayBuffer(Math.ceil(all / CHUNK))), chunk: CHUNK,
  }
  const split = (usedWorker: boolean): ParallelLevels => ({
    levels: job.levels.subarray(0, n * K), extraLevels: extra && job.levels.subarray(n * K), usedWorker,
  })
  let worker: ReturnType<typeof spawnWorker>
  try {
    worker = spawnWorker(join(__dirname, 'score-worker.ts'), 'identity-score-worker.js', { job })
  } catch {
    meanwhile()
    fillChunks(p, job, signal)
    return split(false)
  }
  const finished = new Promise<boolean>((resolveDone) => {
    worker.once('message', (m: unknown) => resolveDone(m === 'done'))
    worker.once('error', () => resolveDone(false))
    worker.once('exit', () => resolveDone(false))
  })
  const abort = (): void => void worker.terminate()
  signal?.addEventListener('abort', abort, { once: true })
  try {
    // Sent once the worker is already starting (loading its code), not with it; a field a message, so the worker
    // takes in each one (and its serialized copy is freed) while this thread serializes the next, instead of
    // all of them (240 MB at 1.3M records) waiting in the queue at once.
    for (const [name, field] of Object.entries(encodeFields(p))) worker.postMessage([name, field])
    worker.postMessage(null)
    meanwhile()
    if (!workerOnly) fillChunks(p, job, signal)
    const ok = await finished
    signal?.throwIfAborted()
    // Chunks a failed worker claimed but never finished.
    Atomics.store(job.next, 0, 0)
    fillChunks(p, job, signal)
    return split(ok)
  } finally {
    signal?.removeEventListener('abort', abort)
    void worker.terminate()
  }
}

/** `x` (then `more`) copied into shared memory, so the worker reads them without another copy. */
function shared(x: Int32Array, more?: Int32Array): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(x.byteLength + (more?.byteLength ?? 0)))
  out.set(x)
  if (more) out.set(more, x.length)
  return out
}

/** Fields nearly every record has its own value of (coding them would cost a Map entry per record for nothing). */
const MOSTLY_DISTINCT: ReadonlySet<string> = new Set(['email', 'emailLocal', 'phone', 'phone7', 'extIds'])

/**
 * The level fields as the worker receives them: typed arrays and mostly distinct fields as they are; names
 * by their existing codes; the matching email as "the email itself" (-1) or a value; the other string fields
 * and token lists as their distinct values (by value for strings, by identity for lists: prepare shares equal
 * ones) and a code per record. Structured cloning copies every string of an array separately, equal or not.
 */
export function encodeFields(p: Prepared): EncodedFields {
  const out: EncodedFields = {}
  for (const name of levelFieldNames) {
    if (name === 'nameMemo') continue
    const field: LevelFields[typeof name] = p[name]
    if (field instanceof Int32Array || MOSTLY_DISTINCT.has(name)) out[name] = field as EncodedField
    else if (name === 'fn' || name === 'ln') out[name] = byCode(p[name], name === 'fn' ? p.fnCode : p.lnCode)
    else out[name] = coded(field, name === 'emailMatch' ? p.email : undefined)
  }
  return out
}

/** Names by the codes prepare gave them (one code per distinct name). */
function byCode(values: readonly string[], codes: Int32Array): EncodedField {
  const dict: string[] = []
  for (let i = 0; i < codes.length; i++) dict[codes[i]!] = values[i]!
  for (let c = 0; c < dict.length; c++) dict[c] ??= ''
  return { dict, codes }
}

/** Distinct values and a code per record; -1 where the value equals `same`'s (then not in the dictionary). */
function coded(values: readonly unknown[], same?: readonly unknown[]): EncodedField {
  const index = new Map<unknown, number>()
  const dict: unknown[] = []
  const codes = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (same !== undefined && v === same[i]) {
      codes[i] = -1
      continue
    }
    let c = index.get(v)
    if (c === undefined) {
      c = dict.length
      index.set(v, c)
      dict.push(v)
    }
    codes[i] = c
  }
  return { dict, codes, same: same !== undefined ? 'email' : undefined }
}
