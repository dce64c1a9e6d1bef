import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { importFile } from '..'

let t: ReturnType<typeof tempWorkspace>
beforeEach(() => { t = tempWorkspace() })
afterEach(() => t.dispose())

const write = (name: string, lines: string[]): string => t.tmp.lines(name, lines)
const customers = { kind: 'person', system: 'shop', columns: { id: 'source_key', first: 'first_name', last: 'last_name', email: 'email', phone: 'phone' } } as const
const orders = {
  kind: 'event', eventType: 'order', system: 'shop', currency: 'USD',
  columns: { order: 'event_key', customer: 'source_key', email: 'email', name: 'full_name', phone: 'phone', street: 'street', zip: 'postcode', total: 'amount', accepts: 'consent_email' },
} as const

interface Row { id: number; origin: string; detail_of: number | null; first_name: string | null; phone: string | null; street: string | null; postcode: string | null; profile_id: number; raw: number }
const records = (): Row[] => t.ws.sqlite.prepare(`SELECT id, origin, detail_of, first_name, phone, street, postcode, profile_id, raw_row_id AS raw
  FROM records ORDER BY id`).all() as Row[]

describe('buyer details of an order', () => {
  it('keeps a phone or address the buyer\'s profile lacks as a record in that profile, once, and only for the buyer', async () => {
    await importFile(t.ws, write('customers.csv', ['id,first,last,email,phone',
      'c1,Anna,Smith,anna@mail.example,', 'c2,William,Jones,bill@mail.example,+1 202 555 0199']), { mapping: customers, defaultCountry: 'US' })
    const r = await importFile(t.ws, write('orders.csv', ['order,customer,email,name,phone,street,zip,total,accepts',
      // Anna's first order: a phone and an address her record lacks → one evidence record.
      '#1,c1,anna@mail.example,Anna Smith,+1 202 555 0101,12 Oak Street,20001,10.00,yes',
      // Her second: the same phone, the address written another way → nothing new.
      '#2,c1,anna@mail.example,Anna Smith,(202) 555-0101,12 Oak St,20001,5.00,yes',
      // Bill's order repeats his name and phone, and has no address: nothing new.
      '#3,c2,bill@mail.example,William Jones,+1 202 555 0199,,,7.00,yes',
      // A gift billed to someone else on Bill's account: not Bill's evidence.
      '#4,c2,bill@mail.example,Carol Jones,+1 202 555 0123,9 Elm Road,20002,8.00,yes',
      // Bill moved: a new address is new evidence.
      '#5,c2,bill@mail.example,William Jones,+1 202 555 0199,40 Pine Avenue,20003,9.00,yes']), { mapping: orders, defaultCountry: 'US' })


    expect(r).toMatchObject({ rows: 5, eventsImported: 5, rowsQuarantined: 0, recordsFromEvents: 0, recordsFromBuyerDetails: 2 })
    const [anna, bill, annaOrder, billMoved] = records()
    expect(records()).toHaveLength(4)
    // Each evidence record is in its owner's profile and traces to the order row it came from.
    expect(annaOrder).toMatchObject({ origin: 'event', detail_of: anna!.id, first_name: 'Anna', phone: '+12025550101', street: '12 Oak Street',
      profile_id: anna!.profile_id })
    expect(billMoved).toMatchObject({ origin: 'event', detail_of: bill!.id, first_name: 'William', street: '40 Pine Avenue', profile_id: bill!.profile_id })
    expect([anna!.detail_of, bill!.detail_of]).toEqual([null, null])
    // The buyer's own identifiers only: the account's customer id stays with the account's record.
    expect(t.ws.sqlite.prepare('SELECT kind FROM identifiers WHERE record_id = ? ORDER BY kind').pluck().all(annaOrder!.id))
      .toEqual(['email', 'phone'])
    // An order's marketing checkbox is no subscription for this record to grant.
    expect(t.ws.sqlite.prepare('SELECT count(*) FROM consents WHERE record_id IN (?, ?)').pluck().get(annaOrder!.id, billMoved!.id)).toBe(0)
    const rowOf = t.ws.sqlite.prepare('SELECT row_number FROM raw_rows WHERE id = ?').pluck()
    expect([rowOf.get(annaOrder!.raw), rowOf.get(billMoved!.raw)]).toEqual([1, 5])
    // The orders themselves still belong to the customer records, and no new profile was made.
    expect(t.ws.sqlite.prepare("SELECT count(*) FROM events e JOIN records r ON r.id = e.record_id WHERE r.origin = 'row'").pluck().get()).toBe(5)
    expect(t.ws.sqlite.prepare('SELECT count(*) FROM profiles').pluck().get()).toBe(2)
  })

  it('keeps the mailbox an order was placed from and the name as the order spells it, when the profile has neither', async () => {
    await importFile(t.ws, write('customers.csv', ['id,first,last,email,phone', 'c1,James,Brikenstock,james.b@mail.example,+1 202 555 0111']),
      { mapping: customers, defaultCountry: 'US' })
    const r = await importFile(t.ws, write('orders.csv', ['order,customer,email,name,phone,street,zip,total,accepts',
      // The account's surname is mistyped; the order spells it right.
      '#1,c1,james.b@mail.example,James Birkenstock,+1 202 555 0111,,,1.00,',
      // Another mailbox, the account's name: the mailbox is new evidence.
      '#2,c1,jb.orders@mail.example,James Brikenstock,+1 202 555 0111,,,1.00,',
      // Both again, in other case: nothing new.
      '#3,c1,JB.Orders@mail.example,JAMES BIRKENSTOCK,+1 202 555 0111,,,1.00,']), { mapping: orders, defaultCountry: 'US' })
    expect(r).toMatchObject({ eventsImported: 3, recordsFromBuyerDetails: 2 })
    const kept = t.ws.sqlite.prepare("SELECT last_name, email FROM records WHERE origin = 'event' ORDER BY id").raw().all()
    expect(kept).toEqual([['Birkenstock', 'james.b@mail.example'], ['Brikenstock', 'jb.orders@mail.example']])
  })

  it('sees details an earlier order of the same import already kept, before they are written', async () => {
    const rows = ['order,customer,email,name,phone,street,zip,total,accepts']
    // A guest's first order creates their record; 600 later orders (past the writer's buffer) add nothing new.
    rows.push('#0,,guest@mail.example,Dana Lee,+1 202 555 0142,5 Bay Court,20005,1.00,')
    for (let i = 1; i <= 600; i++) rows.push(`#${i},,guest@mail.example,Dana Lee,+1 202 555 0142,5 Bay Ct,20005,1.00,`)
    const r = await importFile(t.ws, write('orders.csv', rows), { mapping: orders, defaultCountry: 'US' })
    expect(r).toMatchObject({ eventsImported: 601, recordsFromEvents: 1, recordsFromBuyerDetails: 0 })
  })
})
