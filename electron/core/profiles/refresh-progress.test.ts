import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../test/helpers/seed'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import type { Workspace } from '../db'
import { refreshAllProfiles, refreshDirtyProfiles } from './refresh'

let ctx: ReturnType<typeof tempWorkspace>
let ws: Workspace
beforeEach(() => {
  ctx = tempWorkspace()
  ws = ctx.ws
  // More profiles than one refresh batch (1,000), so progress and a cancel land between batches.
  seedRecords(ws, Array.from({ length: 1200 }, (_, i) => ({ first_name: `Anna${i}`, last_name: 'Smith', email: `anna${i}@x.example` })))
})
afterEach(() => ctx.dispose())

const summaryOf = (first: string): unknown => ws.sqlite.prepare('SELECT display_name FROM profile_summary WHERE first_name = ?').pluck().get(first)

describe('profile refresh progress and cancel', () => {
  it('reports profiles done after each batch', () => {
    const calls: Array<[number, number]> = []
    const r = refreshDirtyProfiles(ws, { onProgress: (done, total) => calls.push([done, total]) })
    expect(r.refreshed).toBe(1200)
    expect(calls).toEqual([[1000, 1200], [1200, 1200]])
  })

  it('a cancel between batches throws Cancelled and leaves the derived data as it was', () => {
    refreshAllProfiles(ws)
    ws.sqlite.prepare("UPDATE records SET first_name = 'Anne', updated_at = '2030-01-01T00:00:00.000Z' WHERE first_name = 'Anna0'").run()
    const cancel = new AbortController()
    expect(() => refreshAllProfiles(ws, { signal: cancel.signal, onProgress: () => cancel.abort() })).toThrow(expect.objectContaining({ code: 'Cancelled' }))
    expect(summaryOf('Anna0')).toBe('Anna0 Smith')
    expect(summaryOf('Anne')).toBeUndefined()
    expect(ws.sqlite.prepare('SELECT count(*) FROM profile_summary').pluck().get()).toBe(1200)
    // Nothing of the cancelled run was kept, the watermark included: the next dirty refresh still sees the change.
    expect(refreshDirtyProfiles(ws).refreshed).toBe(1)
    expect(summaryOf('Anne')).toBe('Anne Smith')
  })
})
