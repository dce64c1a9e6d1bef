import { describe, expect, it } from 'vitest'
import {
  addressLevel, companyLevel, dateLevel, emailLevel, externalIdLevel, firstNameLevel, lastNameLevel, nameDerivedLocal, namesSwapped, phoneLevel,
} from './compare'
import { metaphone, tokens } from './text'

const first = (a: string, b: string): number => firstNameLevel(a, b, metaphone(a), metaphone(b))
const last = (a: string, b: string): number => lastNameLevel(a, b, metaphone(a), metaphone(b))

describe('name comparators', () => {
  it.each([
    ['john', 'john', 1], ['william', 'bill', 2], ['jon', 'john', 2], ['maria', 'maria harris', 2], ['catherine', 'kathryn', 2], ['sean', 'shawn', 3],
    ['j', 'john', 3], ['j', 'mary', 4], ['john', 'mary', 4], ['', 'john', 0],
  ])('first %s / %s → %i', (a, b, l) => expect(first(a, b)).toBe(l))

  it.each([
    ['smith', 'smith', 1], ['smith', 'smtih', 2], ['smith', 'smyth', 2], ['thompson', 'tomson', 2], ['knight', 'nite', 3], ['schmidt', 'smith', 4],
    ['garcia lopez', 'lopez', 3], ['smith', 'jones', 4], ['smith', '', 0],
  ])('last %s / %s → %i', (a, b, l) => expect(last(a, b)).toBe(l))

  it('detects first/last swapped', () => {
    expect(namesSwapped('john', 'smith', 'smith', 'john')).toBe(true)
    expect(namesSwapped('john', 'john', 'john', 'john')).toBe(false)
  })
})

describe('dateLevel', () => {
  it.each([
    ['19850310', '19850310', 1], ['19850310', '19850311', 2], ['19850310', '19851003', 2], ['19850310', '19850901', 3],
    ['19850310', '19600310', 4], ['', '19850310', 0], ['1985', '19850310', 0],
  ])('%s / %s → %i', (a, b, l) => expect(dateLevel(a, b)).toBe(l))
})

describe('addressLevel (one piece of household evidence)', () => {
  const addr = (houseNo: string, street: string, postcode: string, city: string) => ({ houseNo, street: tokens(street), postcode, city })
  it.each([
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('12', 'pinkerton circuit', '4560', 'richlands'), 1],
    [addr('12', 'pinkerton circuit', '', 'richlands'), addr('12', 'pinkerton circuit', '4560', 'richlands'), 1],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('12', 'pinkerton circuit', '4561', 'richlands'), 2],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('14', 'pinkerton circuit', '4560', 'richlands'), 3],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('3', 'main road', '9999', 'richlands'), 4],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('3', 'main road', '9999', 'dapto'), 5],
    [addr('', '', '', ''), addr('3', 'main road', '9999', 'dapto'), 0],
  ])('case %#', (a, b, l) => expect(addressLevel(a, b)).toBe(l))
})

describe('emailLevel', () => {
  const e = (a: string, b: string, fa = a, fb = b): number => {
    const [la = '', da = ''] = a.split('@')
    const [lb = '', db = ''] = b.split('@')
    return emailLevel(a, b, fa, fb, la, lb, da, db)
  }
  it.each([
    ['a.b@x.com', 'a.b@x.com', 1], ['robert255@smith.net', 'roberta25@smith.net', 5], ['robert25@smith.net', 'roberta25@smith.net', 3],
    ['t.m39@brooks-sawyer.com', 't.m39@brooks-sawer.com', 3], ['jane@x.com', 'john@y.com', 5], ['jane.doe@acme.com', 'jd1980@gmail.com', 4], ['jd@gmail.com', 'jdoe@yahoo.com', 5], ['', 'a@b.c', 0],
    // Differing digits are deliberate, never a typo: two people, not one close address.
    ['william.smith21@gmail.com', 'william.smith51@gmail.com', 5], ['mary1962@gmail.com', 'mary1961@gmail.com', 5], ['mary.davis11@gmail.com', 'mary.davs11@gmail.com', 3],
  ])('%s / %s → %i', (a, b, l) => expect(e(a, b)).toBe(l))
  it('gmail folding is its own level', () => expect(e('j.doe@gmail.com', 'jdoe@gmail.com', 'jdoe@gmail.com', 'jdoe@gmail.com')).toBe(2))
  it('knows name-derived local parts', () => {
    expect(nameDerivedLocal('john.smith', 'john', 'smith')).toBe(true)
    expect(nameDerivedLocal('jsmith', 'john', 'smith')).toBe(true)
    expect(nameDerivedLocal('smith_john', 'john', 'smith')).toBe(true)
    expect(nameDerivedLocal('timothy1999', 'timothy', 'murray')).toBe(false)
    expect(nameDerivedLocal('rb1977x', 'robert', 'alan')).toBe(false)
    expect(nameDerivedLocal('john.smith', '', 'smith')).toBe(false)
  })
})

describe('phone, company and external id comparators', () => {
  it.each([['15551234567', '15551234567', 1], ['15551234567', '5551234567', 2], ['15551234567', '15559999999', 3], ['', '1', 0]])(
    'phone %s / %s → %i', (a, b, l) => expect(phoneLevel(a, b, a.slice(-7), b.slice(-7))).toBe(l))
  it.each([['acme', 'acme', 1], ['acme widgets', 'acme', 1], ['acme blue widgets', 'acme red gadgets', 3], ['acme blue', 'acme red', 2], ['', 'x', 0]])(
    'company %s / %s → %i', (a, b, l) => expect(companyLevel(tokens(a), tokens(b))).toBe(l))
  it.each([
    [['shopify:1'], ['shopify:1'], 1], [['ssn:4086030'], ['ssn:4086300'], 2], [['shopify:1'], ['shopify:2'], 3],
    [['shopify:1'], ['stripe:1'], 0], [[], ['stripe:1'], 0],
  ])('external ids %j / %j → %i', (a, b, l) => expect(externalIdLevel(a, b)).toBe(l))
})
