import { describe, expect, it } from 'vitest'
import { C, K, levelCounts, levelOffsets } from './comparisons'
import { HOUSEHOLD_PENALTY, householdAdjustment, matchWeights, priorModel } from './model'

const w = matchWeights(priorModel())
const weight = (k: number, level: number): number => w[levelOffsets[k]! + level]!
const FIRST_DIFFERENT = levelCounts[C.First]! - 1
const MAILBOX = 3 // email level 'same household mailbox'

function levels(set: Partial<Record<number, number>>): Uint8Array {
  const out = new Uint8Array(K)
  for (const [k, l] of Object.entries(set)) out[Number(k)] = l!
  return out
}

describe('household rule', () => {
  it('counts a shared address, landline and family mailbox once: only the strongest', () => {
    const lv = levels({ [C.Address]: 1, [C.Phone]: 1, [C.Email]: MAILBOX })
    const strongest = Math.max(weight(C.Address, 1), weight(C.Phone, 1), weight(C.Email, MAILBOX))
    const sum = weight(C.Address, 1) + weight(C.Phone, 1) + weight(C.Email, MAILBOX)
    expect(householdAdjustment(lv, 0, w)).toBeCloseTo(strongest - sum, 9)
  })

  it('leaves one piece of household evidence alone, and a pair with none', () => {
    expect(householdAdjustment(levels({ [C.Email]: MAILBOX }), 0, w)).toBe(0)
    expect(householdAdjustment(levels({ [C.Email]: 1, [C.Address]: 3 }), 0, w)).toBe(0)
  })

  it('cancels household evidence and counts against when first names differ, unless something personal agrees', () => {
    const lv = levels({ [C.Email]: MAILBOX, [C.Address]: 1, [C.First]: FIRST_DIFFERENT })
    expect(householdAdjustment(lv, 0, w)).toBeCloseTo(-weight(C.Address, 1) - weight(C.Email, MAILBOX) + HOUSEHOLD_PENALTY, 9)
    const twinsOrTypo = levels({ [C.Email]: MAILBOX, [C.First]: FIRST_DIFFERENT, [C.Dob]: 1 })
    expect(householdAdjustment(twinsOrTypo, 0, w)).toBe(0)
  })
})

describe('matchWeights', () => {
  it('weighs a neutral level 0 whatever the fitted m and u, and other levels log2(m/u)', () => {
    const model = priorModel()
    const email = levelOffsets[C.Email]!
    model.m[email + 5] = 0.01
    model.u[email + 5] = 0.3
    model.m[email + 6] = 0.01
    model.u[email + 6] = 0.5
    const weights = matchWeights(model)
    expect(weights[email + 5]).toBe(0)
    expect(weights[email + 6]).toBeCloseTo(Math.log2(0.01 / 0.5), 9)
  })

  it('weighs the same Gmail mailbox spelled two ways as an exact address, whatever EM fitted for it', () => {
    const model = priorModel()
    const email = levelOffsets[C.Email]!
    model.m[email + 1] = 0.7
    model.u[email + 1] = 0.0001
    model.m[email + 2] = 0.02
    model.u[email + 2] = 0.0001
    const weights = matchWeights(model)
    expect(weights[email + 2]).toBe(weights[email + 1])
    expect(weights[email + 1]).toBeCloseTo(Math.log2(0.7 / 0.0001), 9)
  })
})
