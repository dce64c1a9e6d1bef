import {
  isJunkValue, normalizeCountry as countryCode, normalizeEmail as emailNorm, normalizeName, normalizePhone as phoneNorm,
  normalizePostcode as postcodeNorm, normalizeRegion as regionNorm, parseConsent, parseDate, parseTags, splitFullName as splitName,
} from '../normalize'
import { memo1, memo2 } from './memo'
import type { RowCells, RowPlan } from './row-plan'

// Pure normalisers memoised per thread (see memo.ts): values repeat across rows and files.
const normalizeCountry = memo1(countryCode)
const normalizeEmail = memo1(emailNorm)
const normalizePhone = memo2((raw: string, country: string | undefined) => phoneNorm(raw, country ?? 'US'))
const normalizePostcode = memo2(postcodeNorm)
const normalizeRegion = memo2(regionNorm)
const splitFullName = memo1(splitName)
const isJunkPhone = memo1((raw: string) => isJunkValue('phone', raw))

/**
 * A normalised identifier: `email`, `email_match` (a mailbox's identity-matching key, where it is not the mailbox
 * itself; see readEmails), `phone`, `external:<system>`, `card_fingerprint`.
 */
export interface IdentifierDraft { kind: string; value: string; raw: string }

/** A person as one row describes them, normalised; raw values stay in raw_rows. */
export interface PersonDraft {
  sourceKey: string | null
  fields: {
    first_name: string | null; last_name: string | null; full_name: string | null; email: string | null; phone: string | null
    company: string | null; street: string | null; street2: string | null; city: string | null; region: string | null
    postcode: string | null; country: string | null; birth_date: string | null; gender: string | null
  }
  observedAt: string | null
  attributes: Record<string, unknown>
  identifiers: IdentifierDraft[]
  consents: Array<{ channel: 'email' | 'sms' | 'ads'; value: 'granted' | 'denied' | 'unknown' }>
}

/** True when the draft holds something a person can be told apart by (an id, an address, a name). */
export function hasIdentity(p: PersonDraft): boolean {
  const f = p.fields
  return p.sourceKey !== null || p.identifiers.length > 0 || Boolean(f.first_name || f.last_name || f.full_name)
}

/** True when the draft holds a key an event can be attached by (id, email, phone). */
export function hasPersonKey(p: PersonDraft): boolean {
  return p.sourceKey !== null || p.identifiers.length > 0
}

/**
 * Builds the person half of a row. Never throws; values that fail normalisation are left out of the
 * normalised columns and listed under attributes._rejected with the reason (the raw stays in raw_rows).
 */
export function personDraft(cells: RowCells, plan: RowPlan): PersonDraft {
  const rejected: Record<string, string> = {}
  const attributes: Record<string, unknown> = {}
  const identifiers: IdentifierDraft[] = []
  const country = countryOf(cells)
  const p: PersonDraft = {
    sourceKey: null, observedAt: null, attributes, identifiers, consents: [],
    fields: {
      first_name: null, last_name: null, full_name: null, email: null, phone: null, company: cells.get('company'),
      street: cells.get('street'), street2: cells.get('street2'), city: cells.get('city'), region: null, postcode: null,
      country, birth_date: null, gender: cells.get('gender'),
    },
  }
  readKeys(cells, plan, p, rejected)
  readEmails(cells, p, rejected)
  readPhones(cells, country ?? plan.defaultCountry, p, rejected)
  readNames(cells, p)
  readPlace(cells, p)
  readDates(cells, plan, p, rejected)
  readConsents(cells, p)
  const tags = cells.get('tags')
  if (tags !== null) attributes.tags = parseTags(tags)
  // In an event file the extra columns describe the event (an order's totals, a line item), and become its
  // properties: copying them onto the buyer's record too cost ~500 bytes per order row and said nothing of the person.
  if (plan.mapping.kind === 'person') {
    for (const { name, index } of plan.attributes) {
      const v = cells.at(index)
      if (v !== null) attributes[name] = v
    }
  }
  if (Object.keys(rejected).length) attributes._rejected = rejected
  if (Object.keys(cells.flags).length) attributes._flags = cells.flags
  return p
}

function countryOf(cells: RowCells): string | null {
  const raw = cells.get('country')
  return raw === null ? null : (normalizeCountry(raw) ?? raw)
}

function readKeys(cells: RowCells, plan: RowPlan, p: PersonDraft, rejected: Record<string, string>): void {
  const key = cells.get('source_key')
  if (key !== null) {
    // An id that went through Excel (7.02255E+12) lost digits: it would collide with others, so it is not a key.
    if (cells.isFlagged('source_key', 'excel-mangled')) rejected.source_key = 'excel-mangled'
    else if (isJunkValue('id', key)) rejected.source_key = 'junk'
    else {
      p.sourceKey = key
      if (plan.mapping.system) p.identifiers.push({ kind: `external:${plan.mapping.system}`, value: key, raw: key })
    }
  }
  const ext = cells.get('external_id')
  if (ext !== null && !isJunkValue('id', ext) && !cells.isFlagged('external_id', 'excel-mangled')) {
    p.identifiers.push({ kind: 'external:other', value: ext, raw: ext })
  }
  const card = cells.get('card_fingerprint')
  if (card !== null && !isJunkValue('id', card)) p.identifiers.push({ kind: 'card_fingerprint', value: card, raw: card })
}

function readEmails(cells: RowCells, p: PersonDraft, rejected: Record<string, string>): void {
  let primaryKey: string | null = null
  for (const target of ['email', 'email_secondary'] as const) {
    const raw = cells.get(target)
    if (raw === null) continue
    const n = normalizeEmail(raw)
    if (!n) continue
    if (!n.ok) {
      rejected[target] = n.reason
      continue
    }
    if (target === 'email') p.fields.email = n.value.email
    p.identifiers.push({ kind: 'email', value: n.value.email, raw })
    // A primary email's match key is stored only when it differs from the email (a folded gmail address, a
    // +tag): readers take the email as its own key otherwise. That is most of them (83% in the evaluation's
    // data): a row and two index entries fewer per email. A secondary email's key is stored unless it is the
    // primary's: identity takes the greatest key of a record's emails, and records hold the primary alone.
    const key = n.value.matchKey
    if (target === 'email' ? key !== n.value.email : key !== primaryKey) p.identifiers.push({ kind: 'email_match', value: key, raw })
    if (target === 'email') primaryKey = key
  }
}

function readPhones(cells: RowCells, country: string, p: PersonDraft, rejected: Record<string, string>): void {
  for (const target of ['phone', 'phone_secondary'] as const) {
    const raw = cells.get(target)
    if (raw === null) continue
    if (isJunkPhone(raw)) {
      rejected[target] = 'junk'
      continue
    }
    const n = normalizePhone(raw, country.length === 2 ? country : 'US')
    if (!n) continue
    if (!n.ok) {
      rejected[target] = n.reason
      continue
    }
    if (target === 'phone' || p.fields.phone === null) p.fields.phone = n.value.e164
    p.identifiers.push({ kind: 'phone', value: n.value.e164, raw })
  }
}

function readNames(cells: RowCells, p: PersonDraft): void {
  const f = p.fields
  f.first_name = display(cells.get('first_name'))
  f.last_name = display(cells.get('last_name'))
  const full = cells.get('full_name')
  const title = cells.get('title')
  if (title !== null) p.attributes.title = title
  if (full !== null) {
    const parts = splitFullName(full)
    if (parts) {
      f.first_name ??= display(parts.first ?? null)
      f.last_name ??= display(parts.last ?? null)
      if (parts.title && title === null) p.attributes.title = parts.title
    }
  }
  const composed = [f.first_name, f.last_name].filter(Boolean).join(' ')
  f.full_name = composed || display(full)
}

const displayName = memo1((raw: string): string | null => isJunkValue('name', raw) ? null : normalizeName(raw)?.display ?? null)

function display(raw: string | null): string | null {
  return raw === null ? null : displayName(raw)
}

function readPlace(cells: RowCells, p: PersonDraft): void {
  const f = p.fields
  const country = f.country && f.country.length === 2 ? f.country : undefined
  const region = cells.get('region')
  if (region !== null) f.region = normalizeRegion(region, country) ?? region
  const postcode = cells.get('postcode')
  if (postcode !== null) f.postcode = normalizePostcode(postcode, country) ?? postcode
}

function readDates(cells: RowCells, plan: RowPlan, p: PersonDraft, rejected: Record<string, string>): void {
  const date = (target: 'birth_date' | 'observed_at' | 'source_created_at'): string | null => {
    const raw = cells.get(target)
    if (raw === null) return null
    const col = cells.column(target)
    const n = parseDate(raw, col ? plan.dateOrders[col] : undefined)
    if (!n) return null
    if (n.ok) return n.value
    rejected[target] = n.reason
    return null
  }
  p.fields.birth_date = date('birth_date')
  p.observedAt = date('observed_at')
  const created = date('source_created_at')
  if (created !== null) p.attributes.source_created_at = created
}

function readConsents(cells: RowCells, p: PersonDraft): void {
  for (const [target, channel] of [['consent_email', 'email'], ['consent_sms', 'sms'], ['consent_ads', 'ads']] as const) {
    const raw = cells.get(target)
    if (raw === null) continue
    const v = parseConsent(raw)
    p.consents.push({ channel, value: v === true ? 'granted' : v === false ? 'denied' : 'unknown' })
  }
}
