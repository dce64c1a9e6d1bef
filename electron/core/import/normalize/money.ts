import { cleanValue } from './clean'
import { fail, ok, type Norm } from './types'

// ISO 4217 minor-unit exponents that are not 2.
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3, CLF: 4, UYW: 4,
}

/** Minor-unit exponent of an ISO 4217 currency (2 unless listed otherwise: JPY 0, KWD 3…). */
export const currencyExponent = (currency: string | undefined): number => (currency ? EXPONENTS[currency] ?? 2 : 2)

// Longest first so 'US$' wins over '$'.
const SYMBOLS: Array<[string, string]> = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'],
  ['S$', 'SGD'], ['MX$', 'MXN'], ['R$', 'BRL'], ['CN¥', 'CNY'], ['元', 'CNY'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'],
  ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'], ['₪', 'ILS'], ['₱', 'PHP'], ['₫', 'VND'], ['฿', 'THB'],
  ['zł', 'PLN'], ['Kč', 'CZK'], ['Fr.', 'CHF'], ['$', 'USD'],
]
const DOLLAR_LIKE = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN'])
const NORDIC_KR = new Set(['SEK', 'NOK', 'DKK', 'ISK'])

/** Removes a currency code or symbol from either end; returns what it found. */
function takeCurrency(text: string, defaultCurrency: string | undefined): { rest: string; currency?: string } {
  const code = /^([A-Z]{3})\s*(.+)$/.exec(text) ?? /^(.+?)\s*([A-Z]{3})$/.exec(text)
  if (code) {
    const [a, b] = [code[1]!, code[2]!]
    return /^[A-Z]{3}$/.test(a) ? { rest: b, currency: a } : { rest: a, currency: b }
  }
  const kr = /^(.+?)\s*(?:kr\.?|:-)$|^kr\.?\s*(.+)$/i.exec(text)
  if (kr) return { rest: (kr[1] ?? kr[2])!, currency: defaultCurrency && NORDIC_KR.has(defaultCurrency) ? defaultCurrency : undefined }
  for (const [symbol, currency] of SYMBOLS) {
    const at = text.indexOf(symbol)
    if (at < 0) continue
    // A bare '$' in a CAD/AUD/… workspace means that dollar.
    const resolved = symbol === '$' && defaultCurrency && DOLLAR_LIKE.has(defaultCurrency) ? defaultCurrency : currency
    return { rest: (text.slice(0, at) + text.slice(at + symbol.length)).trim(), currency: resolved }
  }
  return { rest: text }
}

/** Splits a number written with any thousands/decimal convention into its integer and fraction digits. */
function splitNumber(text: string): { int: string; frac: string } | undefined {
  const compact = text.replace(/[\s'’]/g, '')
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(compact)) return undefined
  const lastDot = compact.lastIndexOf('.')
  const lastComma = compact.lastIndexOf(',')
  let decimal: string | undefined
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ','
  else if (lastDot >= 0) decimal = compact.indexOf('.') === lastDot ? '.' : undefined
  // A single comma followed by exactly three digits is a thousands separator ('1,234'); otherwise decimal ('12,5').
  else if (lastComma >= 0) decimal = compact.indexOf(',') === lastComma && compact.length - lastComma - 1 !== 3 ? ',' : undefined
  const thousands = decimal === '.' ? ',' : '.'
  const [int = '', frac = ''] = decimal ? compact.split(decimal) : [compact]
  const intDigits = int.replaceAll(decimal ? thousands : /[.,]/g, '')
  if (!/^\d*$/.test(intDigits) || !/^\d*$/.test(frac)) return undefined
  return { int: intDigits === '' ? '0' : intDigits, frac }
}

/** Integer minor units from digit strings, rounding half away from zero past the currency's exponent. */
function toMinor(int: string, frac: string, exponent: number): number {
  const kept = (frac + '0'.repeat(exponent)).slice(0, exponent)
  const roundUp = frac.length > exponent && Number(frac[exponent]) >= 5
  return Number(int + kept) + (roundUp ? 1 : 0)
}

/**
 * Parses a money amount into integer minor units of its currency: '$1,234.50' → 123450 USD, '1.234,50 €' → 123450 EUR,
 * 'EUR 12' → 1200, '-3.10' / '(3.10)' / '3.10-' → -310, '¥1,200' → 1200 JPY (exponent per ISO 4217). The currency comes
 * from a code or symbol in the value, else `defaultCurrency`, else is left out. Returns null for empty input and
 * placeholders ('n/a', '-'); ok:false with 'unparseable-money' or 'out-of-range'. Never throws.
 */
export function parseMoney(raw: string, defaultCurrency?: string): Norm<{ minor: number; currency?: string }> | null {
  let text = cleanValue(raw)
  if (text === '' || /^(?:n\/?a|null|none|-+)$/i.test(text)) return null
  const fallback = defaultCurrency?.trim().toUpperCase() || undefined
  let negative = false
  const paren = /^\((.*)\)$/.exec(text)
  if (paren) [negative, text] = [true, paren[1]!.trim()]
  const taken = takeCurrency(text, fallback)
  text = taken.rest.trim()
  if (/^[-−]/.test(text) || /-$/.test(text)) [negative, text] = [true, text.replace(/^[-−]\s*|\s*-$/g, '')]
  text = text.replace(/^\+/, '')
  const currency = taken.currency ?? fallback
  const parts = splitNumber(text)
  if (!parts) return fail('unparseable-money')
  const minor = toMinor(parts.int, parts.frac, currencyExponent(currency))
  if (!Number.isSafeInteger(minor)) return fail('out-of-range')
  const signed = negative && minor !== 0 ? -minor : minor
  return ok(currency ? { minor: signed, currency } : { minor: signed })
}
