import { parentPort, workerData } from 'node:worker_threads'
import { K } from './comparisons'
import { type LevelFields, pairLevels } from './compare'

/**
 * A scoring worker: computes the comparison levels of its share of the candidate pairs and sends them back
 * (the buffer is transferred, not copied). Started by parallel-levels.ts.
 */
interface Job {
  fields: Omit<LevelFields, 'nameMemo'>
  a: Int32Array
  b: Int32Array
}

const job = workerData as Job
const fields: LevelFields = { ...job.fields, nameMemo: new Map() }
const levels = new Uint8Array(job.a.length * K)
for (let t = 0; t < job.a.length; t++) pairLevels(fields, job.a[t]!, job.b[t]!, levels, t * K)
parentPort?.postMessage(levels, [levels.buffer])
