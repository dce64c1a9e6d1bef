import { createHmac } from 'node:crypto'
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'

/** Answers "was this person erased and must never come back?" for one normalised identifier. */
export type IsSuppressed = (kind: string, normalisedValue: string) => boolean

/**
 * The suppression hook the import consults before writing a person. The `suppressions` table holds only
 * HMAC-SHA256 hex digests of `${kind}:${value}` under the workspace's secret (settings key
 * `suppression_secret`, a JSON hex string), never the identifiers. Without a secret nothing was ever
 * suppressed, and the check is a constant `false`. The privacy domain may replace this with its own.
 */
export function suppressionCheck(db: SqliteDatabase): IsSuppressed {
  const raw = db.prepare("SELECT value FROM settings WHERE key = 'suppression_secret'").pluck().get() as string | undefined
  if (raw === undefined) return () => false
  const secret = Buffer.from(JSON.parse(raw) as string, 'hex')
  const count = db.prepare('SELECT count(*) FROM suppressions').pluck().get() as number
  if (count === 0) return () => false
  const lookup = db.prepare('SELECT 1 FROM suppressions WHERE kind = ? AND hmac = ?').pluck()
  return (kind, value) => lookup.get(kind, suppressionHmac(secret, kind, value)) !== undefined
}

/** The digest stored in `suppressions.hmac` for one identifier. */
export function suppressionHmac(secret: Buffer, kind: string, value: string): string {
  return createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex')
}
