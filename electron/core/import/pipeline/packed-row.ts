import type { ReadRow } from '../types'
import type { EventDraft } from './event-draft'
import type { PersonDraft } from './person-draft'
import type { RowResult } from './transform'

/**
 * A person as the writer binds it: the source key, the record's columns in `records` order, the
 * attributes already serialised, then identifiers as flat (kind, value, raw) triples (each kind and value
 * once) and consents as flat (channel, value) pairs.
 */
export type PackedPerson = [
  sourceKey: string | null,
  firstName: string | null, lastName: string | null, fullName: string | null, email: string | null, phone: string | null,
  company: string | null, street: string | null, street2: string | null, city: string | null, region: string | null,
  postcode: string | null, country: string | null, birthDate: string | null, gender: string | null,
  attributes: string, observedAt: string | null,
  identifiers: string[], consents: string[],
]

/** Index of the first record column in PackedPerson, and one past the last (observed_at). */
export const PERSON_COLUMNS_START = 1
export const PERSON_COLUMNS_END = 17
export const PERSON_FIRST_NAME = 1
export const PERSON_EMAIL = 4
export const PERSON_PHONE = 5
export const PERSON_FULL_NAME = 3
export const PERSON_LAST_NAME = 2
export const PERSON_COMPANY = 6
export const PERSON_STREET = 7
export const PERSON_POSTCODE = 11
export const PERSON_ATTRIBUTES = 15
export const PERSON_OBSERVED_AT = 16
export const PERSON_IDENTIFIERS = 17
export const PERSON_CONSENTS = 18

/** An event in `events` column order, properties serialised. */
export type PackedEvent = [type: string, key: string | null, occurredAt: string | null, amountMinor: number | null,
  currency: string | null, properties: string]

/**
 * One transformed row as the writer needs it: primitives and pre-serialised JSON in arrays. Why arrays:
 * the parse worker posts these to the writer's thread, and the structured clone of an object writes
 * every key name of every object while an array of primitives is close to a copy (decoding a batch of
 * these costs about a quarter of decoding the same rows as objects). The raw row is the JSON array
 * of its cells exactly as raw_rows stores it.
 */
export type PackedRow =
  | [outcome: 'quarantined', rowNumber: number, raw: string, reason: string]
  | [outcome: 'record', rowNumber: number, raw: string, person: PackedPerson]
  | [outcome: 'event', rowNumber: number, raw: string, person: PackedPerson, events: PackedEvent[], orderKey: string | null, hasKey: boolean]

/** Packs one read row and its transform result. Pure; used by the parse worker and the in-thread path alike. */
export function packRow(row: ReadRow, result: RowResult): PackedRow {
  const raw = JSON.stringify(row.cells)
  switch (result.outcome) {
    case 'quarantined':
      return ['quarantined', result.rowNumber, raw, result.reason]
    case 'record':
      return ['record', result.rowNumber, raw, packPerson(result.person)]
    case 'event':
      return ['event', result.rowNumber, raw, packPerson(result.person), result.events.map(packEvent), result.orderKey, result.hasKey]
  }
}

function packPerson(p: PersonDraft): PackedPerson {
  const f = p.fields
  const identifiers: string[] = []
  for (const i of p.identifiers) if (!listed(identifiers, i.kind, i.value)) identifiers.push(i.kind, i.value, i.raw)
  const consents: string[] = []
  for (const c of p.consents) consents.push(c.channel, c.value)
  return [p.sourceKey, f.first_name, f.last_name, f.full_name, f.email, f.phone, f.company, f.street, f.street2, f.city,
    f.region, f.postcode, f.country, f.birth_date, f.gender, JSON.stringify(p.attributes), p.observedAt, identifiers, consents]
}

/**
 * True when the flat (kind, value, raw) list already holds this kind and value: a row that states one
 * mailbox or number twice (email and secondary email, phone and mobile) has it once, under the first
 * column's raw spelling. Rows list a handful of identifiers, so a scan beats a Set.
 */
function listed(flat: readonly string[], kind: string, value: string): boolean {
  for (let i = 0; i < flat.length; i += 3) if (flat[i] === kind && flat[i + 1] === value) return true
  return false
}

function packEvent(e: EventDraft): PackedEvent {
  return [e.type, e.key, e.occurredAt, e.amountMinor, e.currency, JSON.stringify(e.properties)]
}
