import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { importFile } from '..'
import { sameFirstName } from './event-owners'

let t: ReturnType<typeof tempWorkspace>
beforeEach(() => { t = tempWorkspace() })
afterEach(() => t.dispose())

const write = (name: string, lines: string[]): string => t.tmp.lines(name, lines)
const customers = { kind: 'person', columns: { first: 'first_name', last: 'last_name', email: 'email', phone: 'phone' } } as const
const orders = { kind: 'event', eventType: 'order', columns: { order: 'event_key', email: 'email', name: 'full_name', total: 'amount' }, currency: 'USD' } as const

/** Which first name's record each order went to, by order number, for every event row. */
const ownerOfOrders = (): Record<string, string | null> => Object.fromEntries((t.ws.sqlite.prepare(`SELECT e.source_key AS k, r.first_name AS f
  FROM events e JOIN records r ON r.id = e.record_id ORDER BY e.id`).all() as Array<{ k: string; f: string | null }>).map((r) => [r.k, r.f]))

describe('event owners at a shared mailbox', () => {
  it.each([
    ['bill', 'william', true], ['w', 'william', true], ['anna', 'anna', true], ['anna', 'bob', false], ['', 'anna', false], ['jon', 'john', true], ['jane', 'jade', false],
  ])('%j and %j name one person: %s', (a, b, same) => {
    expect(sameFirstName(a, b)).toBe(same)
  })

  it('gives each order to the household member it names, keeps an order\'s lines together, and creates a record for an unknown buyer', async () => {
    await importFile(t.ws, write('customers.csv', ['first,last,email,phone',
      'Anna,Smith,thesmiths@mail.example,+1 202 555 0101', 'William,Smith,thesmiths@mail.example,+1 202 555 0101']), { mapping: customers, defaultCountry: 'US' })
    const r = await importFile(t.ws, write('orders.csv', ['order,email,name,total',
      '#1,thesmiths@mail.example,Bill Smith,10.00', '#1,thesmiths@mail.example,,2.00', '#2,thesmiths@mail.example,Anna Smith,5.00',
      '#3,thesmiths@mail.example,Carol Smith,7.00', '#4,thesmiths@mail.example,Carol Smith,8.00', '#5,thesmiths@mail.example,,1.00']), { mapping: orders })
    expect(r).toMatchObject({ rowsQuarantined: 0, recordsFromEvents: 1 })
    // #1 is Bill's (William's record), its nameless second line too; Carol gets one record for both her orders;
    // an order naming nobody goes to the first holder.
    expect(ownerOfOrders()).toEqual({ '#1': 'William', '#2': 'Anna', '#3': 'Carol', '#4': 'Carol', '#5': 'Anna' })
    expect(t.ws.sqlite.prepare("SELECT count(*) FROM events WHERE source_key = '#1' AND record_id = (SELECT id FROM records WHERE first_name = 'William')").pluck().get()).toBe(2)
  })
})
