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

/** How one attribute group's golden value is chosen; `sources` (in order of trust) only for source_priority. */
export const survivorshipRuleView = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('source_priority'), sources: z.array(z.string().min(1).max(200)).min(1).max(100) }),
  z.strictObject({ rule: z.enum(['most_recent', 'most_frequent', 'longest', 'first_non_empty']) }),
])
export type SurvivorshipRuleView = z.infer<typeof survivorshipRuleView>
export const survivorshipView = z.strictObject({
  groups: z.array(z.strictObject({ group: z.string(), fields: z.array(z.string()), rule: survivorshipRuleView })),
  ruleKinds: z.array(z.string()),
  /** The workspace's source names, to order for source_priority. */
  sources: z.array(z.string()),
})
export type SurvivorshipView = z.infer<typeof survivorshipView>

export const settingsChannels = {
  'settings:thresholds': { input: z.strictObject({}), output: thresholds },
  /** Saves new thresholds (they apply from the next resolution run). InvalidInput when review ≥ autoMerge. */
  'settings:set-thresholds': { input: thresholds, output: thresholds },
  /** Each attribute group's survivorship rule (stored overrides over the defaults) and the sources to order. */
  'settings:survivorship': { input: z.strictObject({}), output: survivorshipView },
  /**
   * Saves rules for the groups given (others keep theirs). Golden values change with the next profile
   * refresh: the UI starts `profiles:refresh-start {all: true}` after saving. InvalidInput names a bad group.
   */
  'settings:set-survivorship': { input: z.strictObject({ rules: z.record(z.string(), survivorshipRuleView) }), output: survivorshipView },
  /** The country phone numbers without an international prefix are read in on import (ISO alpha-2, default US). */
  'settings:default-country': { input: z.strictObject({}), output: z.strictObject({ country: z.string().length(2) }) },
  'settings:set-default-country': { input: z.strictObject({ country: z.string().regex(/^[A-Za-z]{2}$/) }), output: z.strictObject({ country: z.string().length(2) }) },
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
