import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { totalLevels } from './comparisons'
import { type Model, modelShape } from './model'

/** The model of the latest resolution run, or null when there is none (or it does not fit the current comparisons). */
export function latestModel(db: SqliteDatabase): Model | null {
  const raw = db.prepare('SELECT model FROM match_runs ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined
  if (raw === undefined) return null
  try {
    return parseModel(JSON.parse(raw))
  } catch {
    return null
  }
}

/** Validates a stored model: trained for the current comparisons (`modelShape`), λ in (0, 1), m/u arrays of the current length. */
export function parseModel(v: unknown): Model | null {
  if (typeof v !== 'object' || v === null) return null
  const o = v as Record<string, unknown>
  const nums = (x: unknown): x is number[] => Array.isArray(x) && x.length === totalLevels && x.every((n) => typeof n === 'number' && n > 0)
  if (o.shape !== modelShape) return null
  if (typeof o.lambda !== 'number' || !(o.lambda > 0 && o.lambda < 1) || !nums(o.m) || !nums(o.u)) return null
  const t = (typeof o.trainedOn === 'object' && o.trainedOn !== null ? o.trainedOn : {}) as Record<string, unknown>
  const num = (x: unknown): number => (typeof x === 'number' ? x : 0)
  return {
    shape: modelShape, lambda: o.lambda, m: o.m, u: o.u,
    trainedOn: { randomPairs: num(t.randomPairs), candidatePairs: num(t.candidatePairs), labelledPairs: num(t.labelledPairs), emIterations: num(t.emIterations) },
  }
}
