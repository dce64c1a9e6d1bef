import { parentPort, workerData } from 'node:worker_threads'
import { openWorkspace, RawKey, type Workspace } from '../db'
import type { CountReply, CountRequest, CountWorkerData } from './count-protocol'

/**
 * The segment-count worker: a second, read-only connection to the open workspace that counts one share
 * of a rule's profiles while the main thread counts the other (see parallel-count.ts). It holds the key
 * for as long as it lives, like a job worker; the session stops it when the workspace locks or rekeys.
 */
const data = workerData as CountWorkerData
const port = parentPort
let ws: Workspace | undefined

function reply(message: CountReply): void {
  port?.postMessage(message)
}

try {
  const key = Buffer.from(data.keyHex, 'hex')
  try {
    ws = openWorkspace(data.dbPath, new RawKey(key))
  } finally {
    key.fill(0)
  }
  // Counting only reads; a bug that tried to write through this connection must fail, not race the writer.
  ws.sqlite.pragma('query_only = 1')
  reply({ kind: 'ready' })
} catch (e) {
  reply({ kind: 'failed', error: e instanceof Error ? e.message : String(e) })
}

port?.on('message', (m: CountRequest) => {
  if (m.kind === 'close') {
    ws?.close()
    ws = undefined
    port.close()
    return
  }
  try {
    if (!ws) throw new Error('the workspace is not open in the count worker')
    const n = ws.sqlite.prepare(m.sql).pluck().get(...m.parameters) as number
    reply({ kind: 'count', id: m.id, n })
  } catch (e) {
    reply({ kind: 'error', id: m.id, error: e instanceof Error ? e.message : String(e) })
  }
})
