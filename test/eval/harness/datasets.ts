/**
 * The evaluation data sets: which files to import with which mapping, how to build their truth, and the
 * quality targets from issue 4 that apply to them.
 */
import { join } from 'node:path'
import { clusterPerson, dsgenPerson, febrlPerson, truthFromColumn, type TruthRow } from './truth'

export const repoRoot = join(__dirname, '..', '..', '..')
export const sharedData = join(repoRoot, '..', 'shared', 'data')
export const mappingsDir = join(__dirname, '..', 'mappings')

export type Metric = 'f1' | 'precision' | 'reviewF1' | 'queueShare'

/** A quality target: `metric` must be ≥ `min` (or < `max`). */
export interface Target {
  metric: Metric
  min?: number
  max?: number
}

export interface ImportStep {
  file: string
  mapping: string
}

export interface EvalDataset {
  name: string
  imports: ImportStep[]
  /** Truth rows to write, or the path of a truth.csv that already exists (the generator writes its own). */
  truth: (() => TruthRow[]) | string
  /** Country for phone numbers without a prefix (FEBRL is Australian). */
  country: string
  /** Answer the review queue with an oracle and score again. */
  oracle: boolean
  targets: Target[]
}

const febrlFile = (f: string): ImportStep => ({ file: join(sharedData, 'febrl', f), mapping: join(mappingsDir, 'febrl.json') })
const dsgenFile = (f: string): ImportStep => ({ file: join(sharedData, 'febrl-dsgen', f), mapping: join(mappingsDir, 'febrl-dsgen.json') })

function fromColumn(steps: ImportStep[], column: string, fn: (v: string) => string): () => TruthRow[] {
  return () => steps.flatMap((s) => truthFromColumn(s.file, column, fn))
}

function febrl(name: string, files: string[], targets: Target[] = []): EvalDataset {
  const imports = files.map(febrlFile)
  return { name, imports, truth: fromColumn(imports, 'rec_id', febrlPerson), country: 'AU', oracle: false, targets }
}

function dsgen(series: 'A' | 'C' | 'D' | 'F', size: number): EvalDataset {
  const files = series === 'A' || series === 'C' ? [`dataset_${series}_${size}.csv`] : [`dataset_${series}_org_${size}.csv`, `dataset_${series}_dup_${size}.csv`]
  const imports = files.map(dsgenFile)
  return { name: `dsgen-${series}-${size}`, imports, truth: fromColumn(imports, 'rec_id', dsgenPerson), country: 'AU', oracle: false, targets: [] }
}

const fake: ImportStep = { file: join(sharedData, 'splink', 'fake_1000.csv'), mapping: join(mappingsDir, 'splink-fake.json') }

/** Every reference data set, in the order the table prints them. The generator set is added by run.ts. */
export const referenceDatasets: EvalDataset[] = [
  febrl('febrl1', ['dataset1.csv']),
  febrl('febrl2', ['dataset2.csv']),
  febrl('febrl3', ['dataset3.csv'], [{ metric: 'f1', min: 0.995 }]),
  febrl('febrl4', ['dataset4a.csv', 'dataset4b.csv'], [{ metric: 'f1', min: 0.999 }]),
  dsgen('A', 5000),
  dsgen('C', 5000),
  dsgen('D', 5000),
  dsgen('F', 5000),
  dsgen('C', 10000),
  { name: 'splink-fake_1000', imports: [fake], truth: fromColumn([fake], 'cluster', clusterPerson), country: 'GB', oracle: false, targets: [{ metric: 'f1', min: 0.9 }] },
]

/** Targets for the generator's multi-source set (issue 4). */
export const generatorTargets: Target[] = [
  { metric: 'precision', min: 0.998 },
  { metric: 'f1', min: 0.99 },
  { metric: 'reviewF1', min: 0.995 },
  { metric: 'queueShare', max: 0.02 },
]
