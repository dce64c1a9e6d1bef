/**
 * The parse/normalise worker: reads the file and transforms its rows off the writer's thread, posting
 * them in batches. The writer acknowledges each batch; the worker stays at most `window` batches ahead, so
 * memory stays bounded when writing is the slower side.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { isCdpError } from '../../../../shared/api/errors'
import { openRowSource } from '../readers'
import type { ParseWorkerInput, ParseWorkerMessage } from './parallel-rows'
import { packRow, type PackedRow } from './packed-row'
import { compilePlan } from './row-plan'
import { transformRow } from './transform'

async function main(input: ParseWorkerInput): Promise<void> {
  const port = parentPort
  if (!port) return
  let acked = 0
  let wake: (() => void) | null = null
  port.on('message', (m: { ack: number }) => {
    acked = m.ack
    wake?.()
    wake = null
  })
  const post = (m: ParseWorkerMessage): void => port.postMessage(m)
  const src = await openRowSource(input.path, input.sheet ? { sheet: input.sheet } : {})
  const plan = compilePlan(src.header, input.mapping, input.defaultCountry)
  Object.assign(plan.dateOrders, input.dateOrders)
  let rows: PackedRow[] = []
  let sent = 0
  const flush = async (): Promise<void> => {
    while (sent - acked >= input.window) await new Promise<void>((resolve) => { wake = resolve })
    post({ type: 'batch', rows, bytes: src.bytesRead() })
    sent++
    rows = []
  }
  for await (const row of src.rows) {
    rows.push(packRow(row, transformRow(plan, row)))
    if (rows.length >= input.batch) await flush()
  }
  if (rows.length) await flush()
  post({ type: 'done', info: src.info })
  await src.close()
}

main(workerData as ParseWorkerInput).catch((e: unknown) => {
  parentPort?.postMessage({
    type: 'error', code: isCdpError(e) ? e.code : 'Internal', message: e instanceof Error ? e.message : String(e),
  } satisfies ParseWorkerMessage)
})
