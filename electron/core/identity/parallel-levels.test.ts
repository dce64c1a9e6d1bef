import { afterEach, expect, it } from 'vitest'
import { seedFebrl } from '../../../test/helpers/seed-febrl'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { candidatePairs } from './blocking'
import { computeLevelsParallel } from './parallel-levels'
import { prepareRecords } from './prepare'
import { computeLevels } from './score'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('computes the same levels with a worker thread as on this thread alone', async () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const p = prepareRecords(t.ws.sqlite)
  const { a, b } = candidatePairs(p)
  expect(a.length).toBeGreaterThan(1000)
  const alone = computeLevels(p, a, b)
  const parallel = await computeLevelsParallel(p, a, b, undefined, 1)
  expect(parallel.usedWorker).toBe(true)
  expect(parallel.levels).toEqual(alone)
  const small = await computeLevelsParallel(p, a, b)
  expect(small.usedWorker).toBe(false)
  expect(small.levels).toEqual(alone)
})
