import { afterEach, expect, it } from 'vitest'
import { seedFebrl } from '../../../test/helpers/seed-febrl'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { candidatePairs } from './blocking'
import { computeLevelsParallel } from './parallel-levels'
import { prepareRecords } from './prepare'
import { computeLevels } from './score'
import { priorModel } from './model'
import { estimateU, randomPairs } from './train'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('computes the same levels with a worker thread (alone, or sharing the chunks) as on this thread alone', async () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  expect(a.length).toBeGreaterThan(500)
  const alone = computeLevels(p, a, b)
  const byWorker = await computeLevelsParallel(p, a, b, undefined, { minPairs: 1, workerOnly: true })
  expect(byWorker.usedWorker).toBe(true)
  expect(Buffer.from(byWorker.levels).equals(Buffer.from(alone))).toBe(true)
  const shared = await computeLevelsParallel(p, a, b, undefined, { minPairs: 1 })
  expect(shared.usedWorker).toBe(true)
  expect(Buffer.from(shared.levels).equals(Buffer.from(alone))).toBe(true)
  const small = await computeLevelsParallel(p, a, b)
  expect(small.usedWorker).toBe(false)
  expect(small.levels).toEqual(alone)
})

it('computes the levels of extra pairs (training\'s random pairs) along with the candidates', async () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  const extra = randomPairs(p.n, 5000)
  const alone = computeLevels(p, extra.a, extra.b)
  for (const minPairs of [1, Infinity]) {
    const both = await computeLevelsParallel(p, a, b, undefined, { minPairs, extra })
    expect(Buffer.from(both.levels).equals(Buffer.from(computeLevels(p, a, b)))).toBe(true)
    expect(Buffer.from(both.extraLevels!).equals(Buffer.from(alone))).toBe(true)
  }
  // estimateU counts the same from levels handed to it as from its own.
  const [m1, m2] = [priorModel(0.01), priorModel(0.01)]
  expect(estimateU(p, m1, 5000, 1, alone)).toEqual(estimateU(p, m2, 5000))
  expect(m1).toEqual(m2)
})

it('runs this thread\'s own work once before it joins in, the worker taking chunks meanwhile, and the levels are the same', async () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  const alone = computeLevels(p, a, b)
  for (const minPairs of [1, Infinity]) {
    let calls = 0
    const r = await computeLevelsParallel(p, a, b, undefined, { minPairs, meanwhile: () => void calls++ })
    expect(calls).toBe(1)
    expect(r.usedWorker).toBe(minPairs === 1)
    expect(Buffer.from(r.levels).equals(Buffer.from(alone))).toBe(true)
  }
})

it('stops with the signal\'s reason when aborted, worker and all', async () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  const controller = new AbortController()
  controller.abort(new Error('cancelled'))
  await expect(computeLevelsParallel(p, a, b, controller.signal, { minPairs: 1 })).rejects.toThrow('cancelled')
})
