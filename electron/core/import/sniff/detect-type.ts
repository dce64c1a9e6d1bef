import type { ValueType } from '../../../../shared/domain/fields'
import { cleanCell, decideDateOrder, isPlaceholder } from '../normalize'
import { headerHint } from './header-hints'
import { isNameLike, plausibleFor, valueTests, type ValueTest } from './value-tests'

// Enough to decide, small enough to profile 20,000 columns quickly.
const MAX_VALUES = 200
// A header hint stands when this share of the values fits it (real columns carry some junk).
const HINT_FIT = 0.7

const share = (values: string[], test: ValueTest): number => {
  let hits = 0
  for (const v of values) if (test(v)) hits++
  return hits / values.length
}

/** share(values, test) >= threshold, stopping as soon as the answer is known (most tests fail on the first values). */
function reaches(values: string[], test: ValueTest, threshold: number): boolean {
  const allowedMisses = Math.floor(values.length * (1 - threshold) + 1e-9)
  let misses = 0
  for (const v of values) {
    if (test(v)) continue
    if (++misses > allowedMisses) return false
  }
  return true
}

/** Name-like columns without a helpful header: two or more words reads as a full name, one word is left as text. */
function nameShape(values: string[]): ValueType | undefined {
  if (!reaches(values, isNameLike, 0.9)) return undefined
  const multiWord = share(values, (v) => /\S\s+\S/.test(v))
  return multiWord >= 0.6 ? 'full_name' : undefined
}

/**
 * Detects what a column holds. The header name is a hint (e.g. 'Zip' → postcode) that stands when most values fit
 * it; otherwise the values decide on their own (emails, dates, currency amounts, formatted phones, postcodes, regions,
 * countries, ids…), falling back to 'text'. 'empty' when no value is present. Looks at up to 200 non-empty values.
 * Never throws.
 */
export function detectValueType(values: string[], header?: string): ValueType {
  const cleaned: string[] = []
  for (const raw of values) {
    const v = cleanCell(raw).value
    if (v !== '') cleaned.push(v)
    if (cleaned.length >= MAX_VALUES) break
  }
  if (cleaned.length === 0) return 'empty'
  // Placeholders ('n/a', '-') say nothing about the column; judge the rest (unless nothing else is there).
  const informative = cleaned.filter((v) => !isPlaceholder(v))
  return decide(informative.length > 0 ? informative : cleaned, header)
}

function decide(cleaned: string[], header: string | undefined): ValueType {
  const order = decideDateOrder(cleaned).order
  const hint = headerHint(header)
  if (hint && reaches(cleaned, plausibleFor(hint, order), HINT_FIT)) {
    if (hint === 'date' || hint === 'datetime') return share(cleaned, (v) => /\d:\d\d/.test(v) || /^\d+\.\d+$/.test(v)) >= 0.5 ? 'datetime' : 'date'
    return hint
  }
  for (const [type, test, threshold] of valueTests(order)) {
    // An id column is (nearly) unique; a column of small repeated numbers is a rating or a count.
    if (type === 'id' && new Set(cleaned).size < cleaned.length * 0.9) continue
    if (reaches(cleaned, test, threshold)) return type
  }
  return nameShape(cleaned) ?? 'text'
}
