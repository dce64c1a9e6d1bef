/**
 * Memory must not grow with file size: a generated ~50 MB CSV is read row by row while the retained
 * heap (plus Buffers) is sampled after forced collections. A reader that held the file would add at
 * least its 50 MB of text.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, expect, it } from 'vitest'
import { openRowSource } from './index'

const dir = mkdtempSync(join(tmpdir(), 'tessera-stream-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function writeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  out.write('customer_id,email,first_name,last_name,city,note\n')
  const block: string[] = []
  for (let i = 0; i < rows; i++) {
    block.push(`${1_000_000 + i},user${i}@example.com,Ann,Lee,Zürich,"quoted, with comma and ""quotes"""\n`)
    if (block.length === 10_000) {
      if (!out.write(block.join(''))) await once(out, 'drain')
      block.length = 0
    }
  }
  out.end(block.join(''))
  await once(out, 'finish')
}

// A real gc() makes the samples measure what is retained, not garbage waiting for a collection.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const used = (): number => {
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.external + m.arrayBuffers
}

it('reads a ~50 MB CSV in bounded memory, handing rows out before the file is read', async () => {
  const path = join(dir, 'big.csv')
  const rows = 640_000
  await writeBigCsv(path, rows)
  const size = statSync(path).size
  expect(size).toBeGreaterThan(50 * 1024 * 1024)

  const source = await openRowSource(path)
  const before = used()
  let peak = before
  let count = 0
  let bytesAtFirstRow = 0
  for await (const row of source.rows) {
    if (count === 0) bytesAtFirstRow = source.bytesRead()
    count++
    if (row.error) throw new Error(`row ${row.rowNumber}: ${row.error}`)
    if (count % 100_000 === 0) peak = Math.max(peak, used())
  }
  expect(count).toBe(rows)
  expect(source.bytesRead()).toBe(size)
  expect(bytesAtFirstRow).toBeLessThan(1024 * 1024)
  // Loose on purpose (garbage collection timing varies): well under the file's size.
  console.log(`streamed ${count} rows, ${(size / 1048576).toFixed(1)} MB; memory growth ${((peak - before) / 1048576).toFixed(1)} MB`)
  expect(peak - before).toBeLessThan(size / 2)
})
