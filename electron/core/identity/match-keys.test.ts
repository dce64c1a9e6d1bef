import { describe, expect, it } from 'vitest'
import { seedSynthetic } from '../../../test/helpers/synthetic-records'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { seedRecords } from '../../../test/helpers/seed'
import { blockingKeys } from './blocking'
import { CROWDED_MARKER, keyHash, keyTable, lookupPartners, recordKeyHashes } from './match-keys'
import { keyOrder, keyOrderParts } from './match-keys-store'
import { prepareRecords } from './prepare'
import { resolve } from './resolve'

describe('keyHash', () => {
  it('is a stable non-negative safe integer that depends on the key as well as the value', () => {
    const values = ['', 'smith', 'smyth', 'smith|90210', 'jane.doe@example.com', 'Ünïcødé', 'x'.repeat(500)]
    const seen = new Set<number>()
    for (const v of values) {
      for (const kind of [0, 1, 16, 1000]) {
        const h = keyHash(kind, v)
        expect(Number.isSafeInteger(h)).toBe(true)
        expect(h).toBeGreaterThanOrEqual(0)
        expect(keyHash(kind, v)).toBe(h)
        seen.add(h)
      }
    }
    expect(seen.size).toBe(values.length * 4)
  })

  it('spreads 100k similar values without a collision', () => {
    const seen = new Set<number>()
    for (let i = 0; i < 100_000; i++) seen.add(keyHash(3, `+1555${String(i).padStart(7, '0')}`))
    expect(seen.size).toBe(100_000)
  })
})

describe('keyOrder', () => {
  it.each([
    ['no rows', 0, 1],
    ['one block', 50, 1],
    ['many small blocks', 2000, 700],
    ['mostly distinct', 3000, 1_000_000],
  ])('%s: rows in (key, record) order, as a comparator sort puts them', (_name, rows, values) => {
    // Rows in record order, as keyTable lays them out; hashes drawn from `values` distinct ones.
    const rec = Int32Array.from({ length: rows }, (_v, r) => Math.floor(r / 3))
    const hash = Float64Array.from({ length: rows }, (_v, r) => keyHash(r % 5, String((r * 7919) % values)))
    const order = [...keyOrder({ hash, start: new Uint32Array(0) })]
    const expected = Array.from({ length: rows }, (_v, r) => r).sort((x, y) => hash[x]! - hash[y]! || rec[x]! - rec[y]!)
    expect(order.map((r) => [hash[r], rec[r]])).toEqual(expected.map((r) => [hash[r], rec[r]]))
    // Ordered a part of the hash range at a time (as insertKeys does for a large table), the same rows in the same order.
    for (const n of [1, 2, 8]) {
      const parts = [...keyOrderParts({ hash, start: new Uint32Array(0) }, n)]
      expect(parts).toHaveLength(n)
      expect(parts.flatMap((part) => [...part])).toEqual(order)
    }
  })
})

describe('keyTable', () => {
  it('holds each flagged record its distinct key hashes, as recordKeyHashes lists them, and nothing for the others', () => {
    const t = tempWorkspace()
    try {
      seedSynthetic(t.ws, 300, 3)
      const p = prepareRecords(t.ws.sqlite)
      const which = Uint8Array.from({ length: p.n }, (_v, i) => (i % 3 === 0 ? 0 : 1))
      for (const flags of [undefined, which]) {
        const table = keyTable(p, flags)
        for (let i = 0; i < p.n; i++) {
          const rows = [...table.hash.subarray(table.start[i]!, table.start[i + 1]!)]
          expect(rows).toEqual(flags && !flags[i] ? [] : recordKeyHashes(p, i).map((k) => k.hash))
        }
        expect(table.hash.length).toBe(table.start[p.n])
      }
    } finally {
      t.dispose()
    }
  })
})

describe('the recent region of match_keys', () => {
  // Two small incremental runs (the second's records pair with the first's, found in the recent region), then a
  // large one that folds the region into the base. `whole`: stored keys dropped before each, so every run loads
  // the whole workspace and rewrites the keys, the reference an incremental run must match.
  async function scenario(whole: boolean): Promise<unknown[]> {
    const t = tempWorkspace()
    try {
      const db = t.ws.sqlite
      const logical = (): unknown => db.prepare('SELECT CASE WHEN key < 0 THEN -1 - key ELSE key END AS k, record_id FROM match_keys ORDER BY k, record_id').raw().all()
      const recent = (): number => db.prepare('SELECT count(*) FROM match_keys WHERE key < 0').pluck().get() as number
      seedSynthetic(t.ws, 300, 7)
      await resolve(t.ws, { full: true })
      const out: unknown[] = [recent()]
      for (const [count, seed] of [[10, 8], [10, 9], [300, 10]] as const) {
        seedSynthetic(t.ws, count, seed, 0)
        if (whole) db.exec('UPDATE match_scored SET keys = NULL')
        const r = await resolve(t.ws)
        out.push([r.newRecords, r.merged, r.queued, r.candidatePairs, db.prepare('SELECT id, profile_id FROM records ORDER BY id').raw().all()])
        if (!whole) out.push(recent() > 0)
      }
      // The whole-workspace runs rewrite every entry in the base: what a rebuild writes.
      out.push(logical())
      return out
    } finally {
      t.dispose()
    }
  }

  it('decides as whole-workspace runs do, and holds the entries a rebuild would', async () => {
    const fast = await scenario(false)
    const whole = await scenario(true)
    // No recent entries after a full run; the small runs leave some, the large one folds them.
    expect([fast[0], fast[2], fast[4], fast[6]]).toEqual([0, true, true, false])
    expect(fast.filter((_v, k) => ![2, 4, 6].includes(k))).toEqual(whole)
    expect((fast[3] as number[])[1]).toBeGreaterThan(0)
  })
})

describe('a full run over stored keys', () => {
  // A full run, a few records re-imported (other values, or only a new raw row), a second full run. `rebuild`:
  // stored keys dropped before it, so it empties and rewrites both tables: the reference.
  async function scenario(rebuild: boolean): Promise<Record<string, unknown>> {
    const t = tempWorkspace()
    try {
      const db = t.ws.sqlite
      seedSynthetic(t.ws, 300, 4)
      const first = (await resolve(t.ws, { full: true })).runId
      const raw = db.prepare("INSERT INTO raw_rows (import_id, source_id, row_number, data, outcome) SELECT import_id, source_id, 100000 + row_number, '[]', 'record' FROM raw_rows WHERE id = ?")
      const reimport = (id: number): void => {
        const rawId = raw.run(db.prepare('SELECT raw_row_id FROM records WHERE id = ?').pluck().get(id)).lastInsertRowid
        db.prepare('UPDATE records SET raw_row_id = ? WHERE id = ?').run(rawId, id)
      }
      for (const id of [3, 50, 200]) reimport(id)
      db.prepare("UPDATE records SET last_name = 'Quennell', postcode = '90210' WHERE id IN (3, 50)").run()
      if (rebuild) db.exec('UPDATE match_scored SET keys = NULL')
      const second = (await resolve(t.ws, { full: true })).runId
      return {
        keys: db.prepare('SELECT CASE WHEN key < 0 THEN -1 - key ELSE key END AS k, record_id FROM match_keys ORDER BY k, record_id').raw().all(),
        names: db.prepare('SELECT key, count FROM match_name_counts ORDER BY key').raw().all(),
        scored: db.prepare('SELECT record_id, raw_row_id, hex(keys) FROM match_scored ORDER BY record_id').raw().all(),
        rewritten: db.prepare('SELECT record_id FROM match_scored WHERE run_id = ? ORDER BY record_id').pluck().all(second),
        kept: db.prepare('SELECT count(*) FROM match_scored WHERE run_id = ?').pluck().get(first),
      }
    } finally {
      t.dispose()
    }
  }

  it('rewrites only the rows and entries that changed, and ends as a rebuild would', async () => {
    const diff = await scenario(false)
    const whole = await scenario(true)
    expect(diff.rewritten).toEqual([3, 50, 200])
    expect(diff.kept).toBe(297)
    expect(whole.kept).toBe(0)
    const same = (r: Record<string, unknown>): unknown => ({ ...r, rewritten: 0, kept: 0 })
    expect(same(diff)).toEqual(same(whole))
  })
})

describe('a crowded block', () => {
  it('is stored as one marker, which an incremental run reads as a block over its cap', async () => {
    const t = tempWorkspace()
    try {
      const db = t.ws.sqlite
      // 25 Okafors with nothing else in common: the surname key's block (cap 10) is more than twice its cap.
      const people = Array.from({ length: 25 }, (_v, k) => ({ first_name: `Given${String.fromCharCode(97 + k)}x`, last_name: 'Okafor', email: `o${k}@d${k}.test` }))
      seedRecords(t.ws, people)
      await resolve(t.ws, { full: true })
      const surname = keyHash(blockingKeys.findIndex((k) => k.name === 'surname'), 'okafor')
      expect(db.prepare('SELECT record_id FROM match_keys WHERE key = ?').pluck().all(surname)).toEqual([CROWDED_MARKER])
      // Another Okafor: the stored marker, not a count of entries, says the block is over its cap.
      const [added] = seedRecords(t.ws, [{ first_name: 'Zed', last_name: 'Okafor', email: 'zed@z.test' }])
      const fresh = prepareRecords(db, [added!])
      expect(lookupPartners(db, fresh, new Map()).oversized.has(surname)).toBe(true)
      const run = await resolve(t.ws)
      expect(run.newRecords).toBe(1)
      expect(run.candidatePairs).toBe(0)
    } finally {
      t.dispose()
    }
  })
})
