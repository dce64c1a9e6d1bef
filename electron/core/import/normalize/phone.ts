import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { cleanCell, isJunkValue } from './clean'
import { fail, ok, type Norm } from './types'

/** Parses with libphonenumber's full metadata (the default metadata accepts numbers that cannot exist). */
function parseValid(text: string, country: CountryCode | undefined): { e164: string; country?: string } | undefined {
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined)
  if (!parsed || !parsed.isValid()) return undefined
  return parsed.country ? { e164: parsed.number, country: parsed.country } : { e164: parsed.number }
}

/**
 * Normalises a phone number to E.164 (`+14155550123`) with the ISO country it belongs to. National numbers are
 * read in `defaultCountry` (the workspace default, ISO alpha-2; an unknown code means international-only);
 * `00` international prefixes and numbers that lost their `+` (Excel) are recovered. Returns null for empty
 * input, ok:false with 'junk' (0000000000, 1234567890, n/a), 'excel-mangled' (7.02255E+12) or 'invalid'.
 */
export function normalizePhone(raw: string, defaultCountry: string): Norm<{ e164: string; country?: string }> | null {
  const { value, flags } = cleanCell(raw)
  if (value === '') return null
  if (flags.includes('excel-mangled')) return fail('excel-mangled')
  if (isJunkValue('phone', value)) return fail('junk')
  const upper = defaultCountry.trim().toUpperCase()
  const country = isSupportedCountry(upper) ? upper : undefined
  const text = value.replace(/^00(?=[1-9])/, '+').replace(/^\+\s*\(?\+/, '+')
  const found = parseValid(text, country)
  if (found) return ok(found)
  // '923435290031' in a US workspace: a full international number that lost its leading +.
  const digits = text.replace(/\D/g, '')
  if (!text.startsWith('+') && digits.length >= 10) {
    const international = parseValid(`+${digits}`, undefined)
    if (international) return ok(international)
  }
  return fail('invalid')
}
