import { afterEach, expect, it } from 'vitest'
import { resolve } from '../../electron/core/identity/resolve'
import { setThresholds } from '../../electron/core/identity/thresholds'
import { approve, explain, listReviews, reject, removeRecord, undo } from '../../electron/core/identity/review'
import { seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

const ana = { actor: 'ana' }
const profile = (id: number) => t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number

/** A clear duplicate (auto), a shared family inbox and a work-vs-personal email (both to review). */
function workspace() {
  t = tempWorkspace()
  const ids = seedRecords(t.ws, [
    { source: 'crm', first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@example.com', phone: '+14155550101', street: '1 Oak St', postcode: '94110', city: 'San Francisco' },
    { source: 'shop', first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@example.com', phone: '+14155550101', street: '1 Oak St', postcode: '94110', city: 'San Francisco' },
    { source: 'crm', first_name: 'Tom', last_name: 'Berg', email: 'bergs@example.com', street: '9 Elm Rd', postcode: '10001', city: 'New York' },
    { source: 'shop', first_name: 'Tina', last_name: 'Berg', email: 'bergs@example.com', street: '9 Elm Rd', postcode: '10001', city: 'New York' },
    { source: 'crm', first_name: 'Max', last_name: 'Ruiz', email: 'max.ruiz@example.com' },
    { source: 'shop', first_name: 'Maxwell', last_name: 'Ruiz', email: 'mruiz@work.example.org', city: 'Boston' },
  ])
  // A wide review band so this tiny workspace has a queue; the rules under test do not depend on where the thresholds sit.
  setThresholds(t.ws, { autoMerge: 0.99, review: 0.01 })
  return ids as [number, number, number, number, number, number]
}

it('resolve → review → re-run honours every decision, and undo re-opens the question', async () => {
  const [a, b, tom, tina, max, maxwell] = workspace()
  await resolve(t.ws)
  expect(profile(a)).toBe(profile(b))
  const queue = listReviews(t.ws)
  const item = (x: number, y: number) => queue.find((i) => i.recordA === Math.min(x, y) && i.recordB === Math.max(x, y))!
  expect(queue.map((i) => [i.recordA, i.recordB]).sort()).toEqual([[tom, tina], [max, maxwell]].sort())

  approve(t.ws, item(max, maxwell).id, ana)
  reject(t.ws, item(tom, tina).id, { actor: 'ana', reason: 'family inbox' })
  removeRecord(t.ws, b, { actor: 'ana', reason: 'test split' })
  expect(profile(a)).not.toBe(profile(b))

  await resolve(t.ws, { full: true })
  expect(profile(max)).toBe(profile(maxwell))
  expect(profile(tom)).not.toBe(profile(tina))
  expect(profile(a)).not.toBe(profile(b)) // the split survives a full re-run
  expect(listReviews(t.ws)).toEqual([]) // decided pairs are not asked again

  const why = explain(t.ws, { recordA: max, recordB: maxwell })
  expect(why.path).toMatchObject([{ kind: 'approved', actor: 'ana' }])
  expect(why.pair.evidence.length).toBeGreaterThan(3)

  undo(t.ws, { actor: 'ana', reviewId: item(max, maxwell).id })
  expect(profile(max)).not.toBe(profile(maxwell))
  await resolve(t.ws, { full: true })
  expect(profile(max)).not.toBe(profile(maxwell))
  expect(listReviews(t.ws).map((i) => i.id)).toEqual([item(max, maxwell).id])
})

it('asks once per two profiles, however many of their records pair up, and not again after a rejection', async () => {
  t = tempWorkspace()
  const berg = (first_name: string, source: string) => ({ source, first_name, last_name: 'Berg', email: 'bergs@example.com', street: '9 Elm Rd', postcode: '10001', city: 'New York' })
  // Tom and Tina, each in two sources: two clear profiles joined by four pairs of the same family-inbox question.
  const [tom1, tom2, tina1, tina2] = seedRecords(t.ws, [berg('Tom', 'crm'), berg('Tom', 'shop'), berg('Tina', 'crm'), berg('Tina', 'shop')]) as [number, number, number, number]
  setThresholds(t.ws, { autoMerge: 0.99, review: 0.01 })
  await resolve(t.ws)
  expect(profile(tom1)).toBe(profile(tom2))
  expect(profile(tina1)).toBe(profile(tina2))
  const queue = listReviews(t.ws)
  expect(queue).toHaveLength(1)
  const toms = [tom1, tom2]
  expect(toms.includes(queue[0]!.recordA) !== toms.includes(queue[0]!.recordB)).toBe(true)

  reject(t.ws, queue[0]!.id, { actor: 'ana', reason: 'family inbox' })
  await resolve(t.ws, { full: true })
  expect(profile(tom1)).not.toBe(profile(tina1))
  expect(listReviews(t.ws)).toEqual([])
})

it('an incremental run does not ask again about two profiles an earlier item still asks about', async () => {
  t = tempWorkspace()
  const surnames = ['Berg', 'Lund', 'Moss', 'Hale', 'Voss', 'Ruiz', 'Kerr', 'Dunn', 'Pike', 'Shaw']
  const member = (first_name: string, last: string, source: string) => {
    const k = surnames.indexOf(last)
    return { source, first_name, last_name: last, email: `the${last.toLowerCase()}s@example.com`, street: `${k + 1} Elm Rd`, postcode: `1000${k}`, city: 'New York' }
  }
  // Ten family inboxes, each shared by Tom and Tina: ten pending questions.
  seedRecords(t.ws, surnames.flatMap((s) => [member('Tom', s, 'crm'), member('Tina', s, 'crm')]))
  setThresholds(t.ws, { autoMerge: 0.99, review: 0.01 })
  await resolve(t.ws)
  expect(listReviews(t.ws)).toHaveLength(10)
  // Tina Berg again, from the shop: she joins Tina's profile (an auto-merge, with this tiny workspace's model
  // once the band is wide enough) and pairs with Tom's, a question already pending.
  const [again] = seedRecords(t.ws, [member('Tina', 'Berg', 'shop')])
  setThresholds(t.ws, { autoMerge: 0.5, review: 0.01 })
  const run = await resolve(t.ws)
  expect(profile(again!)).toBe(profile(2))
  expect(run.newRecords).toBe(1)
  const queue = listReviews(t.ws)
  expect(queue).toHaveLength(10)
  expect(queue.filter((i) => [i.recordA, i.recordB].some((r) => profile(r) === profile(again!)))).toHaveLength(1)
})
