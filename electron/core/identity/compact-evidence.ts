import { comparisons, K, levelCounts, levelOffsets } from './comparisons'
import { householdAdjustment, matchWeights, type Model, priorWeight, type Weights } from './model'

/**
 * The evidence of stored pairs that are not queued for review (auto merges and non-matches), kept as the
 * pair's comparison levels and the names' term-frequency part: `{"levels":[1,1,0,…],"tf":0.52}`. The weights
 * come back from the model of the run that scored the pair (match_runs.model), so the items still add up to
 * the stored weight. The JSON of every item written out was most of a large run's bytes (about 340 of 400 per
 * row), and bytes are what a big transaction pays for: writing, the index builds' scans, the commit.
 */
export interface CompactForm {
  levels: number[]
  /** What the levels' weights do not explain: the term-frequency adjustment of exactly agreeing names. */
  tf: number
}

/** One item of expanded evidence (values are not stored: explain reads them from the records). */
export interface CompactItem {
  comparison: string
  level: string
  weight: number
}

const round = (x: number): number => Math.round(x * 1000) / 1000

/** Writes compact evidence, the base weight of each level pattern memoised. */
export class CompactEvidence {
  private readonly memo = new Map<string, number>()
  private readonly prior: number
  constructor(private readonly w: Weights, model: Model) {
    this.prior = priorWeight(model)
  }

  /** The compact JSON of a pair with levels `lv` (K entries) and final weight `weight`. */
  of(lv: Uint8Array, weight: number): string {
    let key = ''
    for (let k = 0; k < K; k++) key += k === 0 ? lv[k]! : `,${lv[k]!}`
    let base = this.memo.get(key)
    if (base === undefined) {
      base = patternWeight(lv, this.w)
      if (this.memo.size < 100_000) this.memo.set(key, base)
    }
    const tf = round(weight - this.prior - base)
    return tf === 0 ? `{"levels":[${key}]}` : `{"levels":[${key}],"tf":${tf}}`
  }
}

/** The plain weight of a level pattern: each comparison's level weight plus the household adjustment. */
function patternWeight(lv: Uint8Array, w: Weights): number {
  let base = 0
  for (let k = 0; k < K; k++) base += w[levelOffsets[k]! + lv[k]!]!
  return base + householdAdjustment(lv, 0, w)
}

/** The compact form in parsed stored evidence, or null when it is another form (full or older evidence). */
export function compactForm(v: unknown): CompactForm | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null
  const o = v as Record<string, unknown>
  const levels = o.levels
  if (!Array.isArray(levels) || levels.length !== K) return null
  if (!levels.every((l, k) => Number.isInteger(l) && (l as number) >= 0 && (l as number) < levelCounts[k]!)) return null
  return { levels: levels as number[], tf: typeof o.tf === 'number' && Number.isFinite(o.tf) ? o.tf : 0 }
}

/**
 * The prior and items of compact evidence under the model that scored it: per non-null comparison its level
 * label and weight, the household adjustment, and the names' frequency adjustment, as the resolver's compact
 * evidence always listed them. Throws nothing.
 */
export function expandCompact(form: CompactForm, model: Model): { prior: number; items: CompactItem[] } {
  const w = matchWeights(model)
  const lv = Uint8Array.from(form.levels)
  const items: CompactItem[] = []
  for (let k = 0; k < K; k++) {
    const l = lv[k]!
    if (l === 0) continue
    items.push({ comparison: comparisons[k]!.name, level: comparisons[k]!.levels[l - 1]!, weight: round(w[levelOffsets[k]! + l]!) })
  }
  const household = householdAdjustment(lv, 0, w)
  if (household !== 0) items.push({ comparison: 'household', level: 'address and phone evidence adjusted', weight: round(household) })
  if (form.tf !== 0) items.push({ comparison: 'name frequency', level: 'adjustment', weight: form.tf })
  return { prior: round(priorWeight(model)), items }
}
