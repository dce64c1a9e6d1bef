import { cleanValue } from './clean'

const TITLES: Record<string, string> = {
  mr: 'Mr', mrs: 'Mrs', ms: 'Ms', miss: 'Miss', mx: 'Mx', dr: 'Dr', doctor: 'Dr', prof: 'Prof', professor: 'Prof',
  sir: 'Sir', dame: 'Dame', lady: 'Lady', lord: 'Lord', rev: 'Rev', revd: 'Rev', reverend: 'Rev', fr: 'Fr', hon: 'Hon',
  capt: 'Capt', col: 'Col', herr: 'Herr', frau: 'Frau', mme: 'Mme', mlle: 'Mlle', sr: 'Sr', sra: 'Sra', srta: 'Srta',
}
const SUFFIXES: Record<string, string> = {
  jr: 'Jr', junior: 'Jr', sr: 'Sr', senior: 'Sr', ii: 'II', iii: 'III', iv: 'IV', v: 'V', phd: 'PhD', md: 'MD',
  esq: 'Esq', dds: 'DDS', cpa: 'CPA', mba: 'MBA', rn: 'RN', obe: 'OBE', mbe: 'MBE', cbe: 'CBE', qc: 'QC', kc: 'KC',
}
// Particles that begin a multi-word surname ("Jan van der Berg" → last "van der Berg").
const SURNAME_PARTICLES = new Set(['van', 'von', 'de', 'del', 'della', 'der', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'ter', 'ten', 'st', 'st.'])

const key = (token: string): string => token.toLowerCase().replace(/\./g, '')
const tokensOf = (s: string): string[] => s.split(/\s+/).filter((t) => t !== '' && t !== ',')

export interface NameParts { first?: string; last?: string; middle?: string; title?: string; suffix?: string }

/** Removes leading titles and trailing suffixes from the token list, returning them. */
function peelAffixes(tokens: string[]): { title?: string; suffix?: string } {
  const out: { title?: string; suffix?: string } = {}
  // "Sr" is a title before a name (Spanish Señor) and a suffix after it: only strip a title when a name follows.
  if (tokens.length > 1 && TITLES[key(tokens[0]!)]) out.title = TITLES[key(tokens.shift()!)]
  const suffixes: string[] = []
  while (tokens.length > 1 && SUFFIXES[key(tokens[tokens.length - 1]!)]) suffixes.unshift(SUFFIXES[key(tokens.pop()!)]!)
  if (suffixes.length > 0) out.suffix = suffixes.join(' ')
  return out
}

/** Splits "First Middle… Last" tokens, keeping surname particles with the surname. */
function splitGiven(tokens: string[]): Pick<NameParts, 'first' | 'middle' | 'last'> {
  if (tokens.length === 0) return {}
  if (tokens.length === 1) return { first: tokens[0]! }
  let lastStart = tokens.length - 1
  while (lastStart > 1 && SURNAME_PARTICLES.has(tokens[lastStart - 1]!.toLowerCase())) lastStart--
  const out: Pick<NameParts, 'first' | 'middle' | 'last'> = { first: tokens[0]!, last: tokens.slice(lastStart).join(' ') }
  if (lastStart > 1) out.middle = tokens.slice(1, lastStart).join(' ')
  return out
}

/** "Smith, Jane Q." / "Smith Jr., Jane" / "Smith, Dr. Jane, PhD": the surname comes first. */
function splitLastFirst(commaParts: string[]): NameParts {
  const lastTokens = tokensOf(commaParts[0]!)
  const lastAffixes = peelAffixes(lastTokens)
  const given = commaParts.slice(1).flatMap(tokensOf)
  const givenAffixes: { title?: string; suffix?: string } =
    given.length > 0 && TITLES[key(given[0]!)] ? peelAffixes(given) : peelSuffixOnly(given)
  const parts: NameParts = { last: lastTokens.join(' ') }
  const title = givenAffixes.title ?? lastAffixes.title
  const suffix = [lastAffixes.suffix, givenAffixes.suffix].filter((x) => x !== undefined).join(' ')
  if (title) parts.title = title
  if (suffix) parts.suffix = suffix
  if (given.length > 0) parts.first = given[0]
  if (given.length > 1) parts.middle = given.slice(1).join(' ')
  return parts
}

/** Like peelAffixes but a lone given name is never taken for a title. */
function peelSuffixOnly(tokens: string[]): { suffix?: string } {
  const suffixes: string[] = []
  while (tokens.length > 1 && SUFFIXES[key(tokens[tokens.length - 1]!)]) suffixes.unshift(SUFFIXES[key(tokens.pop()!)]!)
  return suffixes.length > 0 ? { suffix: suffixes.join(' ') } : {}
}


/**
 * Splits a full name into parts. Handles "Last, First Middle", "Dr. Jane Q. Smith Jr.", "John Smith, Jr.",
 * "Jan van der Berg" and a single token (taken as the first name). Parts keep the source's spelling (normalise
 * them with normalizeName); titles and suffixes come back in a canonical form ('Dr', 'Jr', 'III').
 * Returns null for empty input. Never throws.
 */
export function splitFullName(raw: string): NameParts | null {
  const value = cleanValue(raw).normalize('NFKC').replace(/\s+/g, ' ').trim()
  if (value === '') return null
  const commaParts = value.split(',').map((p) => p.trim()).filter((p) => p !== '')
  let parts: NameParts
  const afterComma = commaParts.slice(1)
  const allSuffixes = afterComma.every((p) => tokensOf(p).every((t) => SUFFIXES[key(t)]))
  if (commaParts.length >= 2 && !allSuffixes) {
    parts = splitLastFirst(commaParts)
  } else {
    const tokens = tokensOf(commaParts.join(' '))
    const affixes = peelAffixes(tokens)
    parts = { ...affixes, ...splitGiven(tokens) }
  }
  return parts
}
