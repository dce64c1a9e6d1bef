import { describe, expect, it } from 'vitest'
import {
  addressLevel, birthYearInEmail, companyLevel, dateLevel, emailLevel, employerDomain, externalIdLevel, familyMailboxShape, firstNameLevel, householdMailbox,
  lastNameLevel, type LevelFields,
  mistypedMailbox, nameDerivedLocal, nameIsLocalPart, namesSwapped, pairLevels, phoneLevel,
} from './compare'
import { C, K } from './comparisons'
import { metaphone, tokens } from './text'

const first = (a: string, b: string): number => firstNameLevel(a, b, metaphone(a), metaphone(b))
const last = (a: string, b: string): number => lastNameLevel(a, b, metaphone(a), metaphone(b))

describe('name comparators', () => {
  it.each([
    ['john', 'john', 1], ['william', 'bill', 2], ['jon', 'john', 2], ['maria', 'maria harris', 2], ['catherine', 'kathryn', 2], ['sean', 'shawn', 3],
    ['j', 'john', 3], ['j', 'mary', 4], ['john', 'mary', 4], ['', 'john', 0],
    // A nickname with one typo is still the nickname; a real name one letter from a nickname is someone else.
    ['susan', 'syusie', 2], ['james', 'jikm', 2], ['bill', 'wlliam', 2], ['teresa', 'terri', 2], ['carolyn', 'linda', 4], ['jennifer', 'jean', 4],
    ['james', 'jim', 2], ['kim', 'james', 4],
    // Two known names one letter apart are two people (a household's Mary and Gary), not a typo; a dropped
    // letter, one sound spelt two ways and nicknames still are one name.
    ['mary', 'gary', 4], ['mark', 'mary', 4], ['patricia', 'patrick', 4], ['paul', 'paula', 4], ['louis', 'louise', 4],
    ['michael', 'michelle', 4], ['mary', 'marty', 2], ['linda', 'lina', 2], ['sara', 'sarah', 2], ['brian', 'bryan', 2],
    ['mary', 'mray', 2], ['elizabeth', 'betty', 2],
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
    ['19850310', '19600310', 5], ['', '19850310', 0], ['1985', '19850310', 0],
  ])('%s / %s → %i', (a, b, l) => expect(dateLevel(a, b)).toBe(l))

  it.each([
    ['19670311', 'john1967', true], ['19780311', 'thomash78', true], ['19590101', 'mary.jones.1959', true],
    ['19670311', 'robert196758', false], ['19670311', 'john1968', false], ['19670311', 'john', false], ['', 'john1967', false],
  ])('birth year of %s in %s: %s', (dob, local, yes) => expect(birthYearInEmail(dob, local)).toBe(yes))
})

describe('employerDomain', () => {
  it.each([
    ['umbrellahealth.com', ['umbrella', 'health'], true], ['acmecorp.com', ['acme'], true], ['gekkoco.com', ['gekko'], true],
    ['tyrellcorporation.com', ['tyrell'], true], ['gmail.com', ['gmail'], false], ['initech.com', ['globex'], false],
    ['', ['acme'], false], ['acme.com', [], false],
  ])('%s for %j: %s', (domain, company, yes) => expect(employerDomain(domain, company)).toBe(yes))
})

describe('addressLevel (one piece of household evidence)', () => {
  const addr = (houseNo: string, street: string, postcode: string, city: string, region = '') => ({ houseNo, street: tokens(street), postcode, city, region })
  it.each([
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('12', 'pinkerton circuit', '4560', 'richlands'), 1],
    // A street type written in full on one side and abbreviated on the other is the same street.
    [addr('529', 'grove ave', '89132', 'las vegas'), addr('529', 'grove avenue', '89132', 'las vegas'), 1],
    [addr('148', 'mill ct apt 39', '30393', 'atlanta'), addr('148', 'mill court apt 39', '30393', 'atlanta'), 1],
    [addr('148', 'mill ct', '30393', 'atlanta'), addr('148', 'mill road', '30393', 'atlanta'), 2],
    [addr('12', 'pinkerton circuit', '', 'richlands'), addr('12', 'pinkerton circuit', '4560', 'richlands'), 1],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('12', 'pinkerton circuit', '4561', 'richlands'), 2],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('14', 'pinkerton circuit', '4560', 'richlands'), 3],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('3', 'main road', '9999', 'richlands'), 4],
    [addr('12', 'pinkerton circuit', '4560', 'richlands'), addr('3', 'main road', '9999', 'dapto'), 6],
    [addr('', '', '', ''), addr('3', 'main road', '9999', 'dapto'), 0],
    // Two full addresses: a shared state does not make them one; the region decides only where it is all one side has.
    [addr('12', 'pinkerton circuit', '4560', 'richlands', 'QLD'), addr('3', 'main road', '9999', 'dapto', 'QLD'), 6],
    [addr('12', 'pinkerton circuit', '4560', 'richlands', 'QLD'), addr('3', 'main road', '9999', 'dapto', 'NSW'), 6],
    [addr('12', 'pinkerton circuit', '4560', 'richlands', 'QLD'), addr('3', 'main road', '9999', 'richlands', 'NSW'), 4],
    // A signup with only its geolocated state against a full address: the same state, or another.
    [addr('', '', '', '', 'OR'), addr('18', 'mill street', '97243', 'portland', 'OR'), 5],
    [addr('', '', '', '', 'OR'), addr('18', 'mill street', '97243', 'portland', 'WA'), 6],
    [addr('', '', '', '', 'OR'), addr('18', 'mill street', '97243', 'portland'), 0],
    [addr('', '', '', '', 'OR'), addr('', '', '', '', 'OR'), 5],
  ])('case %#', (a, b, l) => expect(addressLevel(a, b)).toBe(l))
})

describe('emailLevel', () => {
  const e = (a: string, b: string, fa = a, fb = b): number => {
    const [la = '', da = ''] = a.split('@')
    const [lb = '', db = ''] = b.split('@')
    return emailLevel(a, b, fa, fb, la, lb, da, db)
  }
  it.each([
    ['a.b@x.com', 'a.b@x.com', 1], ['robert255@smith.net', 'roberta25@smith.net', 6], ['robert25@smith.net', 'roberta25@smith.net', 4],
    ['t.m39@brooks-sawyer.com', 't.m39@brooks-sawer.com', 4], ['jane@x.com', 'john@y.com', 6], ['jane.doe@acme.com', 'jd1980@gmail.com', 5], ['jd@gmail.com', 'jdoe@yahoo.com', 6], ['', 'a@b.c', 0],
    // Differing digits are deliberate, never a typo: two people, not one close address.
    ['william.smith21@gmail.com', 'william.smith51@gmail.com', 6], ['mary1962@gmail.com', 'mary1961@gmail.com', 6], ['mary.davis11@gmail.com', 'mary.davs11@gmail.com', 4],
    // The same local part at two unrelated providers is usually two people; at a mistyped domain it is one.
    ['susan.jones@yahoo.com', 'susan.jones@icloud.com', 6], ['james1948@gmail.com', 'james1948@gmial.com', 4],
    // A bare name at an employer and at a provider is every namesake's address; with digits it is one person's.
    ['patricia.smith@gekkoco.com', 'patricia.smith@yahoo.com', 5], ['robert255@smith.net', 'robert255@gmail.com', 4],
    // A name with a one- or two-digit counter is the counter every provider and employer hands out: two people.
    ['mary.smith50@massivedynamic.com', 'mary.smith50@gmail.com', 5], ['jsmith7@acme.com', 'jsmith7@yahoo.com', 5],
    ['mary.smith1962@acme.com', 'mary.smith1962@gmail.com', 4], ['gabriel.t54@nichols.info', 'gabriel.t54@nlchois.info', 4],
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
  it.each([
    ['thesmiths', 'smith', true], ['smithfamily', 'smith', true], ['thegarciahome', 'garcia', true], ['thejones', 'jones', true],
    ['jonesfamily', 'jones', true], ['smith', 'smith', true], ['the_miller_family', 'miller', true],
    ['john.smith', 'smith', false], ['jsmith', 'smith', false], ['smith1980', 'smith', false], ['smithson', 'smith', false], ['thesmiths', '', false],
  ])('household mailbox %s (surname %s) → %s', (local, surname, want) => expect(householdMailbox(local, surname)).toBe(want))
  it.each([
    ['msmith63', 'msmith63', true], ['peterson george', 'peterson.george', true], ['clark james', 'clark_james', true],
    ['maria', 'msmith63', false], ['peterson george', 'petersongeorge', false], ['', '', false],
  ])('name %s is the local part %s → %s', (name, local, want) => expect(nameIsLocalPart(name, local)).toBe(want))
})

describe('phone, company and external id comparators', () => {
  it.each([['15551234567', '15551234567', 1], ['15551234567', '5551234567', 2], ['15551234567', '15559999999', 3], ['', '1', 0]])(
    'phone %s / %s → %i', (a, b, l) => expect(phoneLevel(a, b, a.slice(-7), b.slice(-7))).toBe(l))
  it.each([['acme', 'acme', 1], ['acme widgets', 'acme', 1], ['acme blue widgets', 'acme red gadgets', 3], ['acme blue', 'acme red', 2], ['', 'x', 0]])(
    'company %s / %s → %i', (a, b, l) => expect(companyLevel(tokens(a), tokens(b))).toBe(l))
  it.each([
    [['shopify:1'], ['shopify:1'], 1], [['ssn:4086030'], ['ssn:4086300'], 2], [['shopify:1'], ['shopify:2'], 3],
    [['shopify:1'], ['stripe:1'], 0], [[], ['stripe:1'], 0],
    // A system's own ids one apart are two accounts opened one after the other, not a typo.
    [['shopify:7000000522496'], ['shopify:7000000522497'], 3], [['other:4086030'], ['other:4086031'], 2],
  ])('external ids %j / %j → %i', (a, b, l) => expect(externalIdLevel(a, b)).toBe(l))
})

/** Two records with names and emails only, as the scoring loop sees them. */
function levelsOf(a: { fn: string; ln: string; email: string; dob?: string; company?: string },
  b: { fn: string; ln: string; email: string; dob?: string; company?: string }): Uint8Array {
  const rs = [a, b]
  const col = (f: (r: typeof a) => string): string[] => rs.map(f)
  const f: LevelFields = {
    fn: col((r) => r.fn), ln: col((r) => r.ln), fnMeta: col((r) => metaphone(r.fn)), lnMeta: col((r) => metaphone(r.ln)),
    fnCode: Int32Array.from([0, a.fn === b.fn ? 0 : 1]), lnCode: Int32Array.from([2, a.ln === b.ln ? 2 : 3]), nameMemo: new Map(),
    dob: col((r) => r.dob ?? ''), houseNo: ['', ''], street: [[], []], postcode: ['', ''], city: ['', ''], region: ['', ''], email: col((r) => r.email), emailMatch: col((r) => r.email),
    emailLocal: col((r) => r.email.split('@')[0]!), emailDomain: col((r) => r.email.split('@')[1] ?? ''), phone: ['', ''], phone7: ['', ''],
    company: rs.map((r) => tokens(r.company ?? '')), extIds: [[], []],
  }
  const out = new Uint8Array(K)
  pairLevels(f, 0, 1, out, 0)
  return out
}

describe('pairLevels: names and mailboxes that are not what they seem', () => {
  const jane = { fn: 'jane', ln: 'wood', email: 'thewoods@gmail.com' }
  it('a nameless record at a mailbox named after the family is household evidence (level 3), a named pair keeps exact', () => {
    expect(levelsOf(jane, { fn: '', ln: '', email: 'thewoods@gmail.com' })[C.Email]).toBe(3)
    expect(levelsOf(jane, { ...jane, fn: 'peter' })[C.Email]).toBe(1)
    expect(levelsOf({ ...jane, email: 'jane.wood@gmail.com' }, { fn: '', ln: '', email: 'jane.wood@gmail.com' })[C.Email]).toBe(1)
  })
  it('a family mailbox against another address is no evidence either way', () => {
    expect(levelsOf(jane, { ...jane, email: 'jwood@yahoo.com' })[C.Email]).toBe(0)
    expect(levelsOf({ ...jane, email: 'jane1980@gmail.com' }, { ...jane, email: 'jwood@yahoo.com' })[C.Email]).toBe(6)
  })
  it('a mistyped mailbox stays close; two name-derived mailboxes at one provider do not', () => {
    const nancy = { fn: 'nancy', ln: 'smith', email: 'nancy.smith@hotmail.com' }
    // A letter dropped from one address: one person's mailbox, written wrong once.
    expect(levelsOf(nancy, { ...nancy, email: 'nany.smith@hotmail.com' })[C.Email]).toBe(4)
    // The same letters with other separators: how two Nancy Smiths at one provider differ.
    expect(levelsOf(nancy, { ...nancy, email: 'nancysmith@hotmail.com' })[C.Email]).toBe(6)
    // A close local part at another provider is not one mailbox mistyped.
    expect(levelsOf(nancy, { ...nancy, email: 'nany.smith@yahoo.com' })[C.Email]).toBe(6)
  })
  it('a name that is only the email local part (a help desk default) is not compared as a name', () => {
    const lv = levelsOf({ fn: 'maria', ln: 'smith', email: 'msmith63@gmail.com' }, { fn: 'msmith63', ln: '', email: 'msmith63@gmail.com' })
    expect([lv[C.First], lv[C.Last], lv[C.Email]]).toEqual([0, 0, 1])
  })
  it('a birth year in the email of a record without a date, and an employer named by an email domain, are evidence', () => {
    const tom = { fn: 'thomas', ln: 'hernandez', email: 'thomas.hernandez@wayneenterprises.com', dob: '19781016', company: 'wayne enterprises' }
    const lv = levelsOf(tom, { fn: 'thomas', ln: 'hernandez', email: 'thomash78@gmail.com' })
    expect([lv[C.Dob], lv[C.Company]]).toEqual([4, 0])
    const work = levelsOf({ ...tom, email: 'thomash78@gmail.com' }, { fn: 'thomas', ln: 'hernandez', email: 'thomas.hernandez@wayneenterprises.com' })
    expect([work[C.Dob], work[C.Company]]).toEqual([0, 1])
    expect(levelsOf(tom, { ...tom, dob: '19790101' })[C.Dob]).toBe(3)
  })
})

it.each([
  ['nany.smith', 'nancy.smith', 'hotmail.com', 'hotmail.com', true], ['nancy.smith', 'nancy_smith', 'hotmail.com', 'hotmail.com', false],
  ['nancy.smith', 'nancy.smith', 'hotmail.com', 'hotmail.com', false], ['nany.smith', 'nancy.smith', 'yahoo.com', 'hotmail.com', false],
])('mistypedMailbox %s@%s / %s@%s: %s', (a, b, da, db, yes) => expect(mistypedMailbox(a, b, da, db)).toBe(yes))

describe('familyMailboxShape (no surname to compare with)', () => {
  it.each([
    ['thewatson', true], ['smithhome', true], ['thescottfamily', true], ['johnsonfamily99', true], ['thejohnsonhome93', true],
    ['barbaramiller', false], ['lindal52', false], ['the', false], ['home', false], ['theodore.smith', false], ['mhome', false], ['theresa1980', false], ['thelmajones', false], ['theo', false],
  ])('%s: %s', (local, yes) => expect(familyMailboxShape(local)).toBe(yes))
})
