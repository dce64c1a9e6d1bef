import { afterEach, expect, it } from 'vitest'
import { seedRecords } from '../../../test/helpers/seed'
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

it('reads email_match and external ids per record: none, one, several (in kind, value order), a folded mailbox', () => {
  t = tempWorkspace()
  const ids = seedRecords(t.ws, [
    { first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@gmail.com' },
    { first_name: 'Bo', last_name: 'Ray', email: 'b.o.ray+shop@gmail.com' },
    { first_name: 'Cy', last_name: 'Fox', email: 'Cy@Example.com' },
    { first_name: 'Di', last_name: 'Orr' },
    { first_name: 'Ed', last_name: 'Nye', email: 'ed@example.com' },
    { first_name: 'Flo', last_name: 'Oak', email: 'flo@example.com' },
  ])
  const add = t.ws.sqlite.prepare('INSERT INTO identifiers (record_id, kind, value, raw) VALUES (?, ?, ?, ?)')
  // As the import writes them: a primary email's key only where it differs from the email (Cy has none), a
  // secondary email's key always (Ed's and Flo's).
  for (const [i, kind, value] of [[0, 'email_match', 'annlee@gmail.com'], [0, 'external:shopify', '17'], [1, 'email_match', 'boray@gmail.com'],
    [1, 'external:zendesk', '9'], [1, 'external:hubspot', '["x"]'], [1, 'external:hubspot', '3:4'], [4, 'email_match', 'zed@example.com'],
    [5, 'email_match', 'al@example.com']] as const) {
    add.run(ids[i], kind, value, value)
  }
  for (const p of [prepareRecords(t.ws.sqlite), prepareRecords(t.ws.sqlite, ids)]) {
    // The greatest key of a record's emails, its own email's included.
    expect(p.emailMatch).toEqual(['annlee@gmail.com', 'boray@gmail.com', 'cy@example.com', '', 'zed@example.com', 'flo@example.com'])
    // The usual case keeps one string for both fields.
    expect(p.emailMatch[2]).toBe(p.email[2])
    expect(p.emailMatch[5]).toBe(p.email[5])
    expect(p.extIds).toEqual([['shopify:17'], ['hubspot:3:4', 'hubspot:["x"]', 'zendesk:9'], [], [], [], []])
    expect(p.fn).toEqual(['ann', 'bo', 'cy', 'di', 'ed', 'flo'])
  }
})

it('places a record without any place by its North American phone\'s area code, and keeps an own place first', () => {
  t = tempWorkspace()
  seedRecords(t.ws, [
    { first_name: 'Jo', last_name: 'Hunt', phone: '+17138406564' },
    { first_name: 'Al', last_name: 'Ray', phone: '+14165550123' },
    { first_name: 'Ed', last_name: 'Orr', phone: '+17138406564', city: 'Boston' },
    { first_name: 'Di', last_name: 'Orr', phone: '+17138406564', region: 'US-MA' },
    { first_name: 'Cy', last_name: 'Fox', phone: '+442079460000' },
    { first_name: 'Bo', last_name: 'Lee' },
  ])
  // 713 is Houston's, 416 Toronto's; an address or an own region wins; other countries and no phone stay unplaced.
  expect(prepareRecords(t.ws.sqlite).region).toEqual(['US-TX', 'CA-ON', '', 'US-MA', '', ''])
})
