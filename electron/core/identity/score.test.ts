import { afterEach, expect, it } from 'vitest'
import { seedFebrl } from '../../../test/helpers/seed-febrl'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { candidatePairs } from './blocking'
import { C, K, levelOffsets } from './comparisons'
import { matchWeights, patternWeight, priorModel, priorWeight } from './model'
import { prepareRecords } from './prepare'
import { computeLevels, tfAdjustment, weighPairs } from './score'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('weighs every pair as prior + level weights + household rule + name frequencies, worked out per pattern', () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  const levels = computeLevels(p, a, b)
  const model = priorModel(0.001)
  const w = matchWeights(model)
  const weights = weighPairs(p, a, levels, model)
  let exactNames = 0
  for (let x = 0; x < a.length; x++) {
    const off = x * K
    let tf = 0
    if (levels[off + C.First] === 1) tf += tfAdjustment(p.fnFreq.get(p.fn[a[x]!]!) ?? 0, p.fnTotal, model.u[levelOffsets[C.First]! + 1]!)
    if (levels[off + C.Last] === 1) tf += tfAdjustment(p.lnFreq.get(p.ln[a[x]!]!) ?? 0, p.lnTotal, model.u[levelOffsets[C.Last]! + 1]!)
    if (levels[off + C.Last] === 1) exactNames++
    expect(weights[x]).toBe(priorWeight(model) + patternWeight(levels, off, w) + tf)
  }
  expect(exactNames).toBeGreaterThan(100)
})
