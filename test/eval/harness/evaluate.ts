/**
 * One data set end to end through the real CLI: init → import (with its mapping) → resolve (defaults, no
 * labels) → links → score; then, for sets with an oracle, answer the review queue correctly and score again.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { isUnknownCommand, mustRun, numberField, parseJson, runCdp } from './cdp-runner'
import type { EvalDataset, Metric, Target } from './datasets'
import { linkableBound, type LinkableBound } from './linkable'
import { applyAnswers, oracleAnswers, pendingReviews, readTruthMap } from './oracle'
import { scoreLinks, type Score } from './score'
import { writeTruth } from './truth'

export interface TargetResult {
  metric: Metric
  bound: string
  value: number | undefined
  pass: boolean
}

export interface DatasetResult {
  name: string
  records: number
  quarantined: number
  /** Truth rows missing from the links file (score-links counts them as singletons). */
  lost: number
  precision: number
  recall: number
  f1: number
  mixedProfiles: number
  profiles: number
  /** Pending review items after the resolve run; undefined when `cdp review` is missing. */
  queue: number | undefined
  queueShare: number | undefined
  importSeconds: number
  /** The engine's own time when it reports one, else the command's wall time. */
  resolveSeconds: number | undefined
  resolve: 'ok' | 'missing'
  merged: number | undefined
  /** Precision of what the resolver merged on its own (= precision before any review). */
  autoPrecision: number
  /** After the oracle answered the queue; undefined when not run. */
  review?: { f1: number; precision: number; recall: number; mixedProfiles: number; answered: number; note?: string }
  /** For oracle sets: the best recall/F1 reachable through exact shared evidence alone (see linkable.ts). */
  bound?: LinkableBound
  targets: TargetResult[]
}

interface Imported {
  rows: number
  quarantined: number
  seconds: number
}

function importAll(ds: EvalDataset, db: string): Imported {
  const out: Imported = { rows: 0, quarantined: 0, seconds: 0 }
  for (const step of ds.imports) {
    const r = mustRun(['import', '--db', db, '--mapping', step.mapping, '--default-country', ds.country, '--json', step.file])
    out.seconds += r.seconds
    const reports = parseJson(r, 'cdp import')
    for (const rep of Array.isArray(reports) ? reports : [reports]) {
      out.rows += numberField(rep, 'rows') ?? 0
      out.quarantined += numberField(rep, 'rowsQuarantined') ?? 0
    }
  }
  return out
}

function runResolve(db: string): { status: 'ok' | 'missing'; seconds?: number; merged?: number } {
  const r = runCdp(['resolve', '--db', db, '--json'])
  if (isUnknownCommand(r)) return { status: 'missing' }
  if (r.code !== 0) throw new Error(`cdp resolve failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`)
  const json = parseJson(r, 'cdp resolve')
  const merged = numberField(json, 'merged')
  return { status: 'ok', seconds: numberField(json, 'seconds') ?? r.seconds, ...(merged === undefined ? {} : { merged }) }
}

function linksScore(db: string, linksPath: string, truthPath: string): Score {
  mustRun(['links', '--db', db, '--out', linksPath])
  return scoreLinks(truthPath, linksPath)
}

/** Compares each target with its value; a missing value fails the target. */
export function checkTargets(targets: readonly Target[], values: Partial<Record<Metric, number>>): TargetResult[] {
  return targets.map((t) => {
    const value = values[t.metric]
    const pass = value !== undefined && (t.min === undefined || value >= t.min) && (t.max === undefined || value < t.max)
    const bound = [t.min !== undefined ? `≥ ${t.min}` : '', t.max !== undefined ? `< ${t.max}` : ''].filter(Boolean).join(' ')
    return { metric: t.metric, bound, value, pass }
  })
}

function reviewStep(ds: EvalDataset, db: string, dir: string, truthPath: string, queue: number | undefined): DatasetResult['review'] {
  if (!ds.oracle) return undefined
  const items = pendingReviews(db)
  if (items === undefined) return undefined
  const answers = oracleAnswers(items, readTruthMap(truthPath))
  if (answers.length > 0) applyAnswers(db, answers, join(dir, 'answers.json'))
  const after = linksScore(db, join(dir, 'links-after-review.csv'), truthPath)
  const note = queue === 0 ? 'queue empty' : undefined
  return { f1: after.f1, precision: after.precision, recall: after.recall, mixedProfiles: after.mixed_profiles, answered: answers.length, ...(note ? { note } : {}) }
}

/** Evaluates one data set in `workRoot/<name>` (removed afterwards unless `keep`). Throws on a failed step. */
export function evaluateDataset(ds: EvalDataset, workRoot: string, keep = false): DatasetResult {
  const dir = join(workRoot, ds.name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  try {
    const db = join(dir, 'workspace.tdb')
    let truthPath = join(dir, 'truth.csv')
    if (typeof ds.truth === 'string') truthPath = ds.truth
    else writeTruth(truthPath, ds.truth())
    mustRun(['init', '--db', db])
    const imported = importAll(ds, db)
    const resolved = runResolve(db)
    const score = linksScore(db, join(dir, 'links.csv'), truthPath)
    const items = pendingReviews(db)
    const queue = items?.length
    const queueShare = queue === undefined ? undefined : queue / score.records
    const review = reviewStep(ds, db, dir, truthPath, queue)
    const bound = ds.oracle ? linkableBound(ds.imports, readTruthMap(truthPath)) : undefined
    const values: Partial<Record<Metric, number>> = { f1: score.f1, precision: score.precision }
    if (review) values.reviewF1 = review.f1
    if (queueShare !== undefined) values.queueShare = queueShare
    return {
      name: ds.name, records: score.records, quarantined: imported.quarantined, lost: score.lost,
      precision: score.precision, recall: score.recall, f1: score.f1, mixedProfiles: score.mixed_profiles, profiles: score.profiles,
      queue, queueShare, importSeconds: imported.seconds, resolveSeconds: resolved.seconds, resolve: resolved.status, merged: resolved.merged,
      autoPrecision: score.precision, ...(review ? { review } : {}), ...(bound ? { bound } : {}),
      targets: checkTargets(ds.targets, values),
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
}
