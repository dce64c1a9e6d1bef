import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'
import { emailMatchKey, normalizeEmail, normalizePhone } from '../import/normalize'
import { activeProfileId } from '../profiles'

/**
 * Finding one person for a privacy request: an email, a phone or a profile id. Emails and phones are
 * normalised exactly as the import stores them, so the search matches what is in the workspace.
 */
export type PersonTarget = { email: string } | { phone: string; country?: string } | { profileId: number }

export interface FoundPerson {
  /** Active profiles holding the identifier (a person the resolver has not merged may have several). */
  profileIds: number[]
  /** The normalised identifier asked for (suppressed even when nothing is held), null for a profile id. */
  identifier: { kind: string; value: string } | null
  /** How the request was made, for the audit entry (never the value). */
  by: 'email' | 'phone' | 'profile'
}

/** Resolves a target to the profiles it names. Throws CdpError InvalidInput (unusable value) or NotFound (unknown profile id). */
export function findPerson(ws: Workspace, target: PersonTarget): FoundPerson {
  const db = ws.sqlite
  if ('profileId' in target) return { profileIds: [activeProfileId(ws, target.profileId)], identifier: null, by: 'profile' }
  if ('email' in target) {
    const n = normalizeEmail(target.email)
    if (!n?.ok) throw new CdpError('InvalidInput', `"${target.email}" is not an email address Tessera can match.`)
    const ids = db.prepare(`SELECT DISTINCT r.profile_id FROM identifiers i JOIN records r ON r.id = i.record_id
        WHERE (i.kind = 'email' AND i.value IN (@email, @key)) OR (i.kind = 'email_match' AND i.value = @key)
        UNION SELECT profile_id FROM records WHERE email = @email`).pluck()
      .all({ email: n.value.email, key: emailMatchKey(n.value.email) }) as number[]
    return { profileIds: ids.sort((a, b) => a - b), identifier: { kind: 'email', value: n.value.email }, by: 'email' }
  }
  const n = normalizePhone(target.phone, target.country ?? '')
  if (!n?.ok) throw new CdpError('InvalidInput', `"${target.phone}" is not a phone number Tessera can read; give it with its country code (+44…).`)
  const ids = db.prepare(`SELECT DISTINCT r.profile_id FROM identifiers i JOIN records r ON r.id = i.record_id WHERE i.kind = 'phone' AND i.value = @phone
      UNION SELECT profile_id FROM records WHERE phone = @phone`).pluck().all({ phone: n.value.e164 }) as number[]
  return { profileIds: ids.sort((a, b) => a - b), identifier: { kind: 'phone', value: n.value.e164 }, by: 'phone' }
}

