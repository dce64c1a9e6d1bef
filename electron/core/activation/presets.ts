import { CdpError } from '../../../shared/api/errors'
import { golden, type ExportColumn } from './columns'
import {
  birthdayMonthDay, birthYear, countryCode, dobCompact, e164, foldGmailDots, genderLetter, lettersOnly, lowerTrim, madid, metaZip,
  normEmail, phoneDigits, stateCode,
} from './normalise'
import type { ProfileData } from './profile-data'

/**
 * Destination presets: the exact header, normalisation and hashing each platform documents for its
 * customer-list upload, the consent a person must have given to be in the file, and the keys without which
 * a row cannot match (such a profile is excluded, counted under that reason).
 */
export const presetIds = ['meta', 'google', 'linkedin', 'mailchimp', 'klaviyo', 'hubspot', 'csv', 'xlsx', 'json'] as const
export type PresetId = (typeof presetIds)[number]
export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'ndjson'
export type ConsentChannel = 'email' | 'sms' | 'ads'

export interface Preset {
  id: PresetId
  label: string
  format: ExportFormat
  /** Channels whose latest stated consent must be 'granted'. */
  consent: ConsentChannel[]
  /** The exclusion reason when the profile has nothing the platform can match on, else null. */
  missingKey(p: ProfileData): string | null
  /** Fixed columns; null for the generic presets, whose columns come from the chooser. */
  columns: ExportColumn[] | null
  /** Whether `hashed` applies (columns marked 'optional' get hashed). */
  hashable: boolean
  /** A warning when the file has fewer rows than the platform needs to use it. */
  minRows?: { rows: number; message: string }
}

const country = (p: ProfileData): string | null => p.golden.country ?? null
const email = (p: ProfileData): string => normEmail(golden(p, 'email'))
const hasEmail = (p: ProfileData): boolean => email(p) !== ''
const hasPhone = (p: ProfileData): boolean => e164(golden(p, 'phone'), country(p)) !== ''

const metaColumns: ExportColumn[] = [
  { header: 'email', hash: 'optional', value: email },
  { header: 'phone', hash: 'optional', numeric: true, value: (p) => phoneDigits(golden(p, 'phone'), country(p)) },
  { header: 'fn', hash: 'optional', value: (p) => lettersOnly(golden(p, 'first_name')) },
  { header: 'ln', hash: 'optional', value: (p) => lettersOnly(golden(p, 'last_name')) },
  { header: 'ct', hash: 'optional', value: (p) => lettersOnly(golden(p, 'city')) },
  { header: 'st', hash: 'optional', value: (p) => stateCode(golden(p, 'region')) },
  { header: 'zip', hash: 'optional', value: (p) => metaZip(golden(p, 'postcode'), country(p)) },
  { header: 'country', hash: 'optional', value: (p) => countryCode(golden(p, 'country'), false) },
  { header: 'dob', hash: 'optional', value: (p) => dobCompact(golden(p, 'birth_date')) },
  { header: 'doby', hash: 'optional', value: (p) => birthYear(golden(p, 'birth_date')) },
  { header: 'gen', hash: 'optional', value: (p) => genderLetter(golden(p, 'gender')) },
  { header: 'madid', hash: 'never', value: (p) => madid(golden(p, 'madid')) },
  { header: 'extern_id', hash: 'never', numeric: true, value: (p) => String(p.id) },
]

const googleColumns: ExportColumn[] = [
  { header: 'Email', hash: 'optional', value: (p, o) => (o.gmailDotFolding ? foldGmailDots(email(p)) : email(p)) },
  { header: 'Phone', hash: 'optional', numeric: true, value: (p) => e164(golden(p, 'phone'), country(p)) },
  { header: 'First Name', hash: 'optional', value: (p) => lowerTrim(golden(p, 'first_name')) },
  { header: 'Last Name', hash: 'optional', value: (p) => lowerTrim(golden(p, 'last_name')) },
  { header: 'Country', hash: 'never', value: (p) => countryCode(golden(p, 'country'), true) },
  { header: 'Zip', hash: 'never', value: (p) => golden(p, 'postcode').trim() },
]

const CONSENT_WORD = { granted: 'Subscribed', denied: 'Unsubscribed', unknown: 'Never subscribed' } as const
const klaviyoConsent = (v: string | null | undefined): string => CONSENT_WORD[(v ?? 'unknown') as keyof typeof CONSENT_WORD] ?? CONSENT_WORD.unknown

/** Mailchimp's address merge field: street, street2, city, state, zip, country in one cell, two spaces apart. */
export function mailchimpAddress(p: ProfileData): string {
  const region = golden(p, 'region')
  const state = /^[A-Z]{2}-/.test(region) ? region.slice(3) : region
  const parts = [golden(p, 'street'), golden(p, 'street2'), golden(p, 'city'), state, golden(p, 'postcode'), golden(p, 'country')]
  return parts.map((s) => s.trim()).filter((s) => s !== '').join('  ')
}

const tagsOf = (p: ProfileData): string => (p.summary ? (JSON.parse(p.summary.tags) as string[]).join(',') : '')

const presets: Record<PresetId, Preset> = {
  meta: {
    id: 'meta', label: 'Meta customer list', format: 'csv', consent: ['ads'], hashable: true, columns: metaColumns,
    missingKey: (p) => (hasEmail(p) || hasPhone(p) ? null : 'no-email-or-phone'),
  },
  google: {
    id: 'google', label: 'Google Ads Customer Match', format: 'csv', consent: ['ads'], hashable: true, columns: googleColumns,
    missingKey: (p) => (hasEmail(p) || hasPhone(p) || (golden(p, 'first_name') && golden(p, 'last_name') && golden(p, 'country') && golden(p, 'postcode'))
      ? null : 'no-matchable-key'),
  },
  linkedin: {
    id: 'linkedin', label: 'LinkedIn matched audience (email list)', format: 'csv', consent: ['ads'], hashable: false,
    columns: [{ header: 'email', hash: 'always', value: email }],
    missingKey: (p) => (hasEmail(p) ? null : 'no-email'),
    minRows: { rows: 300, message: 'LinkedIn needs at least 300 matched members before it shows an audience; this list has fewer rows than that.' },
  },
  mailchimp: {
    id: 'mailchimp', label: 'Mailchimp audience import', format: 'csv', consent: ['email'], hashable: false,
    columns: [
      { header: 'Email Address', hash: 'never', value: email },
      { header: 'First Name', hash: 'never', value: (p) => golden(p, 'first_name') },
      { header: 'Last Name', hash: 'never', value: (p) => golden(p, 'last_name') },
      { header: 'Address', hash: 'never', value: mailchimpAddress },
      { header: 'Phone Number', hash: 'never', numeric: true, value: (p) => e164(golden(p, 'phone'), country(p)) },
      { header: 'Birthday', hash: 'never', value: (p) => birthdayMonthDay(golden(p, 'birth_date')) },
      { header: 'Tags', hash: 'never', value: tagsOf },
    ],
    missingKey: (p) => (hasEmail(p) ? null : 'no-email'),
  },
  klaviyo: {
    id: 'klaviyo', label: 'Klaviyo list import with consent', format: 'csv', consent: [], hashable: false,
    columns: [
      { header: 'Email', hash: 'never', value: email },
      { header: 'Phone Number', hash: 'never', numeric: true, value: (p) => e164(golden(p, 'phone'), country(p)) },
      { header: 'First Name', hash: 'never', value: (p) => golden(p, 'first_name') },
      { header: 'Last Name', hash: 'never', value: (p) => golden(p, 'last_name') },
      { header: 'City', hash: 'never', value: (p) => golden(p, 'city') },
      { header: 'Region', hash: 'never', value: (p) => golden(p, 'region') },
      { header: 'Zip Code', hash: 'never', value: (p) => golden(p, 'postcode') },
      { header: 'Country', hash: 'never', value: (p) => golden(p, 'country') },
      { header: 'Email Marketing Consent', hash: 'never', value: (p) => klaviyoConsent(p.summary?.consent_email) },
      { header: 'SMS Marketing Consent', hash: 'never', value: (p) => klaviyoConsent(p.summary?.consent_sms) },
    ],
    missingKey: (p) => (hasEmail(p) || hasPhone(p) ? null : 'no-email-or-phone'),
  },
  hubspot: {
    id: 'hubspot', label: 'HubSpot contacts import (keyed by email)', format: 'csv', consent: [], hashable: false,
    columns: [
      { header: 'Email', hash: 'never', value: email },
      { header: 'First Name', hash: 'never', value: (p) => golden(p, 'first_name') },
      { header: 'Last Name', hash: 'never', value: (p) => golden(p, 'last_name') },
      { header: 'Phone Number', hash: 'never', numeric: true, value: (p) => e164(golden(p, 'phone'), country(p)) },
      { header: 'Company Name', hash: 'never', value: (p) => golden(p, 'company') },
      { header: 'City', hash: 'never', value: (p) => golden(p, 'city') },
      { header: 'State/Region', hash: 'never', value: (p) => golden(p, 'region') },
      { header: 'Postal Code', hash: 'never', value: (p) => golden(p, 'postcode') },
      { header: 'Country/Region', hash: 'never', value: (p) => golden(p, 'country') },
    ],
    missingKey: (p) => (hasEmail(p) ? null : 'no-email'),
  },
  csv: { id: 'csv', label: 'CSV', format: 'csv', consent: [], hashable: false, columns: null, missingKey: () => null },
  xlsx: { id: 'xlsx', label: 'Excel workbook', format: 'xlsx', consent: [], hashable: false, columns: null, missingKey: () => null },
  json: { id: 'json', label: 'JSON', format: 'json', consent: [], hashable: false, columns: null, missingKey: () => null },
}

/** A preset by id. Throws CdpError('InvalidInput') listing the valid ids. */
export function getPreset(id: string): Preset {
  if (!(presetIds as readonly string[]).includes(id)) {
    throw new CdpError('InvalidInput', `Unknown preset "${id}". Choose one of: ${presetIds.join(', ')}.`)
  }
  return presets[id as PresetId]
}

/** Every preset, for pickers. */
export function listExportPresets(): Preset[] {
  return presetIds.map((id) => presets[id])
}
