import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { K } from './comparisons'
import { tempWorkspace, testPassphrase } from '../../../test/helpers/temp-workspace'
import { openWorkspace, Passphrase } from '../db'
import { checkpointRun, type RunPairs, STORE_MIN_PROBABILITY, storageOrder, tuneForSaving } from './persist'
import type { Prepared } from './prepare'
import { rng } from './train'

describe('storageOrder', () => {
  it('keeps the pairs worth storing and the wanted ones, ordered by (record_a, record_b)', () => {
    const rand = rng(5)
    const records = 300
    // Record ids are not the indexes: shuffled and sparse, as after imports and erasures.
    const id = Float64Array.from({ length: records }, (_v, i) => 1000 + ((i * 7919) % records) * 3)
    const a: number[] = []
    const b: number[] = []
    for (let t = 0; t < 5000; t++) {
      const [i, j] = [Math.floor(rand() * records), Math.floor(rand() * records)]
      if (id[i] === id[j]) continue
      const [lo, hi] = id[i]! < id[j]! ? [i, j] : [j, i]
      a.push(lo)
      b.push(hi)
    }
    const n = a.length
    const probability = Float64Array.from({ length: n }, () => (rand() < 0.5 ? 0.001 : rand()))
    const pairs: RunPairs = { a: Int32Array.from(a), b: Int32Array.from(b), levels: new Uint8Array(n * K), weight: new Float64Array(n), probability, band: new Uint8Array(n) }
    const wanted = new Set([...Array(n).keys()].filter((t) => probability[t]! < STORE_MIN_PROBABILITY).slice(0, 10))
    const order = [...storageOrder({ id } as unknown as Prepared, pairs, wanted)]

    const expected = [...Array(n).keys()].filter((t) => probability[t]! >= STORE_MIN_PROBABILITY || wanted.has(t))
    expect([...order].sort((x, y) => x - y)).toEqual(expected)
    const key = (t: number): [number, number] => [id[a[t]!]!, id[b[t]!]!]
    for (let x = 1; x < order.length; x++) {
      const [p, q] = [key(order[x - 1]!), key(order[x]!)]
      expect(p[0] < q[0] || (p[0] === q[0] && p[1] <= q[1])).toBe(true)
    }
  })
})

describe('tuneForSaving', () => {
  it('turns the automatic checkpoint off for the saving transaction and restores every setting; checkpointRun copies the commit into the file', () => {
    const t = tempWorkspace()
    // A second connection, as in the app (its session beside the job worker): the saving keeps the WAL. Alone,
    // the connection would write through a rollback journal and there would be nothing to checkpoint.
    const reader = openWorkspace(t.path, new Passphrase(testPassphrase))
    try {
      const db = t.ws.sqlite
      const settings = (): unknown[] => ['wal_autocheckpoint', 'cache_size', 'foreign_keys'].map((name) => db.pragma(name, { simple: true }))
      const before = settings()
      const restore = tuneForSaving(db)
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      db.transaction(() => {
        for (let i = 0; i < 2500; i++) db.prepare("INSERT INTO settings (key, value) VALUES (?, '0')").run(`k${i}`.padEnd(2000, 'x'))
      })()
      restore()
      expect(settings()).toEqual(before)
      // The commit left the rows in the WAL (no automatic checkpoint); checkpointRun moves them into the file.
      const fileSize = (): number => statSync(t.path).size
      const committed = fileSize()
      checkpointRun(db)
      expect(fileSize()).toBeGreaterThan(committed + 4_000_000)
    } finally {
      reader.close()
      t.dispose()
    }
  })
})
