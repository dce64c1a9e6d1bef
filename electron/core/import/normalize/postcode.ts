import { cleanValue } from './clean'
import { normalizeCountry } from './country'

type Formatter = (compact: string) => string | undefined

/** Pads a numeric code that a spreadsheet stripped of its leading zeros ('2134' → '02134'). */
const digitsPadded = (length: number): Formatter => (compact) =>
  /^\d+$/.test(compact) && compact.length <= length && compact.length >= length - 2 ? compact.padStart(length, '0') : undefined

const split = (pattern: RegExp, at: number, sep: string): Formatter => (compact) =>
  pattern.test(compact) ? `${compact.slice(0, at)}${sep}${compact.slice(at)}` : undefined

// UK-style outward + inward codes: 'SW1A1AA' → 'SW1A 1AA'.
const ukLike: Formatter = (compact) =>
  /^(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\d[A-Z]{2}$/.test(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : undefined

const usZip: Formatter = (compact) => {
  if (!/^\d+$/.test(compact)) return undefined
  if (compact.length >= 3 && compact.length <= 5) return compact.padStart(5, '0')
  if (compact.length >= 7 && compact.length <= 9) {
    const full = compact.padStart(9, '0')
    return `${full.slice(0, 5)}-${full.slice(5)}`
  }
  return undefined
}

/** Per-country layouts; the input has spaces and dashes removed and is upper case. */
const FORMATS: Record<string, Formatter> = {
  GB: ukLike, GG: ukLike, JE: ukLike, IM: ukLike,
  US: usZip, PR: usZip,
  CA: split(/^[A-Z]\d[A-Z]\d[A-Z]\d$/, 3, ' '),
  NL: split(/^\d{4}[A-Z]{2}$/, 4, ' '),
  IE: split(/^[A-Z\d]{3}[A-Z\d]{4}$/, 3, ' '),
  SE: split(/^\d{5}$/, 3, ' '), CZ: split(/^\d{5}$/, 3, ' '), SK: split(/^\d{5}$/, 3, ' '), GR: split(/^\d{5}$/, 3, ' '),
  PL: split(/^\d{5}$/, 2, '-'), PT: split(/^\d{7}$/, 4, '-'), BR: split(/^\d{8}$/, 5, '-'), JP: split(/^\d{7}$/, 3, '-'),
  DE: digitsPadded(5), FR: digitsPadded(5), IT: digitsPadded(5), ES: digitsPadded(5), FI: digitsPadded(5),
  MX: digitsPadded(5), AU: digitsPadded(4), NZ: digitsPadded(4), AT: digitsPadded(4), BE: digitsPadded(4),
  CH: digitsPadded(4), DK: digitsPadded(4), NO: digitsPadded(4), ZA: digitsPadded(4), IN: digitsPadded(6),
}

/**
 * Normalises a postcode: upper case, inner whitespace collapsed, leading zeros kept (never parsed as a number).
 * With a country (any form normalizeCountry accepts) it is laid out the way that country writes it: GB 'SW1A 1AA',
 * NL '1234 AB', CA 'K1A 0B1', US '02134' / '02134-1234' (zeros a spreadsheet dropped are restored), PL '00-950'.
 * A code that does not fit its country's pattern is returned cleaned but otherwise as written. Null for empty input.
 */
export function normalizePostcode(raw: string, country?: string): string | null {
  const value = cleanValue(raw).toUpperCase().replace(/\s+/g, ' ')
  if (value === '' || /^(N\/?A|NULL|NONE|-+|0+)$/.test(value)) return null
  const code = country ? normalizeCountry(country) : null
  const format = code ? FORMATS[code] : undefined
  if (format) {
    const compact = value.replace(/[\s-]/g, '')
    const formatted = format(compact)
    if (formatted) return formatted
  }
  return value
}
