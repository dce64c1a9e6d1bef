/**
 * The canonical fields a column can be mapped to. The import wizard offers them, presets target them,
 * the engine normalises and stores them. Person fields land in `records` (or `identifiers`, `consents`);
 * event fields land in `events`. Anything unmapped is still kept verbatim in raw_rows, and can be mapped to
 * `attribute:<name>` to be carried into records.attributes / events.properties.
 */
export const personFields = [
  'source_key',      // the source's own id for the person (customer id, contact id) — updates on re-import
  'email',
  'email_secondary',
  'phone',
  'phone_secondary',
  'first_name',
  'last_name',
  'full_name',       // split into first/last when those are absent ("Last, First" handled)
  'title',           // Mr, Dr… (kept, not matched on)
  'company',
  'street',
  'street2',
  'city',
  'region',
  'postcode',
  'country',
  'birth_date',
  'gender',
  'consent_email',   // yes/no/subscribed/TRUE/1…
  'consent_sms',
  'consent_ads',
  'tags',            // comma-separated list
  'observed_at',     // when the source last updated the person
  'source_created_at',
  'external_id',     // another system's id for the same person (e.g. a Stripe customer id in a CRM)
  'card_fingerprint',
] as const
export type PersonField = (typeof personFields)[number]

export const eventFields = [
  'event_key',       // order number, ticket id, payment id
  'event_type',      // order, line_item, ticket, payment (a preset usually fixes it)
  'occurred_at',
  'amount',          // money; stored as integer minor units
  'currency',
  'status',
] as const
export type EventField = (typeof eventFields)[number]

/** What one column maps to: a canonical field, a named attribute, or nothing (kept only in raw_rows). */
export type FieldTarget = PersonField | EventField | `attribute:${string}` | 'ignore'

/** The value types column profiling detects; the wizard shows them next to each column. */
export const valueTypes = [
  'email', 'phone', 'first_name', 'last_name', 'full_name', 'street', 'city', 'region', 'postcode', 'country',
  'date', 'datetime', 'money', 'boolean', 'id', 'text', 'empty',
] as const
export type ValueType = (typeof valueTypes)[number]
