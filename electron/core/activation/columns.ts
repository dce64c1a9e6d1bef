import { CdpError } from '../../../shared/api/errors'
import type { ProfileData } from './profile-data'

/**
 * Columns of an export file. A column turns a profile into one normalised cell ('' when the profile has
 * no value); `hash` says whether the platform wants it hashed, and `numeric` lets plain numbers through
 * the formula-injection guard unchanged.
 */
export type HashRule = 'never' | 'optional' | 'always'

export interface ValueOptions {
  /** Google: remove dots from gmail.com / googlemail.com local parts. */
  gmailDotFolding: boolean
}

export interface ExportColumn {
  header: string
  value(p: ProfileData, o: ValueOptions): string
  hash: HashRule
  numeric?: boolean
}

/** The golden value of an attribute, '' when absent. */
export const golden = (p: ProfileData, attribute: string): string => p.golden[attribute] ?? ''

export const goldenAttributeNames = [
  'first_name', 'last_name', 'full_name', 'email', 'phone', 'company', 'street', 'street2', 'city', 'region', 'postcode', 'country',
  'birth_date', 'gender',
] as const

const summaryTraits = {
  record_count: (p: ProfileData) => p.summary?.record_count,
  order_count: (p: ProfileData) => p.summary?.order_count,
  spend_minor: (p: ProfileData) => p.summary?.spend_minor,
  first_order_at: (p: ProfileData) => p.summary?.first_order_at,
  last_order_at: (p: ProfileData) => p.summary?.last_order_at,
  last_seen_at: (p: ProfileData) => p.summary?.last_seen_at,
  consent_email: (p: ProfileData) => p.summary?.consent_email,
  consent_sms: (p: ProfileData) => p.summary?.consent_sms,
  consent_ads: (p: ProfileData) => p.summary?.consent_ads,
  tags: (p: ProfileData) => (p.summary ? (JSON.parse(p.summary.tags) as string[]).join(', ') : ''),
} satisfies Record<string, (p: ProfileData) => string | number | null | undefined>
const numericTraits = new Set(['record_count', 'order_count', 'spend_minor'])

/** The columns a generic (csv/xlsx/json) export has when none are chosen. */
export const defaultColumns = ['profile_id', 'first_name', 'last_name', 'email', 'phone', 'city', 'country', 'order_count', 'spend_minor', 'last_order_at']

const MAX_IDENTIFIERS = 10

/**
 * Parses one column name of the chooser: `profile_id`, a golden attribute (`first_name`, `email`, …), the
 * nth email or phone (`email_2`, `phone_3`, up to 10), a summary trait (`order_count`, `tags`, `consent_email`, …)
 * or a custom trait (`trait:<name>`). Throws CdpError('InvalidInput') naming the valid choices.
 */
export function chooseColumn(name: string, customTraits: readonly string[]): ExportColumn {
  const n = name.trim()
  if (n === 'profile_id') return { header: n, value: (p) => String(p.id), hash: 'never', numeric: true }
  // A golden phone is E.164 (`+44…`): a plain number that must reach the file without an apostrophe.
  if ((goldenAttributeNames as readonly string[]).includes(n)) return { header: n, value: (p) => golden(p, n), hash: 'never', numeric: n === 'phone' }
  const nth = /^(email|phone)_(\d{1,2})$/.exec(n)
  if (nth) {
    const index = Number(nth[2]) - 1
    if (index < 0 || index >= MAX_IDENTIFIERS) throw new CdpError('InvalidInput', `Column ${n}: choose ${nth[1]}_1 … ${nth[1]}_${MAX_IDENTIFIERS}.`)
    const kind = nth[1] === 'email' ? 'emails' : 'phones'
    return { header: n, value: (p) => p[kind][index] ?? '', hash: 'never', numeric: kind === 'phones' }
  }
  if (n in summaryTraits) {
    const get = summaryTraits[n as keyof typeof summaryTraits]
    return { header: n, value: (p) => String(get(p) ?? ''), hash: 'never', numeric: numericTraits.has(n) }
  }
  if (n.startsWith('trait:')) {
    const trait = n.slice('trait:'.length)
    if (!customTraits.includes(trait)) throw new CdpError('InvalidInput', `No custom trait named "${trait}". Known: ${customTraits.join(', ') || '(none)'}.`)
    return { header: trait, value: (p) => cell(p.custom[trait]), hash: 'never', numeric: true }
  }
  throw new CdpError('InvalidInput', `Unknown column "${n}". Choose from profile_id, ${goldenAttributeNames.join(', ')}, email_N, phone_N, ${Object.keys(summaryTraits).join(', ')}, trait:<name>.`)
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  return typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)
}
