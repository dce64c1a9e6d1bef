import { normalizePhone } from '../import/normalize'

/**
 * Per-platform normalisation of golden values, applied before hashing (the platforms hash the same
 * normalised text on their side, so a different spelling means no match). Inputs are Tessera's own
 * normalised values (emails lower-cased, phones E.164, countries ISO alpha-2, regions ISO 3166-2, dates
 * ISO 8601); every function still tolerates other spellings and returns '' when nothing usable is left.
 */

/** Trimmed and lower-cased: `  John.Doe@Example.COM ` → `john.doe@example.com`. */
export function normEmail(v: string): string {
  return v.trim().toLowerCase()
}

const GMAIL = new Set(['gmail.com', 'googlemail.com'])

/** Google's gmail rule: dots in the local part of gmail.com / googlemail.com addresses are removed. */
export function foldGmailDots(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return email
  const domain = email.slice(at + 1)
  return GMAIL.has(domain) ? `${email.slice(0, at).replaceAll('.', '')}@${domain}` : email
}

/**
 * A phone in E.164 (`+447700900123`). Values without a leading `+` are parsed with the profile's country,
 * since a national number alone does not say which country code it needs. '' when it cannot be made valid.
 */
export function e164(v: string, country: string | null): string {
  const trimmed = v.trim()
  if (trimmed === '') return ''
  if (/^\+[1-9]\d{6,14}$/.test(trimmed)) return trimmed
  const parsed = normalizePhone(trimmed, country ?? '')
  return parsed?.ok ? parsed.value.e164 : ''
}

/** Meta's phone rule: digits only, country code included, no `+` and no leading zeros. */
export function phoneDigits(v: string, country: string | null): string {
  return e164(v, country).replace(/\D/g, '')
}

/** Meta's rule for names and cities: lower case, letters and digits only (UTF-8 letters kept). `Menlo Park` → `menlopark`. */
export function lettersOnly(v: string): string {
  return v.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** Lower-cased and trimmed, inner spaces kept (Google's rule for names). */
export function lowerTrim(v: string): string {
  return v.normalize('NFC').trim().toLowerCase()
}

/** A region: `US-CA` → `ca` (the 2-letter state code Meta wants); other values lose punctuation and spaces. */
export function stateCode(region: string): string {
  const iso = /^[A-Za-z]{2}-([A-Za-z0-9]{1,3})$/.exec(region.trim())
  return iso ? iso[1]!.toLowerCase() : lettersOnly(region)
}

/** Meta's zip rule: lower case, no spaces or dashes; US zips keep the first 5 digits. */
export function metaZip(postcode: string, country: string | null): string {
  const compact = postcode.toLowerCase().replace(/[\s-]/g, '')
  if ((country ?? '').toUpperCase() === 'US') {
    const digits = compact.replace(/\D/g, '')
    return digits.length >= 5 ? digits.slice(0, 5) : ''
  }
  return compact
}

/** ISO 3166-1 alpha-2 in the case the platform wants; '' for anything that is not two letters. */
export function countryCode(v: string, upper: boolean): string {
  const c = v.trim()
  if (!/^[A-Za-z]{2}$/.test(c)) return ''
  return upper ? c.toUpperCase() : c.toLowerCase()
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/

/** `1990-02-16` → `19900216` (Meta `dob`). */
export function dobCompact(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate.trim())
  return m ? `${m[1]}${m[2]}${m[3]}` : ''
}

/** `1990-02-16` → `1990` (Meta `doby`). */
export function birthYear(isoDate: string): string {
  return ISO_DATE.exec(isoDate.trim())?.[1] ?? ''
}

/** `1990-02-16` → `02/16` (Mailchimp's birthday merge field, month/day). */
export function birthdayMonthDay(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate.trim())
  return m ? `${m[2]}/${m[3]}` : ''
}

const MALE = new Set(['m', 'male', 'man', 'masculin', 'männlich', 'h', 'homme'])
const FEMALE = new Set(['f', 'female', 'woman', 'feminin', 'féminin', 'weiblich', 'w', 'femme'])

/** Meta's `gen`: `m` or `f`; '' for anything else (an unknown gender is left out, not guessed). */
export function genderLetter(v: string): string {
  const g = v.trim().toLowerCase()
  if (MALE.has(g)) return 'm'
  if (FEMALE.has(g)) return 'f'
  return ''
}

/** Mobile advertiser ids go lower-cased and are never hashed. */
export function madid(v: string): string {
  return v.trim().toLowerCase()
}
