import { describe, expect, it } from 'vitest'
import { C, comparisons, K, levelCounts, levelOffsets } from './comparisons'
import { priorModel } from './model'
import { fitM, rng, toPatterns } from './train'

/** Draws a level 1.. from probabilities over levels 1.. */
function draw(probs: readonly number[], r: number): number {
  let acc = 0
  for (let l = 0; l < probs.length; l++) {
    acc += probs[l]!
    if (r < acc) return l + 1
  }
  return probs.length
}

// The comparisons simulated: names, date, email, company (address and phone stay null so the household rule stays out).
const simulated = [C.First, C.Last, C.Dob, C.Email, C.Company]
const trueM: Record<number, number[]> = {
  [C.First]: [0.7, 0.2, 0.05, 0.05], [C.Last]: [0.9, 0.05, 0.03, 0.02], [C.Dob]: [0.75, 0.15, 0.05, 0.05],
  [C.Email]: [0.6, 0.1, 0.1, 0.2], [C.Company]: [0.5, 0.3, 0.2],
}
const trueU: Record<number, number[]> = {
  [C.First]: [0.02, 0.01, 0.05, 0.92], [C.Last]: [0.01, 0.01, 0.03, 0.95], [C.Dob]: [0.002, 0.01, 0.05, 0.938],
  [C.Email]: [0.001, 0.001, 0.01, 0.988], [C.Company]: [0.05, 0.1, 0.85],
}

describe('EM (fitM)', () => {
  it('recovers known m-probabilities and λ from simulated pairs with u known', () => {
    const pairs = 100_000
    const lambda = 0.03
    const levels = new Uint8Array(pairs * K)
    const rand = rng(42)
    for (let t = 0; t < pairs; t++) {
      const match = rand() < lambda
      for (const k of simulated) levels[t * K + k] = draw((match ? trueM : trueU)[k]!, rand())
    }
    const model = priorModel(0.001)
    for (const k of simulated) trueU[k]!.forEach((v, l) => (model.u[levelOffsets[k]! + l + 1] = v))
    const iterations = fitM(model, toPatterns(levels, pairs), pairs, 100, 1e-7)
    expect(iterations).toBeGreaterThan(1)
    expect(model.lambda).toBeGreaterThan(lambda * 0.9)
    expect(model.lambda).toBeLessThan(lambda * 1.1)
    for (const k of simulated) {
      trueM[k]!.forEach((v, l) => expect(model.m[levelOffsets[k]! + l + 1], `${comparisons[k]!.name} level ${l + 1}`).toBeCloseTo(v, 1))
    }
  })

  it('counts labelled pairs as known matches and non-matches', () => {
    const levels = new Uint8Array(4 * K)
    levels[C.First] = 1
    levels[K + C.First] = 1
    levels[2 * K + C.First] = 4
    levels[3 * K + C.First] = 4
    const pat = toPatterns(levels, 4, Int8Array.from([1, 1, 0, -1]))
    expect(pat.size).toBe(3)
    expect([...pat.count].sort()).toEqual([1, 1, 2])
    const model = priorModel(0.01)
    fitM(model, pat, 4)
    // Only labelled matches agree on the first name: m(exact) rises above the prior.
    expect(model.m[levelOffsets[C.First]! + 1]).toBeGreaterThan(comparisons[C.First]!.mPrior[0]!)
  })

  it('keeps every m a probability distribution over the non-null levels', () => {
    const model = priorModel()
    fitM(model, toPatterns(new Uint8Array(K), 1), 10)
    for (let k = 0; k < K; k++) {
      let sum = 0
      for (let l = 1; l < levelCounts[k]!; l++) sum += model.m[levelOffsets[k]! + l]!
      expect(sum).toBeCloseTo(1, 6)
    }
  })

  it('counts the non-matches among candidates that share an email into u (blocking enumerates them all)', () => {
    // 300 matches agree on names and email; 40 non-matches share an email (a family inbox) with other names.
    const pairs = 340
    const levels = new Uint8Array(pairs * K)
    for (let t = 0; t < pairs; t++) {
      const match = t < 300
      levels[t * K + C.First] = match ? 1 : 4
      levels[t * K + C.Last] = match ? 1 : 4
      levels[t * K + C.Email] = 1
    }
    const allPairs = 5_000_000
    const model = priorModel(1e-4)
    model.valuedShare = new Array<number>(K).fill(0.8)
    fitM(model, toPatterns(levels, pairs), allPairs)
    const u = model.u[levelOffsets[C.Email]! + 1]!
    expect(u).toBeGreaterThan((40 * 0.9) / (allPairs * 0.8))
    expect(u).toBeLessThan((40 * 1.1) / (allPairs * 0.8))
    let sum = 0
    for (let l = 1; l < levelCounts[C.Email]!; l++) sum += model.u[levelOffsets[C.Email]! + l]!
    expect(sum).toBeCloseTo(1, 6)
    // A model without the share (one loaded from a run) keeps its u.
    const stored = priorModel(1e-4)
    const before = stored.u[levelOffsets[C.Email]! + 1]
    fitM(stored, toPatterns(levels, pairs), allPairs)
    expect(stored.u[levelOffsets[C.Email]! + 1]).toBe(before)
  })
})
