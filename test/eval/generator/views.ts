/**
 * How one source sees a person at one moment: which name, email, phone and address it shows, with that
 * source's noise. Every rate lives in `sourceNoise` so test/eval/README.md can quote them.
 */
import { caseNoise, formatPhone, gmailVariant, hasAccent, junkEmails, junkPhones, nicknameOf, stripAccents, typo, type PhoneFormat } from './noise'
import type { Address, Person } from './person'
import type { Rng } from './rng'

export interface NoiseProfile {
  /** A first name written as a nickname (Bill for William) when one exists. */
  nickname: number
  /** One Damerau edit in a first or last name (each drawn separately). */
  nameTypo: number
  /** The whole name UPPER or lower case. */
  nameCase: number
  /** Accents dropped (José → Jose) when the name has any. */
  stripAccents: number
  /** Older sources keep the maiden name this often (for married people, rows dated before the marriage). */
  keepMaiden: number
  emailMissing: number
  emailJunk: number
  emailTypo: number
  /** Upper-cased letters in the email as typed. */
  emailCase: number
  /** gmail dot or +tag variant of a gmail address. */
  gmailVariant: number
  /** Work email used instead of the personal one when the person has one. */
  workEmail: number
  /** The shared family inbox used instead of the personal email when the person has one. */
  familyEmail: number
  phoneMissing: number
  phoneJunk: number
  /** Household landline given instead of the mobile (when both exist). */
  landline: number
  streetTypo: number
  /** Abbreviated street type (Main St vs Main Street). */
  streetShort: number
  addressMissing: number
}

const base: NoiseProfile = {
  nickname: 0.06, nameTypo: 0.025, nameCase: 0.04, stripAccents: 0.3, keepMaiden: 0.7,
  emailMissing: 0.02, emailJunk: 0, emailTypo: 0.005, emailCase: 0.03, gmailVariant: 0, workEmail: 0, familyEmail: 0.5,
  phoneMissing: 0.4, phoneJunk: 0, landline: 0.3, streetTypo: 0.02, streetShort: 0.5, addressMissing: 0.1,
}

export const sourceNoise = {
  hubspot_contacts: { ...base, nickname: 0.1, emailMissing: 0.05, emailJunk: 0.008, emailTypo: 0.01, workEmail: 0.6, phoneMissing: 0.35, phoneJunk: 0.008, addressMissing: 0.3 },
  shopify_customers: { ...base, nickname: 0.04, emailMissing: 0.02, gmailVariant: 0.08, familyEmail: 0.6, phoneMissing: 0.55, addressMissing: 0.15 },
  shopify_orders: { ...base, nickname: 0.05, emailMissing: 0, gmailVariant: 0.05, workEmail: 0.05, phoneMissing: 0.3, addressMissing: 0.02, stripAccents: 0.5 },
  mailchimp_audience: { ...base, nickname: 0.08, emailMissing: 0, stripAccents: 0.5, workEmail: 0.2, familyEmail: 0.4, phoneMissing: 1, addressMissing: 1 },
  zendesk_users: { ...base, nickname: 0.12, emailMissing: 0.03, emailJunk: 0.008, emailTypo: 0.01, workEmail: 0.4, phoneMissing: 0.6, phoneJunk: 0.005, addressMissing: 1 },
} as const satisfies Record<string, NoiseProfile>

export interface NameView {
  first: string
  last: string
}

/** The name as this source shows it at time `t` (seconds after 2015-01-01). */
export function nameView(rng: Rng, p: Person, noise: NoiseProfile, t: number): NameView {
  let first = p.first
  let last = p.maidenLast && t < p.changeAt && rng.chance(noise.keepMaiden) ? p.maidenLast : p.last
  if (rng.chance(noise.nickname)) first = nicknameOf(rng, first) ?? first
  if (rng.chance(noise.nameTypo)) first = typo(rng, first)
  if (rng.chance(noise.nameTypo)) last = typo(rng, last)
  if ((hasAccent(first) || hasAccent(last)) && rng.chance(noise.stripAccents)) {
    first = stripAccents(first)
    last = stripAccents(last)
  }
  if (rng.chance(noise.nameCase)) {
    first = caseNoise(rng, first)
    last = caseNoise(rng, last)
  }
  return { first, last }
}

/** The email this source holds at time `t`, or '' when missing. */
export function emailView(rng: Rng, p: Person, noise: NoiseProfile, t: number): string {
  if (rng.chance(noise.emailMissing)) return ''
  if (rng.chance(noise.emailJunk)) return rng.pick(junkEmails)
  let email = p.oldEmail && t < p.changeAt ? p.oldEmail : p.email
  if (p.workEmail && rng.chance(noise.workEmail)) email = p.workEmail
  else if (p.familyEmail && rng.chance(noise.familyEmail)) email = p.familyEmail
  if (rng.chance(noise.gmailVariant)) email = gmailVariant(rng, email)
  if (rng.chance(noise.emailTypo)) {
    const at = email.indexOf('@')
    email = typo(rng, email.slice(0, at)) + email.slice(at)
  }
  if (rng.chance(noise.emailCase)) email = email.charAt(0).toUpperCase() + email.slice(1).replace(/\.([a-z])/, (_m, c: string) => `.${c.toUpperCase()}`)
  return email
}

/** Ten-digit phone this source holds at time `t` in `format`, or '' when missing. */
export function phoneView(rng: Rng, p: Person, noise: NoiseProfile, t: number, format: PhoneFormat): string {
  if (rng.chance(noise.phoneMissing)) return ''
  if (rng.chance(noise.phoneJunk)) return rng.pick(junkPhones)
  const landline = p.oldLandline && t < p.changeAt ? p.oldLandline : p.landline
  const digits = landline && (!p.mobile || rng.chance(noise.landline)) ? landline : p.mobile
  return digits ? formatPhone(digits, format) : ''
}

export interface AddressView {
  line1: string
  line2: string
  city: string
  region: string
  regionName: string
  postcode: string
}

const emptyAddress: AddressView = { line1: '', line2: '', city: '', region: '', regionName: '', postcode: '' }

/** The address this source holds at time `t`; moved people show the old one before the move. */
export function addressView(rng: Rng, p: Person, noise: NoiseProfile, t: number): AddressView {
  if (rng.chance(noise.addressMissing)) return emptyAddress
  const a: Address = p.oldAddress && t < p.changeAt ? p.oldAddress : p.address
  let street = rng.chance(noise.streetShort) ? a.streetShort : a.street
  if (rng.chance(noise.streetTypo)) street = typo(rng, street)
  return {
    line1: `${a.number} ${street}`,
    line2: a.unit,
    city: a.city.name,
    region: a.city.region,
    regionName: a.city.regionName,
    postcode: a.postcode,
  }
}
