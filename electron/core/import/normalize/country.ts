import * as countries from 'i18n-iso-countries'
import { cleanValue } from './clean'
import { foldForMatch } from './fold'

// Languages whose country names we accept; English first so it wins any clash.
const NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'tr', 'hu', 'ro', 'el', 'ru', 'ja', 'zh', 'ko', 'ar']

// What people type that no locale file lists (folded form → alpha-2).
const ALIASES: Record<string, string> = {
  uk: 'GB', 'u k': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  'northern ireland': 'GB', 'united kingdom of great britain and northern ireland': 'GB', gbr: 'GB',
  america: 'US', 'united states of america': 'US', 'the united states': 'US', 'u s a': 'US', 'u s': 'US', 'us of a': 'US',
  holland: 'NL', 'the netherlands': 'NL', 'south korea': 'KR', 'republic of korea': 'KR', korea: 'KR', 'north korea': 'KP',
  russia: 'RU', uae: 'AE', 'u a e': 'AE', emirates: 'AE', czechia: 'CZ', 'czech republic': 'CZ', 'ivory coast': 'CI',
  turkey: 'TR', turkiye: 'TR', vietnam: 'VN', 'viet nam': 'VN', laos: 'LA', iran: 'IR', syria: 'SY', bolivia: 'BO',
  venezuela: 'VE', tanzania: 'TZ', moldova: 'MD', macedonia: 'MK', 'north macedonia': 'MK', taiwan: 'TW', 'hong kong': 'HK',
  macau: 'MO', macao: 'MO', 'vatican city': 'VA', vatican: 'VA', 'east timor': 'TL', burma: 'MM', swaziland: 'SZ',
  'cape verde': 'CV', 'the gambia': 'GM', 'the bahamas': 'BS', 'dr congo': 'CD', 'drc': 'CD', 'congo kinshasa': 'CD',
  'congo brazzaville': 'CG', 'south africa': 'ZA', rsa: 'ZA', 'new zealand': 'NZ', aotearoa: 'NZ', brasil: 'BR',
  mexico: 'MX', 'méxico': 'MX', 'saudi arabia': 'SA', ksa: 'SA', 'st lucia': 'LC', 'st kitts and nevis': 'KN',
  'st vincent and the grenadines': 'VC', 'trinidad': 'TT', 'bosnia': 'BA', 'eire': 'IE', 'republic of ireland': 'IE',
  'the philippines': 'PH', 'palestine': 'PS', 'kosovo': 'XK', el: 'GR',
}

let lookup: Map<string, string> | undefined

/** Folded name / alpha-3 → alpha-2, built once (the library's own lookup is a linear scan per call). */
function countryLookup(): Map<string, string> {
  if (lookup) return lookup
  const map = new Map<string, string>()
  const add = (name: string, code: string): void => {
    const folded = foldForMatch(name)
    if (folded !== '' && !map.has(folded)) map.set(folded, code)
  }
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) add(alpha3, alpha2)
  for (const lang of NAME_LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) add(name, code)
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(foldForMatch(alias), code)
  lookup = map
  return map
}

/**
 * Resolves a country written as an ISO alpha-2 or alpha-3 code, an English or other common-language name
 * ("Deutschland", "España", "Nederland"), or a usual alias (UK, USA, England, Holland) to its ISO 3166-1
 * alpha-2 code. Returns null for empty input and for anything it cannot resolve. Never throws.
 */
export function normalizeCountry(raw: string): string | null {
  const value = cleanValue(raw)
  if (value === '') return null
  if (/^[A-Za-z]{2}$/.test(value)) {
    const upper = value.toUpperCase()
    if (upper === 'UK') return 'GB'
    if (countries.isValid(upper)) return upper
  }
  const folded = foldForMatch(value)
  const direct = countryLookup().get(folded)
  if (direct) return direct
  // "The Netherlands", "Republic of Germany (DE)" and similar decorations.
  const stripped = folded.replace(/^the /, '').replace(/ \w{2}$/, '')
  return countryLookup().get(stripped) ?? null
}
