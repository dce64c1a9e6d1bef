/**
 * The ways real exports disagree about one person: typing errors, nicknames, case and accents, formats,
 * gmail variants and junk. Each function is pure given the Rng, so a seed reproduces every mistake.
 */
import { nicknames } from './vocab'
import type { Rng } from './rng'

const keyboardNeighbours: Readonly<Record<string, string>> = {
  a: 'qwsz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko', j: 'huikmn',
  k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji',
  v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
}

/** One Damerau-Levenshtein edit (insert, delete, substitute a keyboard neighbour, or transpose), never at the first letter. */
export function typo(rng: Rng, value: string): string {
  if (value.length < 3) return value
  const i = rng.range(1, value.length - 1)
  const ch = value[i] ?? ''
  const lower = ch.toLowerCase()
  const near = keyboardNeighbours[lower] ?? 'e'
  const sub = ch === lower ? rng.pick([...near]) : rng.pick([...near]).toUpperCase()
  switch (rng.int(4)) {
    case 0:
      return value.slice(0, i) + sub + value.slice(i)
    case 1:
      return value.slice(0, i) + value.slice(i + 1)
    case 2:
      return value.slice(0, i) + sub + value.slice(i + 1)
    default:
      if (i >= value.length - 1) return value.slice(0, i - 1) + ch + (value[i - 1] ?? '')
      return value.slice(0, i) + (value[i + 1] ?? '') + ch + value.slice(i + 2)
  }
}

/** José → Jose, Müller → Muller: what a system without Unicode support stores. */
export function stripAccents(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/Ø/g, 'O')
}

export const hasAccent = (value: string): boolean => stripAccents(value) !== value

/** UPPER or lower case, as typed by someone in a hurry or stored by an old system. */
export function caseNoise(rng: Rng, value: string): string {
  return rng.chance(0.5) ? value.toUpperCase() : value.toLowerCase()
}

export function nicknameOf(rng: Rng, first: string): string | undefined {
  const options = nicknames[first]
  return options ? rng.pick(options) : undefined
}

/** Local-part friendly form of a name: ascii, lower case, letters only. */
export function emailPart(value: string): string {
  return stripAccents(value).toLowerCase().replace(/[^a-z]/g, '')
}

/** Gmail ignores dots and anything after '+': both are common in shop checkouts. */
export function gmailVariant(rng: Rng, email: string): string {
  const at = email.indexOf('@')
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  if (domain !== 'gmail.com' && domain !== 'googlemail.com') return email
  if (rng.chance(0.5)) return `${local}+${rng.pick(['shop', 'orders', 'promo', 'news', 'store'])}@${domain}`
  const bare = local.replace(/\./g, '')
  if (bare.length < 4) return email
  const cut = rng.range(1, bare.length - 1)
  return `${bare.slice(0, cut)}.${bare.slice(cut)}@${domain}`
}

export const junkEmails = ['n/a', 'test@test.com', 'none@none.com', 'noemail@example.com', 'na', '-', 'no@email.com'] as const
export const junkPhones = ['0000000000', '1234567890', 'n/a', '000-000-0000', '-', '9999999999'] as const

/** Ten US digits (area + exchange + line) in one of the ways people write them. */
export type PhoneFormat = 'e164' | 'intl-spaced' | 'paren' | 'dashed' | 'dotted' | 'digits' | 'plain-spaced' | 'intl-paren'

export function formatPhone(digits10: string, format: PhoneFormat): string {
  const a = digits10.slice(0, 3)
  const e = digits10.slice(3, 6)
  const l = digits10.slice(6)
  switch (format) {
    case 'e164':
      return `+1${digits10}`
    case 'intl-spaced':
      return `+1 ${a} ${e} ${l}`
    case 'intl-paren':
      return `+1 (${a}) ${e}-${l}`
    case 'paren':
      return `(${a}) ${e}-${l}`
    case 'dashed':
      return `${a}-${e}-${l}`
    case 'dotted':
      return `${a}.${e}.${l}`
    case 'plain-spaced':
      return `${a} ${e} ${l}`
    default:
      return digits10
  }
}

export const typedPhoneFormats: readonly PhoneFormat[] = ['paren', 'dashed', 'dotted', 'digits', 'plain-spaced', 'intl-spaced', 'intl-paren', 'e164']

/** A calendar day as numbers; months and days 1-based. */
export interface Day {
  y: number
  m: number
  d: number
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

export function isoDate(day: Day): string {
  return `${day.y}-${pad(day.m)}-${pad(day.d)}`
}

export function usDate(day: Day): string {
  return `${pad(day.m)}/${pad(day.d)}/${day.y}`
}

/** Seconds since 2015-01-01 UTC → a day and clock. Keeps dates independent of the machine's time zone. */
export function fromEpochOffset(seconds: number): { day: Day; hh: number; mm: number; ss: number } {
  const base = Date.UTC(2015, 0, 1) / 1000
  const date = new Date((base + seconds) * 1000)
  return {
    day: { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() },
    hh: date.getUTCHours(),
    mm: date.getUTCMinutes(),
    ss: date.getUTCSeconds(),
  }
}

/** 2015-01-01 + seconds in the formats the sources use. */
export function timestamp(seconds: number, style: 'shopify' | 'mailchimp' | 'hubspot' | 'zendesk'): string {
  const t = fromEpochOffset(seconds)
  const clock = `${pad(t.hh)}:${pad(t.mm)}:${pad(t.ss)}`
  switch (style) {
    case 'shopify':
      return `${isoDate(t.day)} ${clock} -0500`
    case 'mailchimp':
      return `${isoDate(t.day)} ${clock}`
    case 'hubspot':
      return `${isoDate(t.day)} ${pad(t.hh)}:${pad(t.mm)}`
    default:
      return `${isoDate(t.day)}T${clock}Z`
  }
}
