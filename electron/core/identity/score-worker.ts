import { parentPort, workerData } from 'node:worker_threads'
import { decodeFields, type EncodedField, type EncodedFields, fillChunks, type ScoreJob } from './score-chunks'

/**
 * A scoring worker: takes the record fields (a message each, then null), then claims chunks of the candidate
 * pairs from the counter it shares with the main thread and writes their comparison levels into the shared
 * buffer, then says 'done'. Started by parallel-levels.ts.
 */
const { job } = workerData as { job: ScoreJob }
let fields: EncodedFields = {}
const take = (m: [keyof EncodedFields, EncodedField] | null): void => {
  if (m !== null) {
    fields[m[0]] = m[1]
    return
  }
  parentPort?.off('message', take)
  const decoded = decodeFields(fields)
  // The codes are garbage once decoded (a 4-byte code a record a field), not to be held through the scoring.
  fields = {}
  fillChunks(decoded, job)
  parentPort?.postMessage('done')
}
parentPort?.on('message', take)
