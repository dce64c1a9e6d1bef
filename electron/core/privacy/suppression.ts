import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { randomBytes } from 'node:crypto'
import { suppressionCheck, suppressionHmac, type IsSuppressed } from '../import/pipeline/suppression'

/**
 * The suppression list: keyed hashes of erased people's normalised identifiers, never the identifiers.
 * The digest is exactly what the import's hook looks up (import/pipeline/suppression.ts):
 * HMAC-SHA256 under the settings key `suppression_secret` (JSON hex string) of `${kind}:${value}`.
 * The secret is per workspace, so a suppression list leaked alone cannot be checked against a dictionary.
 */

const SECRET_KEY = 'suppression_secret'

/** The workspace's suppression secret, created (32 random bytes) on first use. Caller owns the transaction. */
export function suppressionSecret(db: SqliteDatabase): Buffer {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SECRET_KEY) as string | undefined
  if (raw !== undefined) return Buffer.from(JSON.parse(raw) as string, 'hex')
  const secret = randomBytes(32)
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(SECRET_KEY, JSON.stringify(secret.toString('hex')))
  return secret
}

/**
 * Adds identifiers (already normalised the way the import stores them: email lower-cased, phone E.164,
 * `external:<system>` ids as given) to the suppression list. Idempotent; returns how many were new.
 */
export function addSuppressions(db: SqliteDatabase, identifiers: readonly { kind: string; value: string }[], reason: string): number {
  const secret = suppressionSecret(db)
  const insert = db.prepare('INSERT OR IGNORE INTO suppressions (kind, hmac, reason, created_at) VALUES (?, ?, ?, ?)')
  const at = new Date().toISOString()
  let added = 0
  for (const i of identifiers) added += insert.run(i.kind, suppressionHmac(secret, i.kind, i.value), reason, at).changes
  return added
}

/** The same check the import runs, for one profile's identifiers (email_match keys are not suppression keys). */
export function profileSuppressed(check: IsSuppressed, identifiers: readonly { kind: string; value: string }[]): boolean {
  return identifiers.some((i) => i.kind !== 'email_match' && check(i.kind, i.value))
}

export { suppressionCheck }
