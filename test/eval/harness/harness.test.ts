import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMapping } from '../../../electron/core/import'
import { headerLines, sourceFiles } from '../generator/headers'
import { generatorTargets, mappingsDir, referenceDatasets } from './datasets'
import { checkTargets, type DatasetResult } from './evaluate'
import { oracleAnswers, type ReviewItem } from './oracle'
import { formatTable, formatTargets } from './table'
import { readCsv } from './truth'

const loadMapping = (file: string): ReturnType<typeof parseMapping> => parseMapping(JSON.parse(readFileSync(file, 'utf8')), file)

describe('mapping files', () => {
  it.each(readdirSync(mappingsDir).filter((f) => f.endsWith('.json')))('%s is a valid Mapping', (file) => {
    expect(() => loadMapping(join(mappingsDir, file))).not.toThrow()
  })

  it.each(sourceFiles)('the %s mapping names exactly the generator header columns', (file) => {
    const mapping = loadMapping(join(mappingsDir, `${file}.json`))
    const header = headerLines[file].split(',').map((h) => h.replace(/^"|"$/g, ''))
    for (const column of Object.keys(mapping.columns)) expect(header).toContain(column)
  })

  it.each(referenceDatasets.map((d) => [d.name, d] as const))('%s: every mapped column exists, and no truth column is used', (_name, ds) => {
    for (const step of ds.imports) {
      const { header } = readCsv(step.file)
      const mapping = loadMapping(step.mapping)
      for (const column of Object.keys(mapping.columns)) expect(header).toContain(column)
      for (const truthColumn of ['rec_id', 'cluster', 'unique_id']) {
        if (truthColumn in mapping.columns) expect(mapping.columns[truthColumn]).toBe('ignore')
      }
    }
  })
})

describe('targets', () => {
  it.each([
    [{ metric: 'f1', min: 0.999 }, 0.999, true],
    [{ metric: 'f1', min: 0.999 }, 0.9989, false],
    [{ metric: 'queueShare', max: 0.02 }, 0.019, true],
    [{ metric: 'queueShare', max: 0.02 }, 0.02, false],
    [{ metric: 'reviewF1', min: 0.995 }, undefined, false],
  ] as const)('%o with %s → pass %s', (target, value, pass) => {
    const [r] = checkTargets([target], value === undefined ? {} : { [target.metric]: value })
    expect(r?.pass).toBe(pass)
  })

  it('covers the issue-4 generator targets', () => {
    expect(generatorTargets.map((t) => t.metric).sort()).toEqual(['f1', 'precision', 'queueShare', 'reviewF1'])
  })
})

describe('review oracle', () => {
  const truth = new Map([['a#1', 'p1'], ['b#7', 'p1'], ['b#8', 'p2']])
  const item = (id: number, sourceB: string, rowB: number): ReviewItem => ({ id, sourceA: 'a', rowA: 1, sourceB, rowB })
  it('approves same-person pairs, rejects others, skips rows the truth lacks', () => {
    expect(oracleAnswers([item(1, 'b', 7), item(2, 'b', 8), item(3, 'c', 1)], truth)).toEqual([
      { id: 1, decision: 'approve' }, { id: 2, decision: 'reject' }, { id: 3, decision: 'skip' },
    ])
  })
})

describe('report table', () => {
  const base: DatasetResult = {
    name: 'febrl4', records: 10000, quarantined: 0, lost: 0, precision: 1, recall: 0.9982, f1: 0.9991, mixedProfiles: 0, profiles: 5009,
    queue: 12, queueShare: 0.0012, importSeconds: 3, resolveSeconds: 2.345, resolve: 'ok', merged: 4990, autoPrecision: 1,
    targets: checkTargets([{ metric: 'f1', min: 0.999 }], { f1: 0.9991 }),
  }
  const gen: DatasetResult = { ...base, name: 'generator-20k', review: { f1: 0.996, precision: 1, recall: 0.99, mixedProfiles: 0, answered: 12 }, targets: checkTargets(generatorTargets, { f1: 0.98, precision: 0.999 }) }

  it('prints aligned columns with the generator-only figures', () => {
    const lines = formatTable([base, gen]).split('\n')
    expect(lines[0]).toMatch(/^data set\s+records\s+precision\s+recall\s+F1\s+mixed\s+queue\s+resolve s\s+auto-merge P\s+F1 after review\s+exact-evidence F1 bound$/)
    expect(lines[2]).toContain('0.9991')
    expect(lines[2]).toContain('12 (0.12%)')
    expect(lines[2]).toContain('2.3')
    expect(lines[3]).toMatch(/0\.9960$/)
    expect(formatTable([{ ...gen, bound: { truePairs: 10, linkablePairs: 9, recallBound: 0.9, f1Bound: 0.9474 } }])).toMatch(/0\.9960\s+0\.9474$/m)
  })

  it('prints PASS/FAIL per target', () => {
    expect(formatTargets([base, gen])).toEqual([
      'PASS  febrl4  f1 = 0.9991 (target ≥ 0.999)',
      'PASS  generator-20k  precision = 0.9990 (target ≥ 0.998)',
      'FAIL  generator-20k  f1 = 0.9800 (target ≥ 0.99)',
      'FAIL  generator-20k  reviewF1 = n/a (target ≥ 0.995)',
      'FAIL  generator-20k  queueShare = n/a (target < 0.02)',
    ])
  })

  it('says when resolve is missing instead of printing a time', () => {
    expect(formatTable([{ ...base, resolve: 'missing', resolveSeconds: undefined }])).toContain('missing')
  })
})
