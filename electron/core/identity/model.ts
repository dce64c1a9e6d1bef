import { C as Cmp, comparisons, K, levelCounts, levelOffsets as offsets, totalLevels } from './comparisons'

// Local copies for the hot loops (an imported binding is a getter once transpiled to CommonJS).
const C = { ...Cmp }
const levelOffsets = Int32Array.from(offsets)
const FIRST_DIFFERENT = levelCounts[Cmp.First]! - 1

/**
 * The Fellegi-Sunter model: per comparison level an m-probability (of the level among true matches) and a
 * u-probability (among non-matches), plus λ, the share of matches among candidate pairs. Null levels are
 * neutral (m = u = 1). Parameters are flat arrays indexed by levelOffsets[k] + level.
 */
export interface Model {
  /** `modelShape` of the comparisons it was trained for: a stored model of another shape is never reused. */
  shape: string
  lambda: number
  m: number[]
  u: number[]
  /**
   * Per comparison, the share of random record pairs where both sides have a value (set by `estimateU`, used
   * by `fitM` to turn counts over all pairs into u-probabilities). Training-time only; absent on stored models.
   */
  valuedShare?: number[]
  /** How the parameters were obtained, for the run record and the UI. */
  trainedOn: { randomPairs: number; candidatePairs: number; labelledPairs: number; emIterations: number }
}

/** Per-level match weights (log2 m/u), flat like the model arrays; null levels weigh 0. */
export type Weights = Float64Array

/**
 * The comparisons and their level labels, as one string. Stored with every model: a level added or re-ordered
 * changes the meaning of the parameter arrays even when their length happens to stay the same.
 */
export const modelShape: string = comparisons.map((c) => `${c.name}:${c.levels.join('/')}`).join(';')

/** A model from the priors alone: what a workspace with no data to learn from uses. */
export function priorModel(lambda = 0.05): Model {
  const m = new Array<number>(totalLevels).fill(1)
  const u = new Array<number>(totalLevels).fill(1)
  comparisons.forEach((c, k) => {
    c.mPrior.forEach((v, l) => (m[levelOffsets[k]! + l + 1] = v))
    c.uPrior.forEach((v, l) => (u[levelOffsets[k]! + l + 1] = v))
  })
  return { shape: modelShape, lambda, m, u, trainedOn: { randomPairs: 0, candidatePairs: 0, labelledPairs: 0, emIterations: 0 } }
}

/**
 * Per-level weights log2(m/u) of a model; null levels and the comparisons' neutral levels weigh 0, a level
 * the same as another (ComparisonSpec.sameAs) weighs as that one.
 */
export function matchWeights(model: Model): Weights {
  const w = new Float64Array(totalLevels)
  for (let k = 0; k < K; k++) {
    for (let l = 1; l < levelCounts[k]!; l++) {
      const o = levelOffsets[k]! + l
      w[o] = Math.log2(Math.max(model.m[o]!, 1e-6) / Math.max(model.u[o]!, 1e-9))
    }
    for (const l of comparisons[k]!.neutral ?? []) w[levelOffsets[k]! + l] = 0
    for (const [l, as] of comparisons[k]!.sameAs ?? []) w[levelOffsets[k]! + l] = w[levelOffsets[k]! + as]!
  }
  return w
}

/** log2 prior odds of a match among candidate pairs. */
export const priorWeight = (model: Model): number => Math.log2(model.lambda / (1 - model.lambda))

/**
 * The household rule. Address, a shared landline and a family mailbox (thesmiths@) are ONE piece of household
 * evidence: when several agree only the strongest counts. Inside a shared household a different first name
 * means a different person (a spouse, a child), so it cancels the household evidence and adds
 * `HOUSEHOLD_PENALTY` against. Returns the adjustment (log2) to add to the plain sum of level weights.
 */
export const HOUSEHOLD_PENALTY = -3
const EMAIL_HOUSEHOLD = 3
export function householdAdjustment(levels: Uint8Array, off: number, w: Weights): number {
  const addr = levels[off + C.Address]!
  const hasA = addr === 1 || addr === 2
  const hasP = levels[off + C.Phone] === 1
  const hasM = levels[off + C.Email] === EMAIL_HOUSEHOLD
  if (!hasA && !hasP && !hasM) return 0
  // No closures or arrays: this runs once per scored pair.
  const wa = hasA ? w[levelOffsets[C.Address]! + addr]! : -Infinity
  const wp = hasP ? w[levelOffsets[C.Phone]! + 1]! : -Infinity
  const wm = hasM ? w[levelOffsets[C.Email]! + EMAIL_HOUSEHOLD]! : -Infinity
  const strongest = Math.max(wa, wp, wm)
  let adj = strongest - ((hasA ? wa : 0) + (hasP ? wp : 0) + (hasM ? wm : 0))
  // A shared date of birth or the same personal id (not an inbox) is not household evidence: household
  // members rarely share them. Then the independent comparisons decide. Twins are the blind spot of this.
  const personal = levels[off + C.Dob] === 1 || levels[off + C.ExtId] === 1 || levels[off + C.ExtId] === 2
  if (levels[off + C.First] === FIRST_DIFFERENT && !personal) adj += -strongest + HOUSEHOLD_PENALTY
  return adj
}

/** Sum of level weights of one pair (levels at `off`), with the household rule, without prior or term frequencies. */
export function patternWeight(levels: Uint8Array, off: number, w: Weights): number {
  let s = 0
  for (let k = 0; k < K; k++) s += w[levelOffsets[k]! + levels[off + k]!]!
  return s + householdAdjustment(levels, off, w)
}

export const toProbability = (weight: number): number => {
  const odds = Math.pow(2, weight)
  return Number.isFinite(odds) ? odds / (1 + odds) : 1
}
