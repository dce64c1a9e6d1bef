import { afterEach, describe, expect, it } from 'vitest'
import { resolve } from '../../electron/core/identity'
import { type SeedRecord, seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

/**
 * Band and clustering rules found by classifying the evaluation generator's errors, each on records that
 * show it, resolved through the real pipeline in a real encrypted workspace.
 */
let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

const profileOf = (id: number): number => t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(id) as number
const queuedPairs = (): Array<[number, number]> => t.ws.sqlite.prepare(`SELECT p.record_a, p.record_b FROM review_items i
  JOIN match_pairs p ON p.id = i.pair_id WHERE i.status = 'pending'`).raw().all() as Array<[number, number]>

/** Unrelated people, so the model has non-matches to learn from. */
const crowd: SeedRecord[] = [
  ['Olivia', 'Brown', 'Leeds'], ['Noah', 'Wilson', 'York'], ['Emma', 'Taylor', 'Bath'], ['Liam', 'Davies', 'Hull'],
  ['Ava', 'Evans', 'Derby'], ['Mason', 'Thomas', 'Ely'], ['Sophia', 'Roberts', 'Wells'], ['Lucas', 'Walker', 'Truro'],
].map(([first_name, last_name, city], i) => ({
  first_name, last_name, city, email: `${first_name!.toLowerCase()}${i}@mail.test`, phone: `+4420700000${i}`, birth_date: `19${70 + i}-0${(i % 9) + 1}-1${i}`,
}))

describe('identity quality rules', () => {
  it('sends a nameless signup at a mailbox named like a household to review, not onto one member', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, crowd)
    // The mailbox is named after the family she married into (or her mother's): it does not spell her surname.
    // The signup also gives the household's landline: still any member of the household.
    const [anna, signup] = seedRecords(t.ws, [
      { first_name: 'Anna', last_name: 'Edwards', email: 'smithhome@mail.test', phone: '+441134960000', street: '4 Elm Way', city: 'Leeds', postcode: 'LS1 4AB', source: 'shop' },
      { email: 'smithhome@mail.test', phone: '+441134960000', source: 'newsletter' },
    ])
    await resolve(t.ws)
    expect(profileOf(anna!)).not.toBe(profileOf(signup!))
    expect(queuedPairs()).toContainEqual([anna, signup])
  })

  it('still merges a nameless signup at a personal mailbox', async () => {
    t = tempWorkspace()
    seedRecords(t.ws, crowd)
    const [anna, signup] = seedRecords(t.ws, [
      { first_name: 'Anna', last_name: 'Watson', email: 'anna.watson@mail.test', phone: '+441134960000', street: '4 Elm Way', city: 'Leeds', postcode: 'LS1 4AB', source: 'shop' },
      { email: 'anna.watson@mail.test', phone: '+441134960000', source: 'newsletter' },
    ])
    await resolve(t.ws)
    expect(profileOf(anna!)).toBe(profileOf(signup!))
  })
})
