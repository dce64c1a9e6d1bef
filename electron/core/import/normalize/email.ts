import { cleanValue, isJunkValue } from './clean'
import { fail, ok, type Norm } from './types'

// Pragmatic address syntax: what mail systems actually accept, not all of RFC 5322 (no quoted local parts).
const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/u

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com'])
// Providers that deliver user+anything@ to user@: the tag is folded out of the matching key.
const PLUS_TAG_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
  'fastmail.com', 'fastmail.fm', 'protonmail.com', 'proton.me', 'pm.me', 'zoho.com', 'yandex.ru', 'yandex.com',
])

/** Pulls the address out of `Name <addr>` and `mailto:addr`, which some CRMs export. */
function unwrap(value: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(value)
  const inner = angle?.[1] ?? value
  // A leading apostrophe is a spreadsheet's "keep as text" marker, not part of the address.
  return inner.replace(/^mailto:/i, '').replace(/^['’]/, '').trim()
}

/** The matching key: gmail/googlemail dots and +tags folded, +tags folded at providers that ignore them. */
export function emailMatchKey(email: string): string {
  const at = email.lastIndexOf('@')
  let local = email.slice(0, at)
  let domain = email.slice(at + 1)
  if (PLUS_TAG_DOMAINS.has(domain)) local = local.split('+')[0] ?? local
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '')
    domain = 'gmail.com'
  }
  return `${local}@${domain}`
}

/**
 * Normalises an email address: trimmed, lower-cased, validated. `email` is the address as it should be stored
 * and shown; `matchKey` is a separate key for identity matching (gmail dots and +tags folded) and never
 * replaces `email`. Returns null for empty input, ok:false with reason 'junk' for placeholders (test@test.com,
 * n/a, noemail@…, example.com) and 'invalid' for anything that is not an address. Never throws.
 */
export function normalizeEmail(raw: string): Norm<{ email: string; matchKey: string }> | null {
  const value = cleanValue(raw)
  if (value === '') return null
  if (isJunkValue('email', value)) return fail('junk')
  const email = unwrap(value).normalize('NFC').toLowerCase()
  const at = email.lastIndexOf('@')
  if (at <= 0 || email.length > 254) return fail('invalid')
  const local = email.slice(0, at)
  const domain = email.slice(at + 1).replace(/\.$/, '')
  if (local.length > 64 || !LOCAL.test(local) || !DOMAIN.test(domain)) return fail('invalid')
  const address = `${local}@${domain}`
  if (isJunkValue('email', address)) return fail('junk')
  return ok({ email: address, matchKey: emailMatchKey(address) })
}
