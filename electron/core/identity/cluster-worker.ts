import { parentPort, workerData } from 'node:worker_threads'
import { clusterPairs } from './cluster'
import { decodeClusterInput, encodeClusterResult, type EncodedClusterInput } from './cluster-transfer'

/**
 * A clustering worker: clusters the input it was started with and posts the result back, while the main
 * thread stores the run's scored pairs. Started by parallel-cluster.ts.
 */
const { input } = workerData as { input: EncodedClusterInput }
parentPort?.postMessage(encodeClusterResult(clusterPairs(decodeClusterInput(input))))
