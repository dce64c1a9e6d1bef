import type { ValueType } from '../../../../shared/domain/fields'
import {
  isJunkValue, normalizeCountry, normalizeEmail, normalizeRegion, parseConsent, parseDate, parseMoney, type DateOrder,
} from '../normalize'

/** Does one cleaned, non-empty value plausibly belong to a column of this type (header or no header)? */
export type ValueTest = (value: string) => boolean

const PHONE_CHARS = /^[+(]?[\d\s().\-/]{6,22}(?:\s*(?:x|ext\.?)\s*\d{1,5})?$/i
const NAME_LIKE = /^[\p{L}][\p{L}\p{M}'’.\- ]*$/u
const STREET_WORDS = /\b(street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|crescent|cres|close|terrace|highway|hwy|parkway|pkwy|square|sq|strasse|straße|str|weg|rue|via|calle|plaza|circuit|cct|grove|gardens|po box)\b/i
const STRONG_POSTCODE = [
  /^\d{5}-\d{4}$/, /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, /^\d{4} ?[A-Z]{2}$/i,
]
const LOOSE_POSTCODE = /^(?=.*\d)[A-Z0-9][A-Z0-9 -]{1,9}$/i

const EXCEL_MANGLED = /^\d(?:[.,]\d+)?E\+\d+$/i
const digitCount = (value: string): number => value.replace(/\D/g, '').length

export const isPhoneLike: ValueTest = (v) => PHONE_CHARS.test(v) && digitCount(v) >= 7 && digitCount(v) <= 15
/** A phone written the way people write phones (a +, spaces, dashes or brackets), not a bare digit run that could be an id. */
export const isFormattedPhone: ValueTest = (v) => isPhoneLike(v) && /[+\s().\-/]/.test(v) && !/^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(v)
export const isStrongPostcode: ValueTest = (v) => STRONG_POSTCODE.some((p) => p.test(v))
export const isNameLike: ValueTest = (v) => NAME_LIKE.test(v) && v.length <= 40 && v.split(' ').length <= 4
export const isStreetLike: ValueTest = (v) => /\p{L}/u.test(v) && v.length <= 120 && (/^\d+[A-Za-z]?\b/.test(v) || /\d/.test(v) || STREET_WORDS.test(v))
// Decimals (coordinates, prices) and IP addresses are not ids even though they are token-like.
export const isIdLike: ValueTest = (v) =>
  (/^[\w\-.:#/]{1,64}$/.test(v) || EXCEL_MANGLED.test(v)) && /\d/.test(v) && !/^-?\d+\.\d+$/.test(v) && !/^\d{1,3}(\.\d{1,3}){3}$/.test(v)
export const isCurrencyMarked: ValueTest = (v) => /[$€£¥₹₩₽₺₪]|\b[A-Z]{3}\b/.test(v) || /^-?[\d,.' ]*\d[.,]\d{2}$/.test(v)

/** The test a column's values must mostly pass for a header hint of this type to stand. */
export function plausibleFor(type: ValueType, order: DateOrder): ValueTest {
  switch (type) {
    case 'email': return (v) => v.includes('@')
    case 'phone': return isPhoneLike
    case 'date': case 'datetime': return (v) => parseDate(v, order)?.ok === true
    case 'money': return (v) => parseMoney(v)?.ok === true
    case 'boolean': return (v) => parseConsent(v) !== null
    case 'postcode': return (v) => LOOSE_POSTCODE.test(v)
    case 'country': return (v) => normalizeCountry(v) !== null
    case 'region': return (v) => v.length <= 40 && /\p{L}/u.test(v)
    case 'first_name': case 'last_name': case 'full_name': case 'city': return isNameLike
    case 'street': return (v) => /\p{L}|\d/u.test(v) && v.length <= 120
    case 'id': return (v) => /^\S{1,64}$/.test(v)
    case 'text': case 'empty': return () => true
  }
}

/** Tests that recognise a type from values alone, strongest evidence first. */
export function valueTests(order: DateOrder): Array<[ValueType, ValueTest, number]> {
  return [
    ['email', (v) => normalizeEmail(v)?.ok === true || (v.includes('@') && isJunkValue('email', v)), 0.8],
    ['datetime', (v) => !/^\d+(\.\d+)?$/.test(v) && (parseDate(v, order)?.ok ?? false) && /\d:\d\d/.test(v), 0.8],
    ['date', (v) => !/^\d+(\.\d+)?$/.test(v) && parseDate(v, order)?.ok === true, 0.8],
    ['boolean', (v) => parseConsent(v) !== null, 0.95],
    ['money', (v) => isCurrencyMarked(v) && parseMoney(v)?.ok === true, 0.8],
    ['postcode', isStrongPostcode, 0.8],
    ['phone', isFormattedPhone, 0.8],
    ['region', (v) => /^[A-Z]{2}-/.test(normalizeRegion(v) ?? '') && !/^[A-Z]{2}-/i.test(v), 0.8],
    ['country', (v) => normalizeCountry(v) !== null, 0.8],
    ['street', (v) => isStreetLike(v) && /\s/.test(v) && /\d/.test(v) && STREET_WORDS.test(v), 0.6],
    ['id', isIdLike, 0.9],
  ]
}
