import { describe, expect, it } from 'vitest'
import { resolve } from '../../electron/core/identity'
import { seedSynthetic } from '../helpers/synthetic-records'
import { tempWorkspace } from '../helpers/temp-workspace'

/**
 * An incremental run over stored blocking keys loads only the new records' partners and their profiles.
 * It must decide exactly what a run over the whole workspace decides, and leave the stored keys and name
 * counts exactly as a rebuild from every record would.
 */
async function scenario(partial: boolean): Promise<Record<string, unknown>> {
  const t = tempWorkspace()
  try {
    const db = t.ws.sqlite
    seedSynthetic(t.ws, 1500, 7)
    await resolve(t.ws, { full: true })
    seedSynthetic(t.ws, 300, 8, 0)
    // Re-imports: a new raw row with changed values for a few scored records (their old keys must go).
    const raw = db.prepare("INSERT INTO raw_rows (import_id, source_id, row_number, data, outcome) SELECT import_id, source_id, 100000 + row_number, '[]', 'record' FROM raw_rows WHERE id = ?")
    for (const id of [3, 50, 400, 999]) {
      const rawId = raw.run(db.prepare('SELECT raw_row_id FROM records WHERE id = ?').pluck().get(id)).lastInsertRowid
      db.prepare("UPDATE records SET raw_row_id = ?, last_name = 'Quennell', postcode = '90210' WHERE id = ?").run(rawId, id)
    }
    // Without stored keys the run loads the whole workspace (as for a workspace scored before they existed).
    if (!partial) db.exec('UPDATE match_scored SET keys = NULL')
    const r = await resolve(t.ws)
    return {
      loaded: r.loadedRecords,
      counts: [r.records, r.newRecords, r.candidatePairs, r.merged, r.queued, r.nonMatches, r.pairsByKey],
      profiles: db.prepare('SELECT id, profile_id FROM records ORDER BY id').raw().all(),
      pairs: db.prepare('SELECT record_a, record_b, band, round(weight, 9) FROM match_pairs ORDER BY record_a, record_b').raw().all(),
      queue: db.prepare('SELECT pair_id, status, round(priority, 9) FROM review_items ORDER BY pair_id').raw().all(),
      // An incremental run writes its entries in the recent region (key -1 - h, see match-keys.ts): the same entries.
      keys: db.prepare('SELECT CASE WHEN key < 0 THEN -1 - key ELSE key END AS k, record_id FROM match_keys ORDER BY k, record_id').raw().all(),
      names: db.prepare('SELECT key, count FROM match_name_counts WHERE count != 0 ORDER BY key').raw().all(),
      partial: db.prepare('SELECT count(*) FROM match_scored WHERE keys IS NULL').pluck().get(),
    }
  } finally {
    t.dispose()
  }
}

describe('incremental resolution over stored keys', () => {
  it('decides as a whole-workspace run does, and keeps keys and name counts as a rebuild would', async () => {
    const fast = await scenario(true)
    const whole = await scenario(false)
    expect(fast.counts as number[]).toEqual(expect.arrayContaining([1800, 304]))
    expect((fast.counts as number[])[2]).toBeGreaterThan(300)
    expect(whole.loaded).toBe(1800)
    expect(fast.loaded).toBeLessThan(1800)
    expect({ ...fast, loaded: 0 }).toEqual({ ...whole, loaded: 0 })
  })
})
