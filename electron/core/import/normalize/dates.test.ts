import { describe, expect, it } from 'vitest'
import { decideDateOrder, parseDate } from './index'

describe('parseDate', () => {
  it.each([
    // Year-first dates and date-times (offsets applied, offset-less times taken as UTC).
    ['2015-03-16', undefined, '2015-03-16'],
    ['2015/3/6', undefined, '2015-03-06'],
    ['2022-01-11 04:32:30 -0500', undefined, '2022-01-11T09:32:30Z'],
    ['2015-03-16 14:40:47', undefined, '2015-03-16T14:40:47Z'],
    ['2021-06-01T10:00:00.123+02:00', undefined, '2021-06-01T08:00:00.123Z'],
    ['2021-06-01T10:00:00Z', undefined, '2021-06-01T10:00:00Z'],
    ['2021-06-01 23:30 +05:30', undefined, '2021-06-01T18:00:00Z'],
    ['2019-05-09 18:02', undefined, '2019-05-09T18:02:00Z'],
    ['2019-05-09 18:02 UTC', undefined, '2019-05-09T18:02:00Z'],
    // FEBRL YYYYMMDD, Excel serials, Unix time.
    ['19850312', undefined, '1985-03-12'],
    ['44197', undefined, '2021-01-01'],
    ['44197.5', undefined, '2021-01-01T12:00:00Z'],
    ['1426516847', undefined, '2015-03-16T14:40:47Z'],
    ['1426516847000', undefined, '2015-03-16T14:40:47Z'],
    // Day/month/year: a day > 12 decides on its own; otherwise the column's order does.
    ['16/03/2015', undefined, '2015-03-16'],
    ['03/16/2015', undefined, '2015-03-16'],
    ['01/02/2020', 'DMY', '2020-02-01'],
    ['01/02/2020', 'MDY', '2020-01-02'],
    ['16/03/2015', 'MDY', '2015-03-16'],
    ['05/05/2020', undefined, '2020-05-05'],
    ['16.03.85', 'DMY', '1985-03-16'],
    ['1-2-2003', 'DMY', '2003-02-01'],
    ['3/16/2015 2:40 PM', undefined, '2015-03-16T14:40:00Z'],
    ['3/16/2015 12:05 am', undefined, '2015-03-16T00:05:00Z'],
    // Month names, several languages, weekday prefixes.
    ['16 Mar 2015', undefined, '2015-03-16'],
    ['16-Mar-2015', undefined, '2015-03-16'],
    ['March 16, 2015', undefined, '2015-03-16'],
    ['Mar 16 2015', undefined, '2015-03-16'],
    ['1st June 2020', undefined, '2020-06-01'],
    ['16. März 2015', undefined, '2015-03-16'],
    ['3 août 2021', undefined, '2021-08-03'],
    ['Monday, March 16, 2015', undefined, '2015-03-16'],
    ['Mon, 16 Mar 2015 14:40:47 +0000', undefined, '2015-03-16T14:40:47Z'],
    ['Sept 9, 2019', undefined, '2019-09-09'],
    ['2020-02-29', undefined, '2020-02-29'],
  ] as const)('%j (%s) → %s', (raw, order, iso) => {
    expect(parseDate(raw, order)).toEqual({ ok: true, value: iso })
  })

  it.each([
    ['2020-02-30', undefined, 'invalid-date'],
    ['2019-02-29', undefined, 'invalid-date'],
    ['19000231', undefined, 'invalid-date'],
    ['19851312', undefined, 'invalid-date'],
    ['31/31/2020', 'DMY', 'invalid-date'],
    ['01/02/2020', undefined, 'ambiguous-date'],
    ['2015-03-16 25:00', undefined, 'unparseable-date'],
    ['2015-03-16 13:00 PM', undefined, 'unparseable-date'],
    ['garbage', undefined, 'unparseable-date'],
    ['16 Foo 2015', undefined, 'unparseable-date'],
    ['12345678', undefined, 'invalid-date'],
  ] as const)('%j (%s) is rejected as %s', (raw, order, reason) => {
    expect(parseDate(raw, order)).toEqual({ ok: false, reason })
  })

  it.each(['', '  ', 'n/a', '0000-00-00', '0000-00-00 00:00:00', '-'])('%j → null', (raw) => {
    expect(parseDate(raw)).toBeNull()
  })
})

describe('decideDateOrder', () => {
  it.each([
    [['01/02/2020', '16/03/2015', '05/04/2019'], 'DMY', false, /first field > 12/],
    [['03/16/2015', '01/02/2020'], 'MDY', false, /second field > 12/],
    [['2020-01-01', '2021-12-31'], 'YMD', false, /year-first/],
    [['19850312', '44197'], 'YMD', false, /no day\/month/],
    [[], 'YMD', false, /no day\/month/],
    [['01/02/2020', '05/04/2019'], 'MDY', true, /please confirm/],
    [['01.02.2020', '05.04.2019'], 'DMY', true, /'\.' separators/],
    [['16/03/2015', '17/03/2015', '03/16/2015'], 'DMY', true, /conflicting/],
  ] as const)('%j → %s (ambiguous %s)', (samples, order, ambiguous, evidence) => {
    const decision = decideDateOrder([...samples])
    expect(decision).toMatchObject({ order, ambiguous })
    expect(decision.evidence).toMatch(evidence)
  })

  it('decides per column: the same ambiguous value reads differently in a DMY and an MDY column', () => {
    const uk = decideDateOrder(['01/02/2020', '25/12/2019'])
    const us = decideDateOrder(['01/02/2020', '12/25/2019'])
    expect(parseDate('01/02/2020', uk.order)).toEqual({ ok: true, value: '2020-02-01' })
    expect(parseDate('01/02/2020', us.order)).toEqual({ ok: true, value: '2020-01-02' })
  })
})
