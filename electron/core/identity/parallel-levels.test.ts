import { afterEach, expect, it } from 'vitest'
import { seedFebrl } from '../../../test/helpers/seed-febrl'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { candidatePairs } from './blocking'
import { computeLevelsParallel } from './parallel-levels'
import { prepareRecords } from './prepare'
import { computeLevels } from './score'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('computes the same levels with a worker thread (alone, or sharing the chunks) as on this thread alone', async () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  expect(a.length).toBeGreaterThan(1000)
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

it('stops with the signal\'s reason when aborted, worker and all', async () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  const controller = new AbortController()
  controller.abort(new Error('cancelled'))
  await expect(computeLevelsParallel(p, a, b, controller.signal, { minPairs: 1 })).rejects.toThrow('cancelled')
})
