import type { EvidenceItem, Waterfall, WaterfallStep } from './types'

/**
 * Reads the resolver's `match_pairs.evidence` JSON into comparison items. The resolver is built in
 * parallel, so this accepts the plausible shapes rather than one: an array of comparisons, an object
 * with a `comparisons` array (and optionally a prior weight), or an object keyed by comparison name.
 * Per comparison: name (`comparison` | `field` | `name` | key), level (`level` | `label`), the two
 * values (`a`/`b`, `valueA`/`valueB`, `value_a`/`value_b`, or `values: [a, b]`) and `weight`.
 * Never throws: malformed JSON or entries yield fewer items, not a crash in the review screen.
 */
export function parseEvidence(json: string): { items: EvidenceItem[]; prior: number | null } {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return { items: [], prior: null }
  }
  if (Array.isArray(raw)) return { items: itemsFromArray(raw), prior: null }
  if (!isObject(raw)) return { items: [], prior: null }
  const prior = firstNumber(raw, ['prior', 'priorWeight', 'prior_weight'])
  const list = raw.comparisons ?? raw.items ?? raw.fields
  if (Array.isArray(list)) return { items: itemsFromArray(list), prior }
  if (isObject(list)) return { items: itemsFromMap(list), prior }
  return { items: itemsFromMap(raw), prior }
}

/**
 * The waterfall of a pair's score: the prior, then each comparison's weight with a running total, and
 * the final probability. When the evidence states no prior, the prior is the part of the stored weight
 * the comparisons do not explain, so the bars always add up to the stored weight.
 */
export function waterfall(items: EvidenceItem[], prior: number | null, weight: number, probability: number): Waterfall {
  const sum = items.reduce((s, i) => s + i.weight, 0)
  const start = prior ?? weight - sum
  const steps: WaterfallStep[] = [{ label: 'prior', level: null, valueA: null, valueB: null, weight: start, total: start }]
  let total = start
  for (const i of items) {
    total += i.weight
    steps.push({ label: i.comparison, level: i.level, valueA: i.valueA, valueB: i.valueB, weight: i.weight, total })
  }
  return { steps, finalWeight: total, probability }
}

/** Match probability of a log2 match weight (the Fellegi-Sunter posterior odds 2^w). */
export function probabilityOfWeight(weight: number): number {
  const odds = 2 ** weight
  return Number.isFinite(odds) ? odds / (1 + odds) : 1
}

function itemsFromArray(list: unknown[]): EvidenceItem[] {
  const out: EvidenceItem[] = []
  for (const entry of list) {
    const item = isObject(entry) ? toItem(entry, null) : null
    if (item) out.push(item)
  }
  return out
}

function itemsFromMap(map: Record<string, unknown>): EvidenceItem[] {
  const out: EvidenceItem[] = []
  for (const [key, entry] of Object.entries(map)) {
    const item = isObject(entry) ? toItem(entry, key) : null
    if (item) out.push(item)
  }
  return out
}

function toItem(o: Record<string, unknown>, key: string | null): EvidenceItem | null {
  const weight = firstNumber(o, ['weight', 'w', 'matchWeight'])
  const comparison = firstString(o, ['comparison', 'field', 'name']) ?? key
  if (weight === null || comparison === null) return null
  const values = Array.isArray(o.values) ? o.values : null
  return {
    comparison,
    level: firstString(o, ['level', 'label', 'levelLabel']) ?? '',
    valueA: values ? display(values[0]) : display(o.a ?? o.valueA ?? o.value_a),
    valueB: values ? display(values[1]) : display(o.b ?? o.valueB ?? o.value_b),
    weight,
  }
}

function display(v: unknown): string | null {
  if (v === null || v === undefined) return null
  return typeof v === 'string' ? v : JSON.stringify(v)
}

function firstNumber(o: Record<string, unknown>, keys: string[]): number | null {
  for (const k of keys) {
    const v = o[k]
    if (typeof v === 'number' && Number.isFinite(v)) return v
  }
  return null
}

function firstString(o: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k]
    if (typeof v === 'string') return v
  }
  return null
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
