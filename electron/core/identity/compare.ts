import { C as Cmp, K } from './comparisons'

// Local copies: reading an imported binding in a hot loop goes through a getter once transpiled to CommonJS.
const C = { ...Cmp }
import { areNicknames, distinctKnownNames, nicknameWithTypo } from './nicknames'
import type { Prepared } from './prepare'
import { damerauLevenshtein, jaroWinkler, streetSimilarity, tokenSetSimilarity } from './text'

/**
 * Comparators: each maps two prepared values to a level (0 = null, 1 = strongest … last = different).
 * Pure functions of strings so they are unit-tested one by one; `pairLevels` applies them all to a pair.
 */

/**
 * First names: exact / nickname or close (JW ≥ 0.92, one edit, a nickname with one typo) / initial, phonetic or far
 * (JW ≥ 0.8) / different.
 */
export function firstNameLevel(a: string, b: string, metaA: string, metaB: string): number {
  if (!a || !b) return 0
  if (a === b) return 1
  if (areNicknames(a, b)) return 2
  // "maria" vs "maria harris": a full name landed in the first-name field on one side.
  if ((a.length >= 3 && b.startsWith(`${a} `)) || (b.length >= 3 && a.startsWith(`${b} `))) return 2
  const short = Math.min(a.length, b.length)
  // Mary and Gary are one letter apart and two people (often of one household), not a typo.
  if (short >= 3 && (damerauLevenshtein(a, b, 1) <= 1 || jaroWinkler(a, b) >= 0.92)) return distinctKnownNames(a, b, metaA, metaB) ? 4 : 2
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 3 : 4
  if ((metaA && metaA === metaB) || jaroWinkler(a, b) >= 0.8) return 3
  // A nickname with a typo (Syusie for Susan): two common noises at once, still one person's name. Asked only of
  // names nothing above relates, so names that sound alike keep their weaker level.
  return nicknameWithTypo(a, b) ? 2 : 4
}

/** Surnames: exact / close (one edit, JW ≥ 0.92) / phonetic, far or a shared part of a double-barrelled name / different. */
export function lastNameLevel(a: string, b: string, metaA: string, metaB: string): number {
  if (!a || !b) return 0
  if (a === b) return 1
  if (Math.min(a.length, b.length) >= 3 && (damerauLevenshtein(a, b, 1) <= 1 || jaroWinkler(a, b) >= 0.92)) return 2
  if ((metaA && metaA === metaB) || jaroWinkler(a, b) >= 0.8) return 3
  if (a.includes(' ') || b.includes(' ')) {
    const ta = a.split(' ')
    if (b.split(' ').some((t) => t.length > 2 && ta.includes(t))) return 3
  }
  return 4
}

/**
 * Dates (digits YYYYMMDD): exact / one edit or day and month transposed / within a year / (level 4, the birth year
 * in the other record's email, is set by `pairLevels`) / different.
 */
export function dateLevel(a: string, b: string): number {
  if (a.length < 8 || b.length < 8) return 0
  if (a === b) return 1
  if (damerauLevenshtein(a, b, 1) <= 1) return 2
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6)) return 2
  return Math.abs(approxDays(a) - approxDays(b)) <= 366 ? 3 : 5
}

const DIGIT_RUNS = /\d+/g

/**
 * True when an email local part carries the year of a date of birth (YYYYMMDD) as a whole number of its own:
 * john1967, thomash78, mary.jones.1959. Digits that merely contain the year (robert196758) do not count.
 */
export function birthYearInEmail(dob: string, local: string): boolean {
  if (dob.length < 8 || !HAS_DIGIT.test(local)) return false
  const runs = local.match(DIGIT_RUNS)
  return runs !== null && runs.some((r) => r === dob.slice(0, 4) || r === dob.slice(2, 4))
}

/** Days since year 0, close enough to tell "within a year" (no Date objects in the hot loop). */
function approxDays(d: string): number {
  return Number(d.slice(0, 4)) * 365.25 + Number(d.slice(4, 6)) * 30.44 + Number(d.slice(6, 8))
}

export interface AddressParts {
  houseNo: string
  street: readonly string[]
  postcode: string
  city: string
  /** State or province as imported ('' for none). */
  region?: string
}

/**
 * The address as one piece of evidence: same house, street and postcode / same house number with the same
 * street or postcode / same street or postcode / same city only / same region / different. A record with
 * only a region (a newsletter signup's geolocated state) is compared on it: the same region or a different
 * one. Null when either side has nothing to compare.
 */
export function addressLevel(a: AddressParts, b: AddressParts): number {
  return addressLevelOf(a.houseNo, a.street, a.postcode, a.city, a.region ?? '', b.houseNo, b.street, b.postcode, b.city, b.region ?? '')
}

/** `addressLevel` on positional parts, so the hot loop builds no objects. */
function addressLevelOf(houseA: string, streetA: readonly string[], postA: string, cityA: string, regionA: string,
  houseB: string, streetB: readonly string[], postB: string, cityB: string, regionB: string): number {
  if ((streetA.length === 0 && postA === '' && cityA === '') || (streetB.length === 0 && postB === '' && cityB === '')) {
    if (regionA === '' || regionB === '') return 0
    return regionA === regionB ? ADDRESS_SAME_REGION : ADDRESS_DIFFERENT
  }
  const sameStreet = streetA.length > 0 && streetB.length > 0 && streetSimilarity(streetA, streetB) >= 0.8
  const samePost = postA !== '' && postA === postB
  const sameCity = cityA !== '' && cityB !== '' && (cityA === cityB || (cityA.length > 4 && (damerauLevenshtein(cityA, cityB, 1) <= 1 ||
    jaroWinkler(cityA, cityB) >= 0.9)))
  const sameHouse = houseA !== '' && houseA === houseB
  if (sameHouse && sameStreet && (samePost || (sameCity && (postA === '' || postB === '')))) return 1
  if (sameHouse && (sameStreet || samePost)) return 2
  if (sameStreet || samePost) return 3
  if (sameCity) return 4
  // Two full addresses in other cities of one state are two addresses: a state says something only where it is
  // all one side has (on FEBRL's heavily corrupted sets, a region level here merged different people).
  return ADDRESS_DIFFERENT
}

const ADDRESS_SAME_REGION = 5
const ADDRESS_DIFFERENT = 6

/**
 * Emails: exact / equal after gmail folding / (level 3, a household mailbox, is set by `pairLevels`, which knows
 * the names) / close (local part one edit away on the same or a near domain, or the same local part on a near
 * domain, or the same long local part with digits unless both are free-mail) / one work and one personal (free-mail)
 * address / different.
 */
export function emailLevel(a: string, b: string, foldA: string, foldB: string, localA: string, localB: string, domA: string, domB: string): number {
  if (!a || !b) return 0
  if (a === b) return 1
  if (foldA && foldA === foldB) return 2
  // The same local part at two free-mail providers is two people as often as not: susan.jones@yahoo and
  // susan.jones@icloud, james1948@gmail and james1948@yahoo (each provider hands the name out once). A near
  // domain (a typo: gmial.com) or an own domain on either side (robert255@smith.net) is still close. A bare name
  // (patricia.smith@ at an employer and at yahoo) is not: every Patricia Smith has that local part somewhere.
  const bothFree = FREE_MAIL.has(domA) && FREE_MAIL.has(domB)
  // Nor is a name with a one- or two-digit counter at a provider and elsewhere (mary.smith50@ at yahoo and at an
  // employer): the number a provider or an employer hands the fiftieth Mary Smith; at 20k people such pairs were two
  // people 28 times in 28. At two own domains (a typo in one: nichols.info, nnichls.info) it stays one person's.
  const oneFree = FREE_MAIL.has(domA) || FREE_MAIL.has(domB)
  if (localA === localB && ((localA.length >= 6 && !bothFree && HAS_DIGIT.test(localA) && !(oneFree && NAME_COUNTER.test(localA))) ||
    (domA.length >= 5 && damerauLevenshtein(domA, domB, 2) <= 2))) return 4
  // william.smith21@gmail and william.smith51@gmail are one edit apart but two people: at free-mail providers
  // differing digits (a birth year, the counter the provider suggested) are deliberate, not a typo.
  if (localA.length >= 4 && (sameDigits(localA, localB) || !bothFree) && damerauLevenshtein(localA, localB, 1) <= 1 &&
    (domA === domB || damerauLevenshtein(domA, domB, 2) <= 2)) return 4
  return FREE_MAIL.has(domA) !== FREE_MAIL.has(domB) ? 5 : 6
}

/** Words around a surname in a family's shared mailbox: thesmiths@, smithfamily@, garciahome@. */
const HOUSEHOLD_MAILBOX = /^(?:the)?(.+?)(?:s|es|family|fam|home|house|household)?$/

/**
 * True when an email local part names a family rather than a person: the surname alone or with household
 * words around it (thesmiths, smithfamily, thegarciahome), no first name or initial. Two records sharing such
 * a mailbox are one household, like a shared address: either member may be behind either record.
 */
export function householdMailbox(local: string, surname: string): boolean {
  // Runs for most scored pairs: the containment test rejects nearly all of them before any regex.
  if (surname.length < 3 || local.length < surname.length || (!local.includes(surname) && !surname.includes(' '))) return false
  const s = surname.replace(NON_LETTERS, '')
  if (s.length < 3 || /\d/.test(local)) return false
  const l = local.replace(NON_LETTERS, '')
  if (l === s) return true
  const m = HOUSEHOLD_MAILBOX.exec(l)
  if (m === null || l.length === s.length) return false
  const core = m[1]!
  // The lazy core may stop short of a surname that itself ends in "s" (thejones → jone + s).
  return core === s || `${core}s` === s || `${core}es` === s || l === `the${s}`
}

/** A mailbox named like a household whoever reads it: thewatson, smithhome, thescottfamily, johnsonfamily99. */
const FAMILY_MAILBOX_SHAPE = /^(?:the(?!o|resa|lma)[a-z]{3,}|[a-z]{3,}(?:family|fam|home|house|household))\d*$/

/**
 * True when an email local part is shaped like a family's mailbox without knowing any surname: "the" and a
 * word (not Theresa, Thelma, Theodore), or a word and a household word, digits allowed at the end. For records with no name to compare
 * against `householdMailbox`: a nameless signup at thesmiths@ could be any member of the household.
 */
export function familyMailboxShape(local: string): boolean {
  return FAMILY_MAILBOX_SHAPE.test(local)
}

/** Letters (and separators) with a one- or two-digit number at the end: a counter, not a personal number. */
const NAME_COUNTER = /^[a-z._-]+\d{1,2}$/

const NOT_DIGITS = /\D+/g
const HAS_DIGIT = /\d/

/** True when two strings carry the same digits in the same order (none on both sides counts as the same). */
export function sameDigits(a: string, b: string): boolean {
  return a.replace(NOT_DIGITS, '') === b.replace(NOT_DIGITS, '')
}

/**
 * Personal mailbox providers and consumer ISPs. An address anywhere else is taken as a work (or own-domain)
 * address; one of each is the usual shape of one person seen by a CRM and by a shop.
 */
export const FREE_MAIL: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'rocketmail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'outlook.com', 'live.com', 'msn.com', 'aol.com', 'aim.com',
  'icloud.com', 'me.com', 'mac.com', 'protonmail.com', 'proton.me', 'pm.me', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de',
  'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'fastmail.com', 'fastmail.fm', 'hey.com', 'tutanota.com',
  'qq.com', '163.com', 'orange.fr', 'free.fr', 't-online.de', 'libero.it', 'btinternet.com', 'sky.com',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'cox.net', 'charter.net', 'earthlink.net', 'bellsouth.net',
  'optonline.net', 'juno.com', 'bigpond.com', 'shaw.ca', 'rogers.com', 'sympatico.ca',
])

/** Phones (digits): exact / same last 7 digits (national vs international forms) / different. */
export function phoneLevel(a: string, b: string, a7: string, b7: string): number {
  if (!a || !b) return 0
  if (a === b) return 1
  if (a7 && a7 === b7) return 2
  return 3
}

/**
 * True when an email domain is the company's own (umbrellahealth.com for "Umbrella Health", acmecorp.com for
 * "Acme"): the first label, letters only, equals the company's words run together or one starts with the other
 * (4+ letters). Free-mail domains never are.
 */
export function employerDomain(domain: string, company: readonly string[]): boolean {
  if (company.length === 0 || domain === '' || FREE_MAIL.has(domain)) return false
  const dot = domain.indexOf('.')
  const label = (dot < 0 ? domain : domain.slice(0, dot)).replace(NON_LETTERS, '')
  const name = company.join('').replace(NON_LETTERS, '')
  if (label.length < 3 || name.length < 3) return false
  return label === name || (name.length >= 4 && label.startsWith(name)) || (label.length >= 4 && name.startsWith(label))
}

/** Company names (token sets, legal suffixes removed): same / overlapping / different. */
export function companyLevel(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const s = tokenSetSimilarity(a, b)
  return s >= 0.9 ? 1 : s >= 0.5 ? 2 : 3
}

/**
 * Systems whose exports carry ids the system assigned itself. Nobody types them, so one character off is not
 * a typo but the next account: two members of a household who signed up one after the other (…496, …497).
 */
export const MACHINE_ID_SYSTEMS: ReadonlySet<string> = new Set([
  'shopify', 'hubspot', 'salesforce', 'mailchimp', 'klaviyo', 'stripe', 'zendesk', 'woocommerce', 'quickbooks',
])

/**
 * External ids ("system:value"): same id / one character off (a typo, in ids people type: not in a system's
 * own ids, see MACHINE_ID_SYSTEMS) / a different id in a system both have / null when no system is shared.
 */
export function externalIdLevel(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  let best = 0
  for (const x of a) {
    const cut = x.indexOf(':') + 1
    for (const y of b) {
      if (x === y) return 1
      // Most pairs hold ids of different systems: compared in place, as slicing each system name out was a
      // tenth of the scoring threads' time at 300k records.
      if (!sameSystem(x, y, cut)) continue
      const typed = !MACHINE_ID_SYSTEMS.has(x.slice(0, cut - 1))
      const level = typed && x.length - cut >= 5 && damerauLevenshtein(x.slice(cut), y.slice(cut), 1) <= 1 ? 2 : 3
      if (best === 0 || level < best) best = level
    }
  }
  return best
}

/** True when ids x and y ("system:value") name the same system; `cut` is the length of x's "system:". */
function sameSystem(x: string, y: string, cut: number): boolean {
  if (y.length < cut || y.charCodeAt(cut - 1) !== 58) return false
  for (let k = 0; k < cut - 1; k++) if (x.charCodeAt(k) !== y.charCodeAt(k)) return false
  return true
}

const NON_LETTERS = /[^a-z]+/g

/**
 * True when an email local part is just the person's name (john.smith, jsmith, smithj, john_smith): two such
 * addresses being close says little beyond the names themselves, which are already compared; common names
 * would otherwise be counted twice. A local part with digits is not name-derived.
 */
export function nameDerivedLocal(local: string, first: string, last: string): boolean {
  // Digits (a birth year, a counter) make a local part personal again: timothy1999 is not every Timothy.
  if (!first || !last || /\d/.test(local)) return false
  const l = local.replace(NON_LETTERS, '')
  const f = first.replace(NON_LETTERS, '')
  const s = last.replace(NON_LETTERS, '')
  return l === f + s || l === s + f || l === f[0] + s || l === f + s[0] || l === s + f[0] || l === f || l === s
}

/**
 * True when two close local parts at one domain differ in their letters (nany.smith@ and nancy.smith@hotmail.com):
 * one address mistyped, not two people's name-derived mailboxes. Two Nancy Smiths at one provider differ in the
 * separators or a counter (nancy.smith@, nancysmith@, nancy_smith2@), never in the name's letters, so only that
 * shape stays weak evidence (see nameDerivedLocal). At the generator's 20k people 104 split fragments held such
 * a typo of their profile's address.
 */
export function mistypedMailbox(localA: string, localB: string, domA: string, domB: string): boolean {
  return domA === domB && localA !== localB && localA.replace(NON_LETTERS, '') !== localB.replace(NON_LETTERS, '')
}

/** True when the names are written first/last swapped on one side ("Smith John" vs "John Smith"). */
export function namesSwapped(fa: string, la: string, fb: string, lb: string): boolean {
  return fa !== '' && la !== '' && fa !== la && fa === lb && la === fb
}

/** The prepared fields the comparators read: what a scoring worker receives. */
export type LevelFields = Pick<Prepared, (typeof levelFieldNames)[number]>
export const levelFieldNames = ['fn', 'ln', 'fnMeta', 'lnMeta', 'fnCode', 'lnCode', 'nameMemo', 'dob', 'houseNo', 'street', 'postcode', 'city', 'region',
  'email', 'emailMatch', 'emailLocal', 'emailDomain', 'phone', 'phone7', 'company', 'extIds'] as const

/** Names repeat (thousands of Johns): name levels are memoised by code pair, up to this many entries. */
const MEMO_LIMIT = 2_000_000
const CODE_SPACE = 1 << 24

function memoKey(kind: number, a: number, b: number): number {
  return (kind * CODE_SPACE + Math.min(a, b)) * CODE_SPACE + Math.max(a, b)
}

function memo(p: LevelFields, kind: number, a: number, b: number): number {
  if (a >= CODE_SPACE || b >= CODE_SPACE) return -1
  return p.nameMemo.get(memoKey(kind, a, b)) ?? -1
}

function remember(p: LevelFields, kind: number, a: number, b: number, level: number): number {
  if (p.nameMemo.size < MEMO_LIMIT && a < CODE_SPACE && b < CODE_SPACE) p.nameMemo.set(memoKey(kind, a, b), level)
  return level
}

/**
 * True when a "name" is just the record's own email local part (msmith63, clark.james): what a help desk shows
 * when nobody typed a name. It says nothing the email comparison does not, and compared as a first name it
 * would disagree with the person's real name. Cheap: most names fail the length test.
 */
export function nameIsLocalPart(name: string, local: string): boolean {
  if (name.length !== local.length || name === '') return false
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k)
    const l = local.charCodeAt(k)
    // Folding turned the local part's dots, dashes and underscores into spaces.
    if (c !== l && !(c === 32 && !isAlnum(l))) return false
  }
  return true
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122)

/** Per prepared set, per record: 1 when its email is a family mailbox of its own surname, 0 not, -1 not known yet. */
const familyMailboxes = new WeakMap<LevelFields, Int8Array>()

/** `householdMailbox` of record i's own email and surname, worked out once per record (it is asked for most pairs). */
function ownFamilyMailbox(p: LevelFields, i: number): boolean {
  let known = familyMailboxes.get(p)
  if (known === undefined) {
    known = new Int8Array(p.fn.length).fill(-1)
    familyMailboxes.set(p, known)
  }
  if (known[i] === -1) known[i] = householdMailbox(p.emailLocal[i]!, p.ln[i]!) ? 1 : 0
  return known[i] === 1
}

/** Writes the first- and last-name levels of records i and j (names of a record that has none count as null). */
function nameLevels(p: LevelFields, i: number, j: number, out: Uint8Array, off: number): void {
  if (nameIsLocalPart(p.fn[i]!, p.emailLocal[i]!) || nameIsLocalPart(p.fn[j]!, p.emailLocal[j]!)) {
    out[off + C.First] = 0
    out[off + C.Last] = 0
    return
  }
  if (namesSwapped(p.fn[i]!, p.ln[i]!, p.fn[j]!, p.ln[j]!)) {
    out[off + C.First] = 2
    out[off + C.Last] = 2
    return
  }
  let first = memo(p, 0, p.fnCode[i]!, p.fnCode[j]!)
  if (first < 0) first = remember(p, 0, p.fnCode[i]!, p.fnCode[j]!, firstNameLevel(p.fn[i]!, p.fn[j]!, p.fnMeta[i]!, p.fnMeta[j]!))
  let last = memo(p, 1, p.lnCode[i]!, p.lnCode[j]!)
  if (last < 0) last = remember(p, 1, p.lnCode[i]!, p.lnCode[j]!, lastNameLevel(p.ln[i]!, p.ln[j]!, p.lnMeta[i]!, p.lnMeta[j]!))
  if (first + last >= 7) {
    // Both names disagree: maybe first and last were swapped on one side, with a typo as well.
    const cf = firstNameLevel(p.fn[i]!, p.ln[j]!, p.fnMeta[i]!, p.lnMeta[j]!)
    const cl = lastNameLevel(p.ln[i]!, p.fn[j]!, p.lnMeta[i]!, p.fnMeta[j]!)
    if (cf <= 2 && cl <= 2) {
      first = 2
      last = 2
    }
  }
  out[off + C.First] = first
  out[off + C.Last] = last
}

/** Writes the K levels of records i and j of `p` into `out` at `off`. Allocates nothing but what comparators do. */
export function pairLevels(p: LevelFields, i: number, j: number, out: Uint8Array, off: number): void {
  nameLevels(p, i, j, out, off)
  let dob = dateLevel(p.dob[i]!, p.dob[j]!)
  if (dob === 0 && (birthYearInEmail(p.dob[i]!, p.emailLocal[j]!) || birthYearInEmail(p.dob[j]!, p.emailLocal[i]!))) dob = 4
  out[off + C.Dob] = dob
  out[off + C.Address] = addressLevelOf(p.houseNo[i]!, p.street[i]!, p.postcode[i]!, p.city[i]!, p.region[i]!,
    p.houseNo[j]!, p.street[j]!, p.postcode[j]!, p.city[j]!, p.region[j]!)
  let email = emailLevel(p.email[i]!, p.email[j]!, p.emailMatch[i]!, p.emailMatch[j]!, p.emailLocal[i]!, p.emailLocal[j]!,
    p.emailDomain[i]!, p.emailDomain[j]!)
  // Only a record without a first name is ambiguous at a family mailbox: two named members with different first
  // names keep the plain shared-email level, which the bands send to a human (a family inbox).
  if ((email === 1 || email === 2) && (out[off + C.First] === 0) &&
    (householdMailbox(p.emailLocal[i]!, p.ln[i]!) || householdMailbox(p.emailLocal[i]!, p.ln[j]!))) email = 3
  else if (email === 4 && !mistypedMailbox(p.emailLocal[i]!, p.emailLocal[j]!, p.emailDomain[i]!, p.emailDomain[j]!) &&
    (nameDerivedLocal(p.emailLocal[i]!, p.fn[i]!, p.ln[i]!) || nameDerivedLocal(p.emailLocal[i]!, p.fn[j]!, p.ln[j]!) ||
    nameDerivedLocal(p.emailLocal[j]!, p.fn[j]!, p.ln[j]!))) email = FREE_MAIL.has(p.emailDomain[i]!) !== FREE_MAIL.has(p.emailDomain[j]!) ? 5 : 6
  // A family mailbox on one side says nothing about which member wrote: that it differs from the other record's
  // own address is no evidence against (one person, their own inbox in one source and the family's in another).
  else if (email >= 5 && (ownFamilyMailbox(p, i) || ownFamilyMailbox(p, j))) email = 0
  out[off + C.Email] = email
  out[off + C.Phone] = phoneLevel(p.phone[i]!, p.phone[j]!, p.phone7[i]!, p.phone7[j]!)
  let company = companyLevel(p.company[i]!, p.company[j]!)
  // One side names an employer, the other writes from its domain: jane.doe@umbrellahealth.com and "Umbrella Health".
  if (company === 0 && (employerDomain(p.emailDomain[j]!, p.company[i]!) || employerDomain(p.emailDomain[i]!, p.company[j]!))) company = 1
  out[off + C.Company] = company
  out[off + C.ExtId] = externalIdLevel(p.extIds[i]!, p.extIds[j]!)
}

export { K }
