import { cleanValue } from './clean'
import { expandYear, isValidDate, monthFromName, parseTimeSuffix, toIso, type DateOrder, type TimeParts } from './date-parts'
import { fail, ok, type Norm } from './types'

export type { DateOrder } from './date-parts'

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])(.*)$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?\.?[\s\-/]+(\p{L}+)\.?,?[\s\-/]+(\d{4}|\d{2})(?![\d])(.*)$/u
const MONTH_NAME_DAY = /^(\p{L}+)\.?[\s\-/]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/]+(\d{4})(.*)$/u
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i
const EMPTY_DATES = /^(?:0{4}-0{2}-0{2}(?:[ T]0{2}:0{2}(?::0{2})?)?|n\/?a|null|none|-+|0)$/i
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

type Parsed = Norm<string> | undefined

function build(y: number, mo: number, d: number, rest: string): Norm<string> {
  const time: TimeParts | null | undefined = parseTimeSuffix(rest)
  if (time === undefined) return fail('unparseable-date')
  if (!isValidDate(y, mo, d)) return fail('invalid-date')
  return ok(toIso(y, mo, d, time))
}

function yearFirst(value: string): Parsed {
  const m = YEAR_FIRST.exec(value)
  return m ? build(Number(m[1]), Number(m[2]), Number(m[3]), m[4]!) : undefined
}

function numberLike(value: string): Parsed {
  const compact = COMPACT.exec(value)
  if (compact) {
    const y = Number(compact[1])
    // Only plausible years: an 8-digit id must not pass for a date.
    return y >= 1800 && y <= 2200 ? build(y, Number(compact[2]), Number(compact[3]), '') : fail('invalid-date')
  }
  if (/^\d{10}$|^\d{13}$/.test(value)) {
    // Unix time in seconds or milliseconds (APIs dumped to CSV).
    const ms = value.length === 10 ? Number(value) * 1000 : Number(value)
    return ok(new Date(ms).toISOString().replace('.000Z', 'Z'))
  }
  const serial = /^(\d{4,5})(?:\.(\d+))?$/.exec(value)
  if (serial && Number(serial[1]) >= 10_000) {
    // Excel serial day number (days since 1899-12-30); a fraction is the time of day.
    const ms = EXCEL_EPOCH + Math.round(Number(value) * 86_400_000)
    const iso = new Date(ms).toISOString()
    return ok(serial[2] ? iso.replace('.000Z', 'Z') : iso.slice(0, 10))
  }
  return undefined
}

function dayMonthYear(value: string, order: DateOrder | undefined): Parsed {
  const m = NUMERIC.exec(value)
  if (!m) return undefined
  const a = Number(m[1])
  const b = Number(m[3])
  const y = expandYear(m[4]!)
  let resolved = order === 'YMD' ? undefined : order
  // The data can overrule the column's order only when it must (a first field > 12 is never a month).
  if (a > 12 && b <= 12) resolved = 'DMY'
  else if (b > 12 && a <= 12) resolved = 'MDY'
  if (!resolved) return a === b ? build(y, a, b, m[5]!) : fail('ambiguous-date')
  return resolved === 'DMY' ? build(y, b, a, m[5]!) : build(y, a, b, m[5]!)
}

function withMonthName(value: string): Parsed {
  const dm = DAY_MONTH_NAME.exec(value)
  if (dm) {
    const month = monthFromName(dm[2]!)
    if (month) return build(expandYear(dm[3]!), month, Number(dm[1]), dm[4]!)
  }
  const md = MONTH_NAME_DAY.exec(value)
  if (md) {
    const month = monthFromName(md[1]!)
    if (month) return build(Number(md[3]), month, Number(md[2]), md[4]!)
  }
  return undefined
}

/**
 * Parses a date or date-time to ISO 8601: 'YYYY-MM-DD' for dates; for date-times the UTC instant as
 * 'YYYY-MM-DDTHH:MM:SS[.sss]Z' (an offset like Shopify's '2022-01-11 04:32:30 -0500' is applied; a time without
 * offset, like Mailchimp's '2015-03-16 14:40:47', is taken as UTC). Accepts year-first dates, day/month/year with
 * `order` (decided per column by decideDateOrder; a day > 12 settles a single value on its own), YYYYMMDD (FEBRL),
 * Excel serials, Unix seconds/milliseconds, and month names ('16 Mar 2015', 'March 16, 2015', '16. März 2015').
 * Returns null for empty input and placeholders (n/a, 0000-00-00); ok:false with 'invalid-date' (no 31 February),
 * 'ambiguous-date' (01/02/2020 with no order) or 'unparseable-date'. Never throws.
 */
export function parseDate(raw: string, order?: DateOrder): Norm<string> | null {
  const value = cleanValue(raw).replace(/\s+/g, ' ').replace(WEEKDAY, '')
  if (value === '' || EMPTY_DATES.test(value)) return null
  return yearFirst(value) ?? numberLike(value) ?? dayMonthYear(value, order) ?? withMonthName(value) ?? fail('unparseable-date')
}

/** How one sample speaks to the order question. */
function classify(sample: string): { kind: 'ymd' | 'dmy' | 'mdy' | 'either' | 'none'; sep?: string } {
  const value = cleanValue(sample)
  if (YEAR_FIRST.test(value)) return { kind: 'ymd' }
  const m = NUMERIC.exec(value)
  if (!m) return { kind: 'none' }
  const a = Number(m[1])
  const b = Number(m[3])
  if (a > 12 && b <= 12) return { kind: 'dmy', sep: m[2]! }
  if (b > 12 && a <= 12) return { kind: 'mdy', sep: m[2]! }
  return { kind: 'either', sep: m[2]! }
}

/**
 * Decides the day/month order of one column from its values, and says why. A value whose first field is > 12
 * proves day-first (DMY), a second field > 12 proves month-first (MDY); year-first values give YMD. When no
 * value settles it, the separator decides ('.' and '-' → DMY, '/' → MDY) and `ambiguous` is true so the
 * wizard can ask; conflicting evidence picks the majority, also with `ambiguous` true. Never throws.
 */
export function decideDateOrder(samples: string[]): { order: DateOrder; ambiguous: boolean; evidence: string } {
  const counts = { ymd: 0, dmy: 0, mdy: 0, either: 0, none: 0 }
  const examples: Partial<Record<keyof typeof counts, string>> = {}
  const seps = new Map<string, number>()
  for (const sample of samples) {
    const { kind, sep } = classify(sample)
    counts[kind]++
    examples[kind] ??= cleanValue(sample)
    if (sep) seps.set(sep, (seps.get(sep) ?? 0) + 1)
  }
  const numeric = counts.dmy + counts.mdy + counts.either
  if (numeric === 0) {
    const evidence = counts.ymd > 0 ? `${counts.ymd} value(s) are year-first, e.g. "${examples.ymd}"` : 'no day/month-ordered values'
    return { order: 'YMD', ambiguous: false, evidence }
  }
  if (counts.dmy > 0 && counts.mdy > 0) {
    const order = counts.dmy >= counts.mdy ? 'DMY' : 'MDY'
    const evidence = `conflicting values: ${counts.dmy} read only day-first (e.g. "${examples.dmy}"), ${counts.mdy} only month-first (e.g. "${examples.mdy}"); chose the majority ${order}`
    return { order, ambiguous: true, evidence }
  }
  if (counts.dmy > 0) return { order: 'DMY', ambiguous: false, evidence: `"${examples.dmy}" has a first field > 12, so the day comes first (${counts.dmy} of ${numeric} values show it)` }
  if (counts.mdy > 0) return { order: 'MDY', ambiguous: false, evidence: `"${examples.mdy}" has a second field > 12, so the month comes first (${counts.mdy} of ${numeric} values show it)` }
  const sep = [...seps.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '/'
  const order = sep === '/' ? 'MDY' : 'DMY'
  return { order, ambiguous: true, evidence: `no value has a day above 12 (${numeric} checked); '${sep}' separators suggest ${order} — please confirm` }
}
