import { z } from 'zod'
import { isoTime } from './common'

/**
 * Settings channels: match thresholds, the audit log with its chain verification, and backups. The
 * passphrase and auto-lock live on the workspace channels (`workspace:change-passphrase`,
 * `workspace:set-auto-lock`).
 */
export const thresholds = z.strictObject({ autoMerge: z.number().gt(0).max(1), review: z.number().min(0).lt(1) })

export const auditEntry = z.strictObject({
  id: z.number().int(),
  at: isoTime,
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.string(),
  hash: z.string(),
})
export type AuditEntryView = z.infer<typeof auditEntry>

export const settingsChannels = {
  'settings:thresholds': { input: z.strictObject({}), output: thresholds },
  /** Saves new thresholds (they apply from the next resolution run). InvalidInput when review ≥ autoMerge. */
  'settings:set-thresholds': { input: thresholds, output: thresholds },
  'audit:list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(200), action: z.string().max(100).optional() }),
    output: z.array(auditEntry),
  },
  /** Re-hashes the whole chain: ok, how many entries, and the first broken link if any. */
  'audit:verify': {
    input: z.strictObject({}),
    output: z.strictObject({
      ok: z.boolean(),
      entries: z.number().int(),
      broken: z.strictObject({ id: z.number().int(), reason: z.string() }).optional(),
    }),
  },
} as const
