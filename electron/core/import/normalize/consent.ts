import { cleanValue } from './clean'

// Folded words seen in consent and boolean columns across CRMs, ESPs and spreadsheets.
const YES = new Set([
  'yes', 'y', 'true', 't', '1', 'on', 'x', 'checked', 'subscribed', 'subscribe', 'opted in', 'opt in', 'optin', 'opted-in',
  'opt-in', 'single opt-in', 'double opt-in', 'confirmed opt-in', 'accepted', 'accepts', 'accept', 'granted', 'given',
  'consented', 'confirmed', 'active', 'allowed', 'agree', 'agreed', 'ja', 'oui', 'si', 'sí', 'sim', 'yes please',
])
const NO = new Set([
  'no', 'n', 'false', 'f', '0', 'off', 'unchecked', 'unsubscribed', 'unsubscribe', 'not subscribed', 'non-subscribed',
  'never subscribed', 'opted out', 'opt out', 'optout', 'opted-out', 'opt-out', 'declined', 'denied', 'revoked',
  'withdrawn', 'rejected', 'refused', 'cleaned', 'bounced', 'pending', 'not given', 'none', 'nein', 'non', 'nee', 'não',
])

/**
 * Reads a consent or boolean cell: true for yes/subscribed/TRUE/1/opted in/accepted…, false for
 * no/unsubscribed/FALSE/0/opted out/cleaned/pending (not yet confirmed is not consent). Null when empty or
 * not a recognised word, so unknown never turns into a "no" or a "yes". Never throws.
 */
export function parseConsent(raw: string): boolean | null {
  const word = cleanValue(raw).toLowerCase().replace(/[_\s]+/g, ' ').replace(/[.!]$/, '')
  if (word === '') return null
  if (YES.has(word)) return true
  if (NO.has(word)) return false
  return null
}

/**
 * Splits a tags cell ("Bronze VIP, loyal-app_new; vip") on commas and semicolons: trimmed, empty and
 * duplicate tags (case-insensitively, the first spelling wins) dropped, order kept. Never throws.
 */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>()
  const tags: string[] = []
  for (const part of cleanValue(raw).split(/[,;]/)) {
    const tag = part.trim().replace(/^["']|["']$/g, '').trim()
    const key = tag.toLocaleLowerCase()
    if (tag === '' || seen.has(key)) continue
    seen.add(key)
    tags.push(tag)
  }
  return tags
}
