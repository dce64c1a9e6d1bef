import type { FieldTarget } from '../../../../shared/domain/fields'
import type { ColumnProfile, Mapping } from '../types'
import { headerWords } from './header-hints'

const EVENT_KEY = /\b(order|invoice|payment|ticket|transaction|charge|receipt|booking|refund)\b.*\b(id|number|no|key|ref|reference)\b|^(order|invoice|ticket|transaction)s?$|^name$/
const PERSON_KEY = /\b(customer|contact|record|user|subscriber|lead|member|client|person|account|list)\b.*\b(id|key|number|no)\b|^(id|rec id|unique id|record id|list id)$/
const AMOUNT = /\b(total|amount|subtotal|grand total|price|paid|charge)\b/
const EVENT_WORDS = /\b(lineitem|line item|order|invoice|ticket|payment|transaction|sku|quantity|fulfillment|financial status)\b/

/** An event file carries amounts and order-like ids and timestamps; everything else is a person list. */
function looksLikeEvents(profiles: ColumnProfile[]): boolean {
  const words = profiles.map((p) => headerWords(p.name))
  const hasAmount = profiles.some((p, i) => p.detected === 'money' && AMOUNT.test(words[i]!))
  const hasKey = profiles.some((p, i) => p.detected === 'id' && EVENT_KEY.test(words[i]!))
  const hasTime = profiles.some((p) => p.detected === 'date' || p.detected === 'datetime')
  const eventish = words.filter((w) => EVENT_WORDS.test(w)).length
  return hasAmount && hasTime && (hasKey || eventish >= 2)
}

/** Picks the event type from the header vocabulary. */
function eventTypeOf(profiles: ColumnProfile[]): string {
  const all = profiles.map((p) => headerWords(p.name)).join(' | ')
  if (/\blineitem|line item\b/.test(all)) return 'line_item'
  if (/\bticket\b/.test(all)) return 'ticket'
  if (/\b(payment|charge)\b/.test(all) && !/\border\b/.test(all)) return 'payment'
  return 'order'
}

/** Target for a date column: birth dates, creation and update stamps, or the event's own time. */
function dateTarget(words: string, kind: 'person' | 'event'): FieldTarget | undefined {
  if (/\b(birth|dob|birthday|born)\b/.test(words)) return 'birth_date'
  if (kind === 'event') return /\b(created|date|at|time|occurred|placed|paid)\b/.test(words) ? 'occurred_at' : undefined
  if (/\b(created|create date|signup|joined|optin time)\b/.test(words)) return 'source_created_at'
  if (/\b(updated|modified|changed|last)\b/.test(words)) return 'observed_at'
  return undefined
}

function booleanTarget(words: string): FieldTarget | undefined {
  if (/\b(sms|text message)\b/.test(words)) return 'consent_sms'
  if (/\b(ads?|advertising)\b/.test(words)) return 'consent_ads'
  if (/\b(e ?mail|newsletter|marketing|subscribed|opt ?in|opted)\b/.test(words)) return 'consent_email'
  return undefined
}

/** Targets named by the header alone, whatever the values look like. */
function namedTarget(words: string, kind: 'person' | 'event'): FieldTarget | undefined {
  if (/^tags?$/.test(words)) return 'tags'
  if (/\b(company|organization|organisation|account)( name)?$/.test(words)) return 'company'
  if (/^(salutation|title prefix|name title|prefix)$/.test(words)) return 'title'
  if (/^(gender|sex)$/.test(words)) return 'gender'
  if (/\bcard fingerprint\b/.test(words)) return 'card_fingerprint'
  if (kind === 'event' && /^currency( code)?$/.test(words)) return 'currency'
  if (kind === 'event' && /^(financial )?status$/.test(words)) return 'status'
  return undefined
}

/** The canonical target a profiled column suggests, before de-duplication. */
function candidate(p: ColumnProfile, kind: 'person' | 'event'): FieldTarget | undefined {
  const words = headerWords(p.name)
  const named = namedTarget(words, kind)
  if (named) return named
  switch (p.detected) {
    case 'email': return 'email'
    case 'phone': return 'phone'
    case 'first_name': case 'last_name': case 'full_name': case 'city': case 'region': case 'postcode': case 'country':
      return p.detected
    case 'street': return /\b(2|two|line 2|address 2|addr 2)\b|2$/.test(words) ? 'street2' : /\b[3-9]\b|[3-9]$/.test(words) ? undefined : 'street'
    case 'date': case 'datetime': return dateTarget(words, kind)
    case 'boolean': return booleanTarget(words)
    case 'money': return kind === 'event' && AMOUNT.test(words) ? 'amount' : undefined
    case 'id':
      if (kind === 'event' && EVENT_KEY.test(words)) return 'event_key'
      return PERSON_KEY.test(words) ? 'source_key' : undefined
    default: return undefined
  }
}

// When a second column wants a single-valued target, it moves to the secondary slot where there is one.
const SECONDARY: Partial<Record<FieldTarget, FieldTarget>> = { email: 'email_secondary', phone: 'phone_secondary' }

const attributeName = (name: string): `attribute:${string}` => `attribute:${headerWords(name).replace(/ /g, '_') || 'column'}`

/**
 * A best-guess mapping for a source no preset recognises, from header names and detected types. The file is an
 * event file (kind 'event', with eventType) only when it clearly carries amounts, order-like ids or event vocabulary,
 * and timestamps; otherwise a person list. Each canonical field is used once (a second email/phone goes to the
 * secondary slot); other non-empty columns become `attribute:<snake_name>`, empty ones 'ignore'. Date orders that are
 * not year-first are recorded per column. The analyst reviews and edits it. Never throws.
 */
export function guessMapping(profiles: ColumnProfile[]): Mapping {
  const kind = looksLikeEvents(profiles) ? 'event' : 'person'
  const used = new Set<FieldTarget>()
  const columns: Record<string, FieldTarget> = {}
  const dateOrders: Record<string, 'YMD' | 'DMY' | 'MDY'> = {}
  for (const p of profiles) {
    let target = candidate(p, kind)
    if (target && used.has(target)) target = SECONDARY[target]
    if (target && used.has(target)) target = undefined
    if (target) used.add(target)
    columns[p.name] = target ?? (p.detected === 'empty' ? 'ignore' : attributeName(p.name))
    if (p.dateOrder && p.dateOrder !== 'YMD') dateOrders[p.name] = p.dateOrder
  }
  const mapping: Mapping = { kind, columns }
  if (kind === 'event') mapping.eventType = eventTypeOf(profiles)
  if (Object.keys(dateOrders).length > 0) mapping.dateOrders = dateOrders
  return mapping
}
