/**
 * The simulated population: people grouped in households (shared address and landline, different first
 * names), some of whom moved, married (new surname, sometimes a new email) or share a family inbox.
 * Each Person is the ground truth every source row about them is derived from.
 */
import { companies, cities, femaleNames, maleNames, personalDomains, streetNames, streetTypes, surnames, type City } from './vocab'
import { emailPart, type Day } from './noise'
import { weightedTable, zipfTable, type Rng } from './rng'

export interface Address {
  number: string
  street: string
  /** The same street with the abbreviated type (Main St vs Main Street). */
  streetShort: string
  unit: string
  city: City
  postcode: string
}

export interface Person {
  id: string
  gender: 'f' | 'm'
  first: string
  last: string
  /** Surname before marriage; older sources still show it. */
  maidenLast?: string
  birth: Day
  email: string
  /** Email used before marriage (with the maiden name); older sources show it. */
  oldEmail?: string
  workEmail?: string
  company?: string
  /** An inbox shared with another household member ("thesmiths@…"); both use it in some sources. */
  familyEmail?: string
  mobile?: string
  landline?: string
  address: Address
  oldAddress?: Address
  oldLandline?: string
  /** Seconds after 2015-01-01 when the move/marriage happened: rows dated before it show the old values. */
  changeAt: number
}

/** The population's rates, documented in test/eval/README.md. */
export const populationRates = {
  householdSizes: [[1, 62], [2, 24], [3, 9], [4, 5]] as const,
  sharedSurname: 0.75,
  landlineSingle: 0.2,
  landlineHousehold: 0.45,
  moved: 0.12,
  movedToOtherCity: 0.4,
  marriedInHousehold: 0.35,
  newEmailAfterMarriage: 0.4,
  familyInbox: 0.05,
  workEmail: 0.3,
  mobile: 0.85,
  unit: 0.12,
  /** Extra "John Smith"-style people on top of what the Zipf draw already gives. */
  forcedCommonName: 0.004,
}

const femaleTable = zipfTable(femaleNames, 0.9)
const maleTable = zipfTable(maleNames, 0.9)
const surnameTable = zipfTable(surnames, 0.85)
const domainTable = weightedTable(personalDomains)
const sizeTable = weightedTable(populationRates.householdSizes)
const horizon = 10 * 365 * 86400

/** The mailbox an address reaches: Gmail ignores dots and treats googlemail.com as gmail.com. */
export function mailbox(local: string, domain: string): string {
  return domain === 'gmail.com' || domain === 'googlemail.com' ? `${local.replace(/\./g, '')}@gmail.com` : `${local}@${domain}`
}

/**
 * Hands out unique email addresses: real providers never give one mailbox to two people, so neither may
 * the generator (john.smith@gmail.com and johnsmith@googlemail.com are one mailbox).
 */
export class EmailRegistry {
  private readonly taken = new Set<string>()

  claim(rng: Rng, local: string, domain: string): string {
    let candidate = local
    for (let attempt = 0; this.taken.has(mailbox(candidate, domain)); attempt++) {
      candidate = `${local}${attempt < 3 ? rng.range(1, 99) : rng.range(100, 99999)}`
    }
    this.taken.add(mailbox(candidate, domain))
    return `${candidate}@${domain}`
  }
}

function personalLocal(rng: Rng, first: string, last: string, birth: Day): string {
  const f = emailPart(first) || 'x'
  const l = emailPart(last) || 'x'
  switch (rng.int(8)) {
    case 0: return `${f}.${l}`
    case 1: return `${f}${l}`
    case 2: return `${f[0]}${l}`
    case 3: return `${f}_${l}`
    case 4: return `${f}${l[0]}${String(birth.y).slice(2)}`
    case 5: return `${l}.${f}`
    case 6: return `${f}${birth.y}`
    default: return `${f}.${l}${rng.range(1, 99)}`
  }
}

function makeAddress(rng: Rng, city?: City): Address {
  const c = city ?? rng.pick(cities)
  const name = rng.pick(streetNames)
  const [full, short] = rng.pick(streetTypes)
  return {
    number: String(rng.chance(0.7) ? rng.range(1, 999) : rng.range(1000, 9999)),
    street: `${name} ${full}`,
    streetShort: `${name} ${short}`,
    unit: rng.chance(populationRates.unit) ? rng.pick(['Apt ', 'Unit ', 'Suite ', '#']) + String(rng.range(1, 40)) + rng.pick(['', '', 'A', 'B']) : '',
    city: c,
    postcode: c.zip3 + rng.digits(2),
  }
}

const phone = (rng: Rng, city: City): string => rng.pick(city.areaCodes) + String(rng.range(2, 9)) + rng.digits(6)

function pickFirst(rng: Rng, gender: 'f' | 'm', avoid: Set<string>): string {
  for (;;) {
    const name = rng.pickWeighted(gender === 'f' ? femaleTable : maleTable)
    if (!avoid.has(name)) return name
  }
}

function pickBirth(rng: Rng): Day {
  return { y: rng.range(1945, 2004), m: rng.range(1, 12), d: rng.range(1, 28) }
}

interface HouseholdBase {
  address: Address
  oldAddress?: Address
  landline?: string
  oldLandline?: string
  surname: string
  changeAt: number
}

function householdBase(rng: Rng, size: number): HouseholdBase {
  const address = makeAddress(rng)
  const hasLandline = rng.chance(size > 1 ? populationRates.landlineHousehold : populationRates.landlineSingle)
  const base: HouseholdBase = {
    address,
    surname: rng.pickWeighted(surnameTable),
    changeAt: rng.range(horizon / 5, (horizon * 4) / 5),
  }
  if (hasLandline) base.landline = phone(rng, address.city)
  if (rng.chance(populationRates.moved)) {
    base.oldAddress = makeAddress(rng, rng.chance(populationRates.movedToOtherCity) ? undefined : address.city)
    if (hasLandline) base.oldLandline = phone(rng, base.oldAddress.city)
  }
  return base
}

function makeMember(rng: Rng, emails: EmailRegistry, id: string, base: HouseholdBase, last: string, usedFirst: Set<string>): Person {
  const gender = rng.chance(0.5) ? 'f' : 'm'
  let first = pickFirst(rng, gender, usedFirst)
  const common = gender === 'f' ? 'Mary' : 'John'
  if (rng.chance(populationRates.forcedCommonName) && !usedFirst.has(common)) {
    first = common
    last = gender === 'f' ? 'Garcia' : 'Smith'
  }
  usedFirst.add(first)
  const birth = pickBirth(rng)
  const p: Person = {
    id, gender, first, last, birth,
    email: emails.claim(rng, personalLocal(rng, first, last, birth), rng.pickWeighted(domainTable)),
    address: base.address,
    changeAt: base.changeAt,
  }
  if (base.oldAddress) p.oldAddress = base.oldAddress
  if (base.landline) p.landline = base.landline
  if (base.oldLandline) p.oldLandline = base.oldLandline
  if (rng.chance(populationRates.mobile)) p.mobile = phone(rng, base.address.city)
  if (rng.chance(populationRates.workEmail)) {
    const company = rng.pick(companies)
    p.company = company
    p.workEmail = emails.claim(rng, `${emailPart(first)}.${emailPart(last)}`, `${emailPart(company)}.com`)
  }
  return p
}

/** Marries one member: the current surname is the household's, an older one is kept as maiden name. */
function marry(rng: Rng, emails: EmailRegistry, p: Person): void {
  let maiden = rng.pickWeighted(surnameTable)
  while (maiden === p.last) maiden = rng.pickWeighted(surnameTable)
  p.maidenLast = maiden
  if (rng.chance(populationRates.newEmailAfterMarriage)) {
    p.oldEmail = emails.claim(rng, personalLocal(rng, p.first, maiden, p.birth), rng.pickWeighted(domainTable))
  }
}

/** One household of 1-4 people with ids `p<next>…`. */
export function makeHousehold(rng: Rng, emails: EmailRegistry, nextId: () => string, maxSize: number): Person[] {
  const size = Math.min(maxSize, rng.pickWeighted(sizeTable))
  const base = householdBase(rng, size)
  const usedFirst = new Set<string>()
  const shared = size > 1 && rng.chance(populationRates.sharedSurname)
  const members: Person[] = []
  for (let i = 0; i < size; i++) {
    const last = shared || i === 0 ? base.surname : rng.pickWeighted(surnameTable)
    members.push(makeMember(rng, emails, nextId(), base, last, usedFirst))
  }
  const second = members[1]
  if (shared && second && rng.chance(populationRates.marriedInHousehold)) marry(rng, emails, second)
  const first = members[0]
  if (first && second && rng.chance(populationRates.familyInbox)) {
    const family = emails.claim(rng, rng.pick(['the', '']) + emailPart(base.surname) + rng.pick(['family', 's', 'home', '']), rng.pick(['gmail.com', 'yahoo.com', 'comcast.net']))
    first.familyEmail = family
    second.familyEmail = family
  }
  return members
}
