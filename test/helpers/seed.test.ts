import { afterEach, expect, it } from 'vitest'
import { seedEvents, seedRecords } from './seed'
import { tempWorkspace } from './temp-workspace'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('seeds records with full lineage and one profile each', () => {
  t = tempWorkspace()
  const [a, b] = seedRecords(t.ws, [{ email: 'a@x.com', first_name: 'Ann' }, { phone: '+15551234567', source: 'crm' }])
  seedEvents(t.ws, [{ recordId: a!, type: 'order', amount_minor: 1250, currency: 'USD' }])
  const q = (sql: string) => t.ws.sqlite.prepare(sql).pluck().get()
  expect(q('SELECT count(DISTINCT profile_id) FROM records')).toBe(2)
  expect(q('SELECT count(*) FROM identifiers')).toBe(2)
  expect(q('SELECT count(*) FROM raw_rows')).toBe(3)
  expect(q(`SELECT count(*) FROM events WHERE record_id = ${a}`)).toBe(1)
  expect(b).toBeGreaterThan(a!)
})
