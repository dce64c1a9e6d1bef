import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { deferIndexes } from './deferred-indexes'
import type { Workspace } from './workspace'

let t: ReturnType<typeof tempWorkspace>
let ws: Workspace
beforeEach(() => {
  t = tempWorkspace()
  ws = t.ws
})
afterEach(() => t.dispose())

const indexesOf = (table: string): unknown[] => ws.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table)

describe('deferIndexes', () => {
  it('drops the listed indexes of an empty table and builds the same ones again', () => {
    const before = indexesOf('match_pairs')
    ws.sqlite.transaction(() => {
      const rebuild = deferIndexes(ws.sqlite, { match_pairs: ['match_pairs_b'] })
      expect(indexesOf('match_pairs')).toEqual(before.filter((i) => !['match_pairs_b'].includes((i as { name: string }).name)))
      rebuild()
    })()
    expect(indexesOf('match_pairs')).toEqual(before)
  })

  it('keeps the indexes when it is not worth it, and a rollback brings dropped ones back', () => {
    const before = indexesOf('match_pairs')
    ws.sqlite.transaction(() => {
      deferIndexes(ws.sqlite, { match_pairs: ['match_pairs_b'] }, () => false)
      expect(indexesOf('match_pairs')).toEqual(before)
    })()
    expect(() => ws.sqlite.transaction(() => {
      deferIndexes(ws.sqlite, { match_pairs: ['match_pairs_b'] })
      throw new Error('cancelled')
    })()).toThrow('cancelled')
    expect(indexesOf('match_pairs')).toEqual(before)
  })
})
