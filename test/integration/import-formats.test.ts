import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isCdpError } from '../../shared/api/errors'
import { importFile } from '../../electron/core/import'
import { tempWorkspace } from '../helpers/temp-workspace'

// The pipeline over every reader format and every hostile file: an import either accounts for every row
// or fails with a clear error and leaves nothing behind.
const readers = join(__dirname, '..', 'fixtures', 'readers')
const bad = join(__dirname, '..', 'fixtures', 'bad')
let t: ReturnType<typeof tempWorkspace>
beforeAll(() => { t = tempWorkspace() })
afterAll(() => t.dispose())

const q = (sql: string, ...args: unknown[]): unknown => t.ws.sqlite.prepare(sql).pluck().get(...args)

describe('every reader format through the pipeline', () => {
  const files = readdirSync(readers).filter((f) => !f.startsWith('.'))
  it.each(files)('%s', async (f) => {
    const r = await importFile(t.ws, join(readers, f), { source: `fmt-${f}` })
    expect(r.rows).toBeGreaterThan(0)
    expect(r.recordsImported + r.recordsUpdated + r.eventsImported + r.rowsQuarantined).toBe(r.rows)
    expect(q('SELECT count(*) FROM raw_rows WHERE import_id = ?', r.importId)).toBe(r.rows)
  })
})

describe('hostile files', () => {
  const files = readdirSync(bad).filter((f) => !f.startsWith('.') && !f.endsWith('.ts'))
  it.each(files)('%s: accounted for, or refused with a clear error and nothing written', async (f) => {
    const before = q('SELECT count(*) FROM raw_rows')
    try {
      const r = await importFile(t.ws, join(bad, f), { source: `bad-${f}` })
      expect(r.recordsImported + r.recordsUpdated + r.eventsImported + r.rowsQuarantined).toBe(r.rows)
      expect(q('SELECT count(*) FROM raw_rows')).toBe(Number(before) + r.rows)
    } catch (e) {
      expect(isCdpError(e), String(e)).toBe(true)
      expect(q('SELECT count(*) FROM raw_rows')).toBe(before)
    }
  })
})
