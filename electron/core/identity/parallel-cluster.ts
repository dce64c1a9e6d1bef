import { join } from 'node:path'
import { spawnWorker } from '../jobs/spawn-worker'
import { type ClusterInput, type ClusterResult, clusterPairs } from './cluster'
import { decodeClusterResult, encodeClusterInput, type EncodedClusterResult } from './cluster-transfer'

/** Below this many candidate pairs a worker costs more (start-up, copying the input) than it saves. */
export const CLUSTER_WORKER_MIN_PAIRS = 300_000

/**
 * clusterPairs on a worker thread while this thread does `meanwhile` (resolve stores the scored pairs, which
 * need only the bands): at 1.3M records the clustering's 2.8 s cost the run nothing, the worker finishing
 * first. Small runs, or a worker that cannot start or fails, cluster on this thread after `meanwhile`; the
 * result is clusterPairs' either way.
 */
export async function clusterAside(input: ClusterInput, meanwhile: () => void, minPairs = CLUSTER_WORKER_MIN_PAIRS):
  Promise<{ result: ClusterResult; usedWorker: boolean }> {
  const alone = (): { result: ClusterResult; usedWorker: boolean } => ({ result: clusterPairs(input), usedWorker: false })
  if (input.a.length < minPairs) {
    meanwhile()
    return alone()
  }
  let worker: ReturnType<typeof spawnWorker>
  try {
    worker = spawnWorker(join(__dirname, 'cluster-worker.ts'), 'identity-cluster-worker.js', { input: encodeClusterInput(input) })
  } catch {
    meanwhile()
    return alone()
  }
  const finished = new Promise<EncodedClusterResult | null>((done) => {
    worker.once('message', (m: EncodedClusterResult) => done(m))
    worker.once('error', () => done(null))
    worker.once('exit', () => done(null))
  })
  try {
    meanwhile()
    const encoded = await finished
    return encoded ? { result: decodeClusterResult(encoded), usedWorker: true } : alone()
  } finally {
    void worker.terminate()
  }
}
