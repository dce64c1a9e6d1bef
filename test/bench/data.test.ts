import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-workspace'
import { generatedData } from './data'

describe('benchmark data cache', () => {
  const tmp = tempDir('tessera-gen-cache-')
  afterAll(() => tmp.remove())

  it('generates once, then serves the same files from the cache', () => {
    const first = generatedData({ people: 150, seed: 5, cacheDir: tmp.dir })
    const truth = readFileSync(first.truth, 'utf8')
    const again = generatedData({ people: 150, seed: 5, cacheDir: tmp.dir })
    expect([first.cached, again.cached]).toEqual([false, true])
    expect(again.rows).toBe(first.rows)
    expect(readFileSync(again.truth, 'utf8')).toBe(truth)
    expect(truth.trim().split('\n')).toHaveLength(first.rows + 1)
    expect(Object.keys(first.files)).toHaveLength(5)
  })

  it('keys the cache by size: a rows target gives another folder', () => {
    const byRows = generatedData({ rows: 500, seed: 5, cacheDir: tmp.dir })
    expect(byRows.rows).toBeGreaterThanOrEqual(500)
    expect(byRows.dir).not.toBe(generatedData({ people: 150, seed: 5, cacheDir: tmp.dir }).dir)
  })
})
