import { afterEach, expect, it } from 'vitest'
import { seedFebrl } from '../../../test/helpers/seed-febrl'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { prepareRecords } from './prepare'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('prepares a record the same whether the whole workspace or only some ids are loaded, and finds it by id', () => {
  t = tempWorkspace()
  seedFebrl(t.ws, ['dataset1.csv'])
  const cache = t.ws.sqlite.pragma('cache_size', { simple: true })
  const all = prepareRecords(t.ws.sqlite)
  // The whole-workspace read runs with a small page cache and gives the workspace's own back.
  expect(t.ws.sqlite.pragma('cache_size', { simple: true })).toBe(cache)
  const ids = [all.id[7]!, all.id[3]!, all.id[all.n - 1]!]
  const some = prepareRecords(t.ws.sqlite, ids)
  expect(some.n).toBe(3)
  for (const id of ids) {
    const [i, j] = [all.indexOf.get(id)!, some.indexOf.get(id)!]
    expect(some.id[j]).toBe(id)
    for (const field of ['fn', 'ln', 'fnMeta', 'lnMeta', 'dob', 'houseNo', 'street', 'postcode', 'city', 'email', 'emailMatch', 'phone', 'phone7', 'company', 'extIds'] as const) {
      expect(some[field][j], field).toEqual(all[field][i])
    }
  }
  expect(all.indexOf.get(-1)).toBeUndefined()
  expect(some.indexOf.get(all.id[4]!)).toBeUndefined()
  expect(all.indexOf.get(all.id[0]!)).toBe(0)
})
