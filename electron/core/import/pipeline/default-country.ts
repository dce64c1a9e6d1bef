import { z } from 'zod'
import { CdpError } from '../../../../shared/api/errors'
import type { Workspace } from '../../db'

/** Settings key of the workspace's default phone country (a JSON string, ISO 3166-1 alpha-2). */
export const DEFAULT_COUNTRY_KEY = 'import.default_country'
/** Used when neither the import nor the workspace names a country: most exports we see are US-centred. */
export const FALLBACK_COUNTRY = 'US'

const countryCode = z.string().regex(/^[A-Za-z]{2}$/)

/**
 * The workspace's default country for phone numbers without an international prefix, upper case.
 * Never throws: a missing or unreadable setting means `FALLBACK_COUNTRY`.
 */
export function workspaceDefaultCountry(ws: Workspace): string {
  const raw = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(DEFAULT_COUNTRY_KEY) as string | undefined
  if (raw === undefined) return FALLBACK_COUNTRY
  try {
    const parsed = countryCode.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data.toUpperCase() : FALLBACK_COUNTRY
  } catch {
    return FALLBACK_COUNTRY
  }
}

/** Stores the default country (upper-cased) and returns it. Throws CdpError InvalidInput for anything but two letters. */
export function setWorkspaceDefaultCountry(ws: Workspace, country: string): string {
  const parsed = countryCode.safeParse(country.trim())
  if (!parsed.success) throw new CdpError('InvalidInput', `Default country must be a two-letter ISO code such as GB or US, not "${country}".`)
  const code = parsed.data.toUpperCase()
  ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(DEFAULT_COUNTRY_KEY, JSON.stringify(code))
  return code
}

/** The country an import or preview reads phones in: the option when given, else the workspace setting. */
export function effectiveCountry(ws: Workspace, option: string | undefined): string {
  return option !== undefined && option.trim() !== '' ? option.trim().toUpperCase() : workspaceDefaultCountry(ws)
}
