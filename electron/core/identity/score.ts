import { C as Cmp, comparisons, K as Kc, levelCounts, levelOffsets as offsets } from './comparisons'
import { pairLevels } from './compare'
import { householdAdjustment, matchWeights, type Model, patternWeight, priorWeight, type Weights } from './model'
import { PatternTable } from './pattern-table'
import type { Prepared } from './prepare'

// Local copies for the per-pair loops (an imported binding is a getter once transpiled to CommonJS).
const C = { ...Cmp }
const K = Kc
const levelOffsets = Int32Array.from(offsets)

/**
 * Scoring candidate pairs: the levels of every comparison (K bytes per pair) and the match weight
 * (log2 odds: prior + level weights + household rule + term-frequency adjustment).
 */

/** Below this many named records, term frequencies are too noisy to use. */
const TF_MIN_RECORDS = 200
const TF_CLAMP = 4

/**
 * Term-frequency adjustment for an exact name agreement: agreeing on a rare surname counts more than on
 * "Smith". log2(u_exact / frequency of the value), clamped to ±4 bits.
 */
export function tfAdjustment(freq: number, total: number, uExact: number): number {
  if (total < TF_MIN_RECORDS || freq <= 0) return 0
  const tf = Math.max(freq / total, 1 / total)
  return Math.max(-TF_CLAMP, Math.min(TF_CLAMP, Math.log2(uExact / tf)))
}

/** Computes the K comparison levels of every pair (a[t], b[t]). Checks `signal` every 64k pairs. */
export function computeLevels(p: Prepared, a: Int32Array, b: Int32Array, signal?: AbortSignal,
  onProgress?: (done: number) => void): Uint8Array {
  const n = a.length
  const levels = new Uint8Array(n * K)
  for (let t = 0; t < n; t++) {
    if ((t & 0xffff) === 0 && t > 0) {
      signal?.throwIfAborted()
      onProgress?.(t)
    }
    pairLevels(p, a[t]!, b[t]!, levels, t * K)
  }
  return levels
}

/** Levels pack into a whole number (3 bits each) below 2^53 while every comparison has at most 8 levels. */
const PACKABLE = K <= 16 && levelCounts.every((c) => c <= 8)

/**
 * Match weights (log2 odds) of pairs whose levels are known: prior + levels + household rule + term frequencies.
 * The level part is worked out once per distinct pattern (a few thousand among millions of pairs) and the
 * term-frequency part once per name.
 */
export function weighPairs(p: Prepared, a: Int32Array, levels: Uint8Array, model: Model): Float64Array {
  const n = a.length
  const weight = new Float64Array(n)
  const w = matchWeights(model)
  const pw = priorWeight(model)
  if (!PACKABLE) {
    for (let t = 0; t < n; t++) weight[t] = pw + patternWeight(levels, t * K, w) + nameTf(p, a[t]!, levels, t * K, model)
    return weight
  }
  const table = new PatternTable()
  let byPattern = new Float64Array(1024)
  const tf = new NameTf(p, model)
  for (let t = 0; t < n; t++) {
    const off = t * K
    let key = 0
    for (let k = 0; k < K; k++) key = key * 8 + levels[off + k]!
    const x = table.numberOf(key)
    if (x === table.size - 1) {
      if (x === byPattern.length) {
        const grown = new Float64Array(x * 2)
        grown.set(byPattern)
        byPattern = grown
      }
      byPattern[x] = pw + patternWeight(levels, off, w)
    }
    let adj = 0
    const i = a[t]!
    if (levels[off + C.First] === 1) adj += tf.first(i)
    if (levels[off + C.Last] === 1) adj += tf.last(i)
    weight[t] = byPattern[x]! + adj
  }
  return weight
}

/** nameTf's two terms per name code, each worked out on first use. */
class NameTf {
  private readonly firstOf: Float64Array
  private readonly lastOf: Float64Array
  private readonly uFirst: number
  private readonly uLast: number
  constructor(private readonly p: Prepared, model: Model) {
    let codes = 0
    for (let i = 0; i < p.n; i++) codes = Math.max(codes, p.fnCode[i]! + 1, p.lnCode[i]! + 1)
    this.firstOf = new Float64Array(codes).fill(NaN)
    this.lastOf = new Float64Array(codes).fill(NaN)
    this.uFirst = model.u[levelOffsets[C.First]! + 1]!
    this.uLast = model.u[levelOffsets[C.Last]! + 1]!
  }

  first(i: number): number {
    const c = this.p.fnCode[i]!
    let v = this.firstOf[c]!
    if (Number.isNaN(v)) v = this.firstOf[c] = tfAdjustment(this.p.fnFreq.get(this.p.fn[i]!) ?? 0, this.p.fnTotal, this.uFirst)
    return v
  }

  last(i: number): number {
    const c = this.p.lnCode[i]!
    let v = this.lastOf[c]!
    if (Number.isNaN(v)) v = this.lastOf[c] = tfAdjustment(this.p.lnFreq.get(this.p.ln[i]!) ?? 0, this.p.lnTotal, this.uLast)
    return v
  }
}

function nameTf(p: Prepared, i: number, levels: Uint8Array, off: number, model: Model): number {
  let adj = 0
  if (levels[off + C.First] === 1) {
    adj += tfAdjustment(p.fnFreq.get(p.fn[i]!) ?? 0, p.fnTotal, model.u[levelOffsets[C.First]! + 1]!)
  }
  if (levels[off + C.Last] === 1) {
    adj += tfAdjustment(p.lnFreq.get(p.ln[i]!) ?? 0, p.lnTotal, model.u[levelOffsets[C.Last]! + 1]!)
  }
  return adj
}

/** One line of a pair's evidence: the data of one bar of a waterfall chart. */
export interface EvidenceItem {
  comparison: string
  level: string
  a: string
  b: string
  weight: number
}

export interface PairEvidence {
  prior: number
  items: EvidenceItem[]
  weight: number
  probability: number
}

const displayValues = (p: Prepared, i: number, k: number): string => {
  switch (k) {
    case C.First: return p.fn[i]!
    case C.Last: return p.ln[i]!
    case C.Dob: return p.dob[i]!
    case C.Address: return [p.houseNo[i], p.streetText[i], p.postcode[i], p.city[i], p.region[i]].filter(Boolean).join(', ')
    case C.Email: return p.email[i]!
    case C.Phone: return p.phone[i]!
    case C.Company: return p.company[i]!.join(' ')
    default: return p.extIds[i]!.join(' ')
  }
}

/**
 * The evidence of one scored pair: prior, each comparison's level, values and weight, and the rule adjustments.
 * `known` passes the pair's K levels when they are already computed.
 */
export function pairEvidence(p: Prepared, i: number, j: number, model: Model, w: Weights = matchWeights(model), known?: Uint8Array): PairEvidence {
  const lv = known ?? new Uint8Array(K)
  if (!known) pairLevels(p, i, j, lv, 0)
  const items: EvidenceItem[] = []
  for (let k = 0; k < K; k++) {
    const l = lv[k]!
    const weight = w[levelOffsets[k]! + l]!
    if (k === C.First && l === 1) items.push(tfItem('first_name', p, i, j, weight, tfOf(p, i, lv, model, C.First)))
    else if (k === C.Last && l === 1) items.push(tfItem('last_name', p, i, j, weight, tfOf(p, i, lv, model, C.Last)))
    else items.push({ comparison: comparisons[k]!.name, level: l === 0 ? 'null' : comparisons[k]!.levels[l - 1]!, a: displayValues(p, i, k), b: displayValues(p, j, k), weight })
  }
  const household = householdAdjustment(lv, 0, w)
  if (household !== 0) items.push({ comparison: 'household', level: household < -1 && lv[C.First] === 4 ? 'first names differ in a shared household' : 'household evidence counted once', a: '', b: '', weight: household })
  const prior = priorWeight(model)
  const weight = prior + items.reduce((s, x) => s + x.weight, 0)
  return { prior, items, weight, probability: 1 / (1 + Math.pow(2, -weight)) }
}

function tfOf(p: Prepared, i: number, lv: Uint8Array, model: Model, k: number): number {
  const only = new Uint8Array(K)
  only[k] = lv[k]!
  return nameTf(p, i, only, 0, model)
}

function tfItem(name: string, p: Prepared, i: number, j: number, base: number, tf: number): EvidenceItem {
  const a = name === 'first_name' ? p.fn[i]! : p.ln[i]!
  const b = name === 'first_name' ? p.fn[j]! : p.ln[j]!
  return { comparison: name, level: tf >= 0 ? 'exact (uncommon value)' : 'exact (common value)', a, b, weight: base + tf }
}
