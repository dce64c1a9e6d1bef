import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { appendAudit } from './audit'

/**
 * PII masking for list views and CLI output: enough to recognise a person, not enough to copy their
 * contact details. Pure functions (no Node APIs), so a view can use them as they are. Revealing is an
 * explicit act, and `revealPii` writes it to the audit log (which field of which profile; never the value).
 */

/** `jane.doe@gmail.com` → `j***@gmail.com`; anything that is not an address is masked whole. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return maskText(email)
  return `${email[0]}***${email.slice(at)}`
}

/** `+447700900123` → `+44 •••• ••• 123`: country code and last three digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 6) return '•'.repeat(Math.max(digits.length, 3))
  const code = phone.trim().startsWith('+') ? parsePhoneNumberFromString(phone.trim())?.countryCallingCode : undefined
  const cc = code ? `+${code} ` : ''
  return `${cc}•••• ••• ${digits.slice(-3)}`
}

/** Any other personal value: the first character, then bullets. */
export function maskText(value: string): string {
  if (value.length <= 1) return '•'
  return `${value[0]}${'•'.repeat(Math.min(value.length - 1, 6))}`
}

export type PiiKind = 'email' | 'phone' | 'text'

/** Masks by kind; null stays null. */
export function maskPii(value: string | null, kind: PiiKind): string | null {
  if (value === null || value === '') return value
  return kind === 'email' ? maskEmail(value) : kind === 'phone' ? maskPhone(value) : maskText(value)
}

/**
 * Records that `actor` revealed `field` of profile `profileId` (why: optional free text, no personal
 * data expected) and returns the audit entry id. Call it before showing the unmasked value.
 */
export function revealPii(db: SqliteDatabase, reveal: { actor: string; profileId: number; field: string; why?: string }): number {
  return appendAudit(db, { actor: reveal.actor, action: 'pii.reveal', subject: `profile:${reveal.profileId}`, details: { field: reveal.field, why: reveal.why ?? null } })
}
