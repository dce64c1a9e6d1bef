import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { profileSuppressed, suppressionCheck } from '../privacy/suppression'
import type { Preset } from './presets'
import type { ProfileData } from './profile-data'

/**
 * Who may be in a file: never a suppressed person (an erased identifier that came back); only people
 * whose latest stated consent is 'granted' on every channel the preset needs; only profiles holding a key
 * the platform can match on. Each exclusion is counted under its reason.
 */
export type Gate = (p: ProfileData) => string | null

export function makeGate(db: SqliteDatabase, preset: Preset): Gate {
  const check = suppressionCheck(db)
  return (p) => {
    if (profileSuppressed(check, p.identifiers)) return 'suppressed'
    for (const channel of preset.consent) {
      const value = p.summary?.[`consent_${channel}`] ?? null
      if (value === 'denied') return `consent-denied:${channel}`
      if (value !== 'granted') return `no-consent:${channel}`
    }
    return preset.missingKey(p)
  }
}

export interface Coverage {
  /** Share of included profiles with at least one email / phone, 0..1. */
  email: number
  phone: number
  /** "91% have an email, 58% a phone" */
  text: string
}

/** Identifier coverage of the included profiles. */
export function coverageOf(included: readonly ProfileData[]): Coverage {
  const n = included.length
  const share = (f: (p: ProfileData) => boolean): number => (n === 0 ? 0 : included.filter(f).length / n)
  const email = share((p) => p.emails.length > 0)
  const phone = share((p) => p.phones.length > 0)
  const pct = (x: number): string => `${Math.round(x * 100)}%`
  return { email, phone, text: `${pct(email)} have an email, ${pct(phone)} a phone` }
}
