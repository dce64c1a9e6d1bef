import { parentPort, workerData } from 'node:worker_threads'
import { decodeFields, type EncodedFields, fillChunks, type ScoreJob } from './score-chunks'

/**
 * A scoring worker: waits for the record fields (its first message), then claims chunks of the candidate
 * pairs from the counter it shares with the main thread and writes their comparison levels into the shared
 * buffer, then says 'done'. Started by parallel-levels.ts.
 */
const { job } = workerData as { job: ScoreJob }
parentPort?.once('message', (fields: EncodedFields) => {
  fillChunks(decodeFields(fields), job)
  parentPort?.postMessage('done')
})
