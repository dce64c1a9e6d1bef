import { C as Cmp, comparisons, K as Kc, levelCounts as counts0, levelOffsets as offsets0, totalLevels } from './comparisons'
import { computeLevels } from './score'
import { matchWeights, type Model, patternWeight, priorModel, priorWeight } from './model'
import { PatternTable } from './pattern-table'
import type { Prepared } from './prepare'

// Local copies for the per-pair loops (an imported binding is a getter once transpiled to CommonJS).
const C = { ...Cmp }
const K = Kc
const levelCounts = Int32Array.from(counts0)
const levelOffsets = Int32Array.from(offsets0)

/**
 * Training without labels: u from random record pairs, m (and λ) by expectation-maximisation over the
 * distinct level patterns of the candidate pairs, with the priors as pseudo-counts so a workspace of a few
 * records still gets sensible parameters. Human decisions enter as pairs whose match status is known.
 */

/** Pseudo-counts: how many pairs' worth of belief the priors carry. */
const U_PRIOR_WEIGHT = 50
const M_PRIOR_WEIGHT = 20
const LAMBDA_PRIOR_WEIGHT = 20

/** The starting guess for λ over all pairs: about one duplicate per two records. */
export const initialLambda = (records: number): number => Math.min(0.5, records / 2 / Math.max(1, (records * (records - 1)) / 2))

/** A deterministic PRNG (mulberry32) so training is reproducible run to run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The random record pairs (i, j), i ≠ j, that estimateU compares: min(maxPairs, all pairs) of them, the same
 * ones for the same record count and seed. Computed apart so their levels can be worked out with the
 * candidate pairs' (on two threads) and handed to estimateU.
 */
export function randomPairs(n: number, maxPairs = 200_000, seed = 1): { a: Int32Array; b: Int32Array } {
  const pairs = n < 2 ? 0 : Math.min(maxPairs, (n * (n - 1)) / 2)
  const a = new Int32Array(pairs)
  const b = new Int32Array(pairs)
  const rand = rng(seed)
  for (let t = 0; t < pairs; t++) {
    const i = Math.floor(rand() * n)
    let j = Math.floor(rand() * (n - 1))
    if (j >= i) j++
    a[t] = i
    b[t] = j
  }
  return { a, b }
}

/**
 * Estimates u-probabilities from up to `maxPairs` random pairs, blended with the priors; returns the level
 * counts so `correctU` can later take out the true matches the sample contains. `known`: the levels of
 * randomPairs(p.n, maxPairs, seed) when already computed (K per pair), else they are computed here.
 */
export function estimateU(p: Prepared, model: Model, maxPairs = 200_000, seed = 1, known?: Uint8Array): Float64Array {
  const counts = new Float64Array(totalLevels)
  if (p.n < 2) return counts
  const sample = randomPairs(p.n, maxPairs, seed)
  const pairs = sample.a.length
  const levels = known ?? computeLevels(p, sample.a, sample.b)
  if (levels.length !== pairs * K) throw new Error(`estimateU: ${levels.length / K} known levels for ${pairs} random pairs`)
  for (let t = 0; t < pairs; t++) for (let k = 0; k < K; k++) counts[levelOffsets[k]! + levels[t * K + k]!]!++
  blend(model.u, counts, comparisons.map((c) => c.uPrior), U_PRIOR_WEIGHT)
  model.trainedOn.randomPairs = pairs
  model.valuedShare = comparisons.map((_c, k) => 1 - counts[levelOffsets[k]!]! / pairs)
  return counts
}

/**
 * Random pairs are not all non-matches: in a small workspace where each person has several records, one
 * random pair in a few thousand is a match, which is as often as two strangers share an email. Once EM has
 * estimated λ and m, the expected matches are subtracted from the random-pair counts:
 * u_l = (share_l − λ·m_l) / (1 − λ), floored, then blended with the priors as before.
 */
export function correctU(model: Model, counts: Float64Array): void {
  const corrected = new Float64Array(totalLevels)
  for (let k = 0; k < K; k++) {
    const o = levelOffsets[k]!
    let total = 0
    for (let l = 1; l < levelCounts[k]!; l++) total += counts[o + l]!
    if (total === 0) continue
    for (let l = 1; l < levelCounts[k]!; l++) {
      const share = (counts[o + l]! / total - model.lambda * model.m[o + l]!) / (1 - model.lambda)
      corrected[o + l] = Math.max(share, 0.05 / total) * total
    }
  }
  blend(model.u, corrected, comparisons.map((c) => c.uPrior), U_PRIOR_WEIGHT)
}

/** Writes (count + w·prior) / (total + w) over the non-null levels of each comparison into `target`. */
function blend(target: number[], counts: Float64Array, priors: ReadonlyArray<readonly number[]>, w: number): void {
  for (let k = 0; k < K; k++) {
    const o = levelOffsets[k]!
    let total = 0
    for (let l = 1; l < levelCounts[k]!; l++) total += counts[o + l]!
    for (let l = 1; l < levelCounts[k]!; l++) {
      target[o + l] = Math.max(1e-7, (counts[o + l]! + w * priors[k]![l - 1]!) / (total + w))
    }
  }
}

/** Distinct level patterns of a set of pairs with their counts (and, for labelled pairs, their known status). */
export interface Patterns {
  levels: Uint8Array
  count: Float64Array
  /** -1 unknown, 0 known non-match, 1 known match. */
  label: Int8Array
  size: number
}

/** Levels fit in 3 bits each (and a label in 2 more) while every comparison has at most 8 levels and K ≤ 16. */
const PACKABLE = K <= 16 && levelCounts.every((c) => c <= 8)

/** A pattern's key: a number built from its label and levels where they pack into 53 bits, else a string. */
export function numberKey(levels: Uint8Array, off: number, label: number): number {
  let key = label + 1
  for (let k = 0; k < K; k++) key = key * 8 + levels[off + k]!
  return key
}
function stringKey(levels: Uint8Array, off: number, label: number): string {
  let key = String(label)
  for (let k = 0; k < K; k++) key += levels[off + k]!
  return key
}

/**
 * Groups pair levels (K per pair) into distinct patterns, in first-seen order. `labels` optionally gives a
 * known status per pair. Keyed by numbers when the levels pack (at 15M candidate pairs string keys were most
 * of the training time); `packed: false` forces string keys (the same patterns; a test compares the two).
 */
export function toPatterns(levels: Uint8Array, pairs: number, labels?: Int8Array, packed = PACKABLE): Patterns {
  const table = new PatternTable()
  const index = new Map<string, number>()
  const first: number[] = []
  const counts: number[] = []
  const lab: number[] = []
  for (let i = 0; i < pairs; i++) {
    const label = labels ? labels[i]! : -1
    let at: number
    if (packed) at = table.numberOf(numberKey(levels, i * K, label))
    else {
      const key = stringKey(levels, i * K, label)
      at = index.get(key) ?? index.size
      if (at === index.size) index.set(key, at)
    }
    if (at === first.length) {
      first.push(i)
      counts.push(0)
      lab.push(label)
    }
    counts[at]!++
  }
  const out = new Uint8Array(first.length * K)
  first.forEach((i, x) => out.set(levels.subarray(i * K, i * K + K), x * K))
  return { levels: out, count: Float64Array.from(counts), label: Int8Array.from(lab), size: first.length }
}

/** Two pattern sets that share no pattern (unlabelled candidates and labelled pairs) as one, `a`'s first. */
function joinPatterns(a: Patterns, b: Patterns): Patterns {
  if (b.size === 0) return a
  const levels = new Uint8Array((a.size + b.size) * K)
  levels.set(a.levels.subarray(0, a.size * K))
  levels.set(b.levels.subarray(0, b.size * K), a.size * K)
  const count = new Float64Array(a.size + b.size)
  count.set(a.count)
  count.set(b.count, a.size)
  const label = new Int8Array(a.size + b.size)
  label.set(a.label)
  label.set(b.label, a.size)
  return { levels, count, label, size: a.size + b.size }
}

/** Human decisions as record id pairs: approved (must-link) and rejected (cannot-link). */
export interface Decisions {
  mustLink: ReadonlyArray<readonly [number, number]>
  cannotLink: ReadonlyArray<readonly [number, number]>
}

/**
 * Trains a model: priors → u from random pairs → m and λ by EM over the candidate pairs' level patterns, with
 * human decisions between loaded records as labelled pairs. Reads `levels` (K per candidate pair, `pairs` of
 * them) without copying them; `randomLevels`: the levels of randomPairs(p.n) when already computed.
 */
export function trainModel(p: Prepared, levels: Uint8Array, pairs: number, decided: Decisions, randomLevels?: Uint8Array): Model {
  const model = priorModel(initialLambda(p.n))
  const randomCounts = estimateU(p, model, undefined, undefined, randomLevels)
  const la: number[] = []
  const lb: number[] = []
  const lab: number[] = []
  for (const [list, label] of [[decided.mustLink, 1], [decided.cannotLink, 0]] as const) {
    for (const [x, y] of list) {
      const [i, j] = [p.indexOf.get(x), p.indexOf.get(y)]
      if (i === undefined || j === undefined) continue
      la.push(i)
      lb.push(j)
      lab.push(label)
    }
  }
  const labelledLevels = computeLevels(p, Int32Array.from(la), Int32Array.from(lb))
  const patterns = joinPatterns(toPatterns(levels, pairs), toPatterns(labelledLevels, lab.length, Int8Array.from(lab)))
  const allPairs = (p.n * (p.n - 1)) / 2
  fitM(model, patterns, allPairs)
  // Take the matches out of the random sample, then refit m against the corrected u.
  correctU(model, randomCounts)
  fitM(model, patterns, allPairs)
  model.trainedOn.candidatePairs = pairs
  model.trainedOn.labelledPairs = lab.length
  return model
}

/**
 * Exact agreement on an identifier (same email, same phone, same external id) is rare among non-matches: a
 * few family inboxes and household landlines in tens of millions of pairs. Random pairs cannot measure that:
 * the handful of agreeing pairs a sample holds are mostly true matches, and what is left after subtracting
 * λ·m is noise that understated these weights by several bits. Blocking on the identifier puts EVERY pair
 * that agrees on it among the candidates, so EM can count the expected non-matches among them directly:
 * u = Σ (1 − P(match)) over the candidates at that level / pairs where both sides have a value.
 */
const ENUMERATED: ReadonlyArray<readonly [number, number]> = [[C.Email, 1], [C.Email, 3], [C.Phone, 1], [C.ExtId, 1]]
/** At least this many pairs' worth of non-matches per enumerated level, so a clean data set cannot make it certain. */
const ENUMERATED_MIN_NON = 2

/**
 * Runs EM on the patterns of the candidate pairs with u fixed; updates model.m and model.lambda in place.
 * Because u comes from random pairs, λ is the share of matches among ALL `totalPairs` record pairs (the
 * candidates are assumed to hold nearly every match): estimating it among candidates instead would make
 * the blocked non-matches, which agree on their blocking key, look like matches. Returns iterations used.
 */
export function fitM(model: Model, pat: Patterns, totalPairs: number, maxIter = 30, tol = 1e-5): number {
  const allPairs = Math.max(totalPairs, 1)
  let iter = 0
  for (; iter < maxIter; iter++) {
    const w = matchWeights(model)
    const pw = priorWeight(model)
    const counts = new Float64Array(totalLevels)
    const nonAtLevel = new Float64Array(ENUMERATED.length)
    let matches = 0
    for (let i = 0; i < pat.size; i++) {
      const c = pat.count[i]!
      const label = pat.label[i]!
      const prob = label >= 0 ? label : 1 / (1 + Math.pow(2, -(pw + patternWeight(pat.levels, i * K, w))))
      matches += c * prob
      for (let k = 0; k < K; k++) counts[levelOffsets[k]! + pat.levels[i * K + k]!]! += c * prob
      ENUMERATED.forEach(([k, l], e) => {
        if (pat.levels[i * K + k] === l) nonAtLevel[e]! += c * (1 - prob)
      })
    }
    const before = model.m.slice()
    blend(model.m, counts, comparisons.map((c) => c.mPrior), M_PRIOR_WEIGHT)
    if (model.valuedShare) setEnumeratedU(model, nonAtLevel, allPairs)
    model.lambda = Math.min(0.5, Math.max(1 / allPairs, (matches + LAMBDA_PRIOR_WEIGHT * model.lambda) / (allPairs + LAMBDA_PRIOR_WEIGHT)))
    const delta = model.m.reduce((d, v, i) => Math.max(d, Math.abs(v - before[i]!)), 0)
    if (delta < tol) {
      iter++
      break
    }
  }
  model.trainedOn.emIterations = iter
  return iter
}

/** u of the enumerated levels from their expected non-matches; the other levels keep their shares of the rest. */
function setEnumeratedU(model: Model, nonAtLevel: Float64Array, allPairs: number): void {
  ENUMERATED.forEach(([k, l], e) => {
    const valued = allPairs * (model.valuedShare?.[k] ?? 0)
    if (valued < 1) return
    const o = levelOffsets[k]!
    const next = Math.min(0.5, Math.max(nonAtLevel[e]!, ENUMERATED_MIN_NON) / valued)
    const old = model.u[o + l]!
    for (let x = 1; x < levelCounts[k]!; x++) if (x !== l) model.u[o + x] = model.u[o + x]! * (1 - next) / (1 - old)
    model.u[o + l] = next
  })
}
