/**
 * The parse/normalise worker: reads a file and transforms its rows off the writer's thread, posting them
 * in batches. The writer acknowledges each batch; the worker stays at most `window` batches ahead, so
 * memory stays bounded when writing is the slower side. One file at a time; the worker then waits for
 * the next (see parallel-rows.ts: it is kept between imports).
 */
import { parentPort } from 'node:worker_threads'
import { isCdpError } from '../../../../shared/api/errors'
import { openRowSource } from '../readers'
import type { ParseWorkerInput, ParseWorkerMessage, ParseWorkerRequest } from './parallel-rows'
import { packRow, type PackedRow } from './packed-row'
import { compilePlan } from './row-plan'
import { transformRow } from './transform'

let acked = 0
let wake: (() => void) | null = null

async function run(input: ParseWorkerInput, post: (m: ParseWorkerMessage) => void): Promise<void> {
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

const port = parentPort
if (port) {
  const post = (m: ParseWorkerMessage): void => port.postMessage(m)
  port.on('message', (m: ParseWorkerRequest) => {
    if (m.type === 'ack') {
      acked = m.ack
      wake?.()
      wake = null
      return
    }
    acked = 0
    wake = null
    run(m.input, post).catch((e: unknown) => {
      post({ type: 'error', code: isCdpError(e) ? e.code : 'Internal', message: e instanceof Error ? e.message : String(e) })
    })
  })
}
