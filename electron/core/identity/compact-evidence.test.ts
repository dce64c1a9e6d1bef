import { describe, expect, it } from 'vitest'
import { CompactEvidence, compactForm, expandCompact } from './compact-evidence'
import { C, comparisons, K, levelOffsets } from './comparisons'
import { householdAdjustment, matchWeights, priorModel, priorWeight } from './model'

const levels = (set: Partial<Record<keyof typeof C, number>>): Uint8Array => {
  const lv = new Uint8Array(K)
  for (const [name, l] of Object.entries(set)) lv[C[name as keyof typeof C]] = l
  return lv
}

describe('compact evidence', () => {
  const model = priorModel(0.01)
  const w = matchWeights(model)
  const plain = (lv: Uint8Array): number => priorWeight(model) + [...lv].reduce((s, l, k) => s + w[levelOffsets[k]! + l]!, 0)
    + householdAdjustment(lv, 0, w)

  it.each([
    ['names and email exact, a name-frequency part', levels({ First: 1, Last: 1, Email: 1 }), 1.25],
    ['household: same address and phone, first names differ', levels({ First: 4, Last: 1, Address: 1, Phone: 1 }), 0],
    ['nothing compared', levels({}), 0],
  ])('%s: expands to items that add up to the stored weight', (_name, lv, tf) => {
    const weight = plain(lv) + tf
    const json = new CompactEvidence(w, model).of(lv, weight)
    expect(json.length).toBeLessThan(60)
    const form = compactForm(JSON.parse(json))!
    expect(form.levels).toEqual([...lv])
    const { prior, items } = expandCompact(form, model)
    expect(prior + items.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(weight, 2)
    expect(items.map((x) => x.comparison)).toEqual(expect.arrayContaining([...lv].flatMap((l, k) => (l === 0 ? [] : [comparisons[k]!.name]))))
    expect(items.some((x) => x.comparison === 'name frequency')).toBe(tf !== 0)
  })

  it.each([
    ['full evidence', { prior: -3, comparisons: [] }],
    ['an array', [1, 2]],
    ['levels of the wrong length', { levels: [1, 1] }],
    ['a level out of range', { levels: new Array(K).fill(9) }],
  ])('does not take %s for the compact form', (_name, v) => {
    expect(compactForm(v)).toBeNull()
  })
})
