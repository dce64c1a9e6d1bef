import { cleanValue } from './clean'
import { normalizeCountry } from './country'
import { foldForMatch } from './fold'
import { REGION_COUNTRY_ORDER, REGIONS } from './region-data'

interface RegionIndex { byCode: Map<string, string>; byName: Map<string, string> }
let index: Map<string, RegionIndex> | undefined

/** Per country: upper-case code suffix and folded name → full ISO 3166-2 code. Built once. */
function regionIndex(): Map<string, RegionIndex> {
  if (index) return index
  index = new Map()
  for (const [country, regions] of Object.entries(REGIONS)) {
    const entry: RegionIndex = { byCode: new Map(), byName: new Map() }
    for (const [code, names] of Object.entries(regions)) {
      entry.byCode.set(code, `${country}-${code}`)
      for (const name of names) entry.byName.set(foldForMatch(name), `${country}-${code}`)
    }
    index.set(country, entry)
  }
  return index
}

function lookIn(country: string, value: string): string | undefined {
  const entry = regionIndex().get(country)
  if (!entry) return undefined
  return entry.byCode.get(value.toUpperCase().replace(/\.$/, '')) ?? entry.byName.get(foldForMatch(value))
}

/**
 * Resolves a region (state, province, nation) to its ISO 3166-2 code: 'California'/'CA' → 'US-CA', 'nsw' → 'AU-NSW',
 * 'Ontario' → 'CA-ON', 'Bayern' → 'DE-BY'. `country` (any form normalizeCountry accepts) narrows the search; without
 * it, names are searched everywhere and bare codes in the order US, CA, AU, GB, DE. Values already like 'US-CA' are
 * upper-cased. Unknown regions (and regions of other countries) come back trimmed as written. Null for empty input.
 */
export function normalizeRegion(raw: string, country?: string): string | null {
  const value = cleanValue(raw).replace(/\s+/g, ' ')
  if (value === '') return null
  const iso = /^([A-Za-z]{2})-([A-Za-z0-9]{1,3})$/.exec(value)
  if (iso) return value.toUpperCase()
  const countryCode = country ? normalizeCountry(country) : null
  if (countryCode) return lookIn(countryCode, value) ?? value
  for (const candidate of REGION_COUNTRY_ORDER) {
    const found = lookIn(candidate, value)
    if (found) return found
  }
  return value
}
