import { describe, expect, it } from 'vitest'
import { parseConsent, parseMoney, parseTags } from './index'

describe('parseMoney', () => {
  it.each([
    ['$1,234.50', undefined, 123450, 'USD'],
    ['1.234,50 €', undefined, 123450, 'EUR'],
    ['€1.234,50', undefined, 123450, 'EUR'],
    ['EUR 12', undefined, 1200, 'EUR'],
    ['12 EUR', undefined, 1200, 'EUR'],
    ['-3.10', undefined, -310, undefined],
    ['-3.10', 'usd', -310, 'USD'],
    ['(3.10)', 'GBP', -310, 'GBP'],
    ['3.10-', undefined, -310, undefined],
    ['£-5', undefined, -500, 'GBP'],
    ['-£5.00', undefined, -500, 'GBP'],
    ['¥1,200', undefined, 1200, 'JPY'],
    ['1200', 'JPY', 1200, 'JPY'],
    ['KWD 1.2345', undefined, 1235, 'KWD'],
    ['12,5', 'EUR', 1250, 'EUR'],
    ['1,234', undefined, 123400, undefined],
    ['1 234,56', 'EUR', 123456, 'EUR'],
    ["1'234.50", 'CHF', 123450, 'CHF'],
    ['1,234,567.89', undefined, 123456789, undefined],
    ['1.234.567,89', undefined, 123456789, undefined],
    ['0.005', undefined, 1, undefined],
    ['.99', undefined, 99, undefined],
    ['100', undefined, 10000, undefined],
    ['$12', 'CAD', 1200, 'CAD'],
    ['US$12', 'CAD', 1200, 'USD'],
    ['R$ 10,00', undefined, 1000, 'BRL'],
    ['100 kr', 'SEK', 10000, 'SEK'],
    ["'19.99", undefined, 1999, undefined],
    ['0.00', undefined, 0, undefined],
  ] as const)('%j (default %s) → %d %s', (raw, fallback, minor, currency) => {
    const expected = currency ? { minor, currency } : { minor }
    expect(parseMoney(raw, fallback)).toEqual({ ok: true, value: expected })
  })

  it.each(['abc', '12abc', '1.2.3,4,5x', '$', '99999999999999999999'])('%j is rejected', (raw) => {
    expect(parseMoney(raw)).toMatchObject({ ok: false })
  })

  it.each(['', ' ', 'n/a', '-', 'NULL'])('%j → null', (raw) => expect(parseMoney(raw)).toBeNull())
})

describe('parseConsent', () => {
  it.each([
    ['yes', true], ['Y', true], ['TRUE', true], ['true', true], ['1', true], ['subscribed', true], ['SUBSCRIBED', true],
    ['opted in', true], ['Opt-In', true], ['opted_in', true], ['accepted', true], ['double opt-in', true], ['ja', true],
    ['no', false], ['N', false], ['FALSE', false], ['0', false], ['unsubscribed', false], ['not subscribed', false],
    ['opted out', false], ['declined', false], ['cleaned', false], ['pending', false], ['nein', false],
    ['', null], ['maybe', null], ['2', null], ['n/a', null], ['unknown', null],
  ] as const)('%j → %s', (raw, consent) => expect(parseConsent(raw)).toBe(consent))
})

describe('parseTags', () => {
  it.each([
    ['Bronze VIP, loyal-app_new', ['Bronze VIP', 'loyal-app_new']],
    ['vip; VIP ;Vip,wholesale', ['vip', 'wholesale']],
    [' a ,, ; b ', ['a', 'b']],
    ['"quoted", \'single\'', ['quoted', 'single']],
    ['', []],
    ['solo', ['solo']],
  ] as const)('%j → %j', (raw, tags) => expect(parseTags(raw)).toEqual(tags))
})
