import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-workspace'
import { clusterPerson, dsgenPerson, febrlPerson, truthFromColumn, writeTruth, type TruthRow } from './truth'

const data = join(__dirname, '..', '..', '..', '..', 'shared', 'data')
const need = (path: string): string => {
  if (!existsSync(path)) throw new Error(`reference data missing: ${path} (see ../shared/data/README.md)`)
  return path
}

/** Σ n(n-1)/2 over the truth's clusters: the true pairs the README counts. */
function truePairs(rows: readonly TruthRow[]): number {
  const sizes = new Map<string, number>()
  for (const r of rows) sizes.set(r.person, (sizes.get(r.person) ?? 0) + 1)
  let pairs = 0
  for (const n of sizes.values()) pairs += (n * (n - 1)) / 2
  return pairs
}

describe('truth conversion', () => {
  it.each([
    ['rec-0-org', '0'], ['rec-1496-dup-0', '1496'], [' rec-3945-dup-0', '3945'], ['rec-12-dup-4', '12'],
  ])('FEBRL %s → person %s', (id, person) => expect(febrlPerson(id)).toBe(person))

  it.each([['3590', '359'], ['3593', '359'], ['9', '0'], ['10', '1']])('febrl-dsgen %s → entity %s', (id, person) => expect(dsgenPerson(id)).toBe(person))

  it('rejects ids of another shape', () => {
    expect(() => febrlPerson('rec-x-org')).toThrow(/FEBRL/)
    expect(() => dsgenPerson('abc')).toThrow(/dsgen/)
    expect(() => clusterPerson(' ')).toThrow(/cluster/)
  })

  // The README's computed true-pair counts are the check that rows, files and persons line up.
  it.each([
    ['febrl/dataset1.csv', 'rec_id', febrlPerson, 1000, 500],
    ['febrl/dataset3.csv', 'rec_id', febrlPerson, 5000, 6538],
    ['febrl-dsgen/dataset_C_1000.csv', 'rec_id', dsgenPerson, 1000, 1372],
    ['splink/fake_1000.csv', 'cluster', clusterPerson, 1000, 2031],
  ] as const)('%s: %i rows, %i true pairs', (file, column, fn, rows, pairs) => {
    const truth = truthFromColumn(need(join(data, file)), column, fn)
    expect(truth.length).toBe(rows)
    expect(truth[0]?.row).toBe(1)
    expect(truePairs(truth)).toBe(pairs)
  })

  it('links FEBRL 4a to 4b one to one (CRLF and no final newline in 4a)', () => {
    const a = truthFromColumn(need(join(data, 'febrl/dataset4a.csv')), 'rec_id', febrlPerson)
    const b = truthFromColumn(need(join(data, 'febrl/dataset4b.csv')), 'rec_id', febrlPerson)
    expect([a.length, b.length]).toEqual([5000, 5000])
    expect(a[0]?.file).toBe('dataset4a')
    expect(truePairs([...a, ...b])).toBe(5000)
  })

  it('writes file,row,person_id', () => {
    const tmp = tempDir()
    try {
      writeTruth(tmp.file('t.csv'), [{ file: 'x', row: 1, person: '7' }, { file: 'y', row: 2, person: '7' }])
      expect(readFileSync(tmp.file('t.csv'), 'utf8')).toBe('file,row,person_id\nx,1,7\ny,2,7\n')
    } finally {
      tmp.remove()
    }
  })
})
