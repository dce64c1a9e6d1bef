import { join } from 'node:path'
import { spawnWorker } from '../jobs/spawn-worker'
import { K } from './comparisons'
import { type LevelFields, levelFieldNames } from './compare'
import type { Prepared } from './prepare'
import { computeLevels } from './score'

/** Below this many pairs a worker costs more (start-up, copying the records) than it saves. */
export const PARALLEL_MIN_PAIRS = 300_000

/**
 * Comparison levels of all pairs, with the second half computed in a worker thread while this thread does
 * the first (2 cores: one worker plus the main thread, so the records are copied once). Falls back to this
 * thread alone for small runs, or when the worker cannot start or fails. Same result as computeLevels.
 */
export async function computeLevelsParallel(p: Prepared, a: Int32Array, b: Int32Array, signal?: AbortSignal,
  minPairs = PARALLEL_MIN_PAIRS): Promise<{ levels: Uint8Array; usedWorker: boolean }> {
  if (a.length < minPairs) return { levels: computeLevels(p, a, b, signal), usedWorker: false }
  const half = Math.floor(a.length / 2)
  const fields: Partial<Record<keyof LevelFields, unknown>> = {}
  for (const name of levelFieldNames) if (name !== 'nameMemo') fields[name] = p[name]
  let worker: ReturnType<typeof spawnWorker>
  try {
    worker = spawnWorker(join(__dirname, 'score-worker.ts'), 'identity-score-worker.js',
      { fields, a: a.slice(half), b: b.slice(half) })
  } catch {
    return { levels: computeLevels(p, a, b, signal), usedWorker: false }
  }
  const second = new Promise<Uint8Array | null>((resolveLevels) => {
    worker.once('message', (m: unknown) => resolveLevels(m instanceof Uint8Array ? m : null))
    worker.once('error', () => resolveLevels(null))
    worker.once('exit', () => resolveLevels(null))
  })
  const abort = (): void => void worker.terminate()
  signal?.addEventListener('abort', abort, { once: true })
  try {
    const first = computeLevels(p, a.subarray(0, half), b.subarray(0, half), signal)
    const fromWorker = await second
    const rest = fromWorker ?? computeLevels(p, a.subarray(half), b.subarray(half), signal)
    signal?.throwIfAborted()
    const out = new Uint8Array(a.length * K)
    out.set(first)
    out.set(rest, half * K)
    return { levels: out, usedWorker: fromWorker !== null }
  } finally {
    signal?.removeEventListener('abort', abort)
    void worker.terminate()
  }
}
