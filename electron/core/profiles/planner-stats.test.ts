import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import type { Workspace } from '../db'
import { updatePlannerStats } from './planner-stats'

let ctx: ReturnType<typeof tempWorkspace>
let ws: Workspace
beforeEach(() => {
  ctx = tempWorkspace()
  ws = ctx.ws
})
afterEach(() => ctx.dispose())

function addFacts(from: number, n: number): void {
  const insert = ws.sqlite.prepare(`INSERT INTO profile_facts (profile_id, country, order_count, spend_minor, record_count, tags)
    VALUES (?, ?, 0, 0, 1, '[]')`)
  for (let id = from; id < from + n; id++) insert.run(id, id % 3 === 0 ? 'FR' : 'GB')
}

/** Rows of profile_facts as the planner statistics last measured them (first number of sqlite_stat1.stat). */
function measuredRows(): number | undefined {
  const stat = ws.sqlite.prepare("SELECT stat FROM sqlite_stat1 WHERE tbl = 'profile_facts' AND idx = 'profile_facts_rule_scan'").pluck().get() as string | undefined
  return stat === undefined ? undefined : Number(stat.split(' ')[0])
}

describe('updatePlannerStats', () => {
  it('measures the derived tables the first time, then again only once a fifth of the profiles changed since', () => {
    addFacts(1, 100)
    updatePlannerStats(ws, 100)
    expect(measuredRows()).toBe(100)
    addFacts(101, 15)
    updatePlannerStats(ws, 15)
    expect(measuredRows()).toBe(100)
    addFacts(116, 10)
    updatePlannerStats(ws, 10)
    expect(measuredRows()).toBe(125)
    // The sampling limit is the connection's own again afterwards.
    expect(ws.sqlite.pragma('analysis_limit', { simple: true })).toBe(0)
  })
})
