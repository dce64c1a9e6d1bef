import { z } from 'zod'
import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'

/**
 * Survivorship: which record's value becomes the profile's golden value, attribute by attribute.
 * Name and address fields are chosen as groups (all parts from one record), so a golden address is an
 * address someone actually wrote, never a street from one source and a postcode from another.
 */
export const attributeGroups = {
  name: ['first_name', 'last_name', 'full_name'],
  email: ['email'],
  phone: ['phone'],
  company: ['company'],
  address: ['street', 'street2', 'city', 'region', 'postcode', 'country'],
  birth_date: ['birth_date'],
  gender: ['gender'],
} as const
export type AttributeGroup = keyof typeof attributeGroups
export type GoldenField = (typeof attributeGroups)[AttributeGroup][number]

export const ruleKinds = ['source_priority', 'most_recent', 'most_frequent', 'longest', 'first_non_empty'] as const
export type RuleKind = (typeof ruleKinds)[number]

const groupNames = Object.keys(attributeGroups) as [AttributeGroup, ...AttributeGroup[]]
export const survivorshipRule = z.discriminatedUnion('rule', [
  // Source names in order of trust; records from unlisted sources come after, most recent first.
  z.strictObject({ rule: z.literal('source_priority'), sources: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ rule: z.enum(['most_recent', 'most_frequent', 'longest', 'first_non_empty']) }),
])
export type SurvivorshipRule = z.infer<typeof survivorshipRule>
export type SurvivorshipRules = Record<AttributeGroup, SurvivorshipRule>
const rulesInput = z.partialRecord(z.enum(groupNames), survivorshipRule)

/**
 * Defaults: contact points and addresses follow the most recent record (a recent shop address beats a
 * three-year-old CRM address); names, birth dates and gender follow the majority, because a typo in one
 * source should not win just by being new.
 */
export const defaultSurvivorship: SurvivorshipRules = {
  name: { rule: 'most_frequent' },
  email: { rule: 'most_recent' },
  phone: { rule: 'most_recent' },
  company: { rule: 'most_recent' },
  address: { rule: 'most_recent' },
  birth_date: { rule: 'most_frequent' },
  gender: { rule: 'most_frequent' },
}

const SETTINGS_KEY = 'profiles.survivorship'

/** The workspace's rules: stored overrides on top of the defaults. Never throws on a missing setting. */
export function getSurvivorshipRules(ws: Workspace): SurvivorshipRules {
  const raw = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY) as string | undefined
  const parsed = raw === undefined ? undefined : rulesInput.safeParse(JSON.parse(raw))
  return { ...defaultSurvivorship, ...(parsed?.success ? parsed.data : {}) }
}

/**
 * Stores rule overrides (merged over the current ones). Throws CdpError('InvalidInput') naming the bad
 * entry. Golden values change only when profiles are refreshed: the caller runs a full refresh
 * (`refreshAllProfiles`) afterwards, which the CLI and app do.
 */
export function setSurvivorshipRules(ws: Workspace, rules: unknown): SurvivorshipRules {
  const parsed = rulesInput.safeParse(rules)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CdpError('InvalidInput', `Invalid survivorship rule at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`)
  }
  const merged = { ...getSurvivorshipRules(ws), ...parsed.data }
  ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(SETTINGS_KEY, JSON.stringify(merged))
  return merged
}

/** One record's say on a group of fields, with where it came from. */
export interface Candidate {
  recordId: number
  rawRowId: number
  sourceId: number
  sourceName: string
  importId: number
  /** When the source last changed the record (observed_at), else when Tessera last wrote it. */
  seenAt: string
  values: Partial<Record<GoldenField, string | null>>
}

export interface Winner { candidate: Candidate; rule: string }

const nonEmpty = (v: string | null | undefined): v is string => v !== null && v !== undefined && v.trim() !== ''
const newestFirst = (a: Candidate, b: Candidate): number => (a.seenAt === b.seenAt ? b.recordId - a.recordId : a.seenAt < b.seenAt ? 1 : -1)

/**
 * Picks the winning record for a group of fields, or undefined when no record has any of them.
 * Pure and deterministic: ties always fall to the most recent record, then the highest record id.
 * `rule` in the result names the rule that decided, e.g. `source_priority:Shopify` or `most_frequent(3)`.
 */
export function pickWinner(fields: readonly GoldenField[], candidates: readonly Candidate[], rule: SurvivorshipRule): Winner | undefined {
  const keyOf = (c: Candidate): string => fields.map((f) => (c.values[f] ?? '').trim().toLowerCase()).join('\u0001')
  const usable = candidates.filter((c) => fields.some((f) => nonEmpty(c.values[f]))).sort(newestFirst)
  const first = usable[0]
  if (!first) return undefined
  switch (rule.rule) {
    case 'most_recent':
      return { candidate: first, rule: 'most_recent' }
    case 'first_non_empty': {
      const oldest = usable[usable.length - 1]!
      return { candidate: oldest, rule: 'first_non_empty' }
    }
    case 'longest': {
      const len = (c: Candidate): number => fields.reduce((n, f) => n + (c.values[f]?.trim().length ?? 0), 0)
      const best = usable.reduce((a, c) => (len(c) > len(a) ? c : a), first)
      return { candidate: best, rule: 'longest' }
    }
    case 'most_frequent': {
      const counts = new Map<string, number>()
      for (const c of usable) counts.set(keyOf(c), (counts.get(keyOf(c)) ?? 0) + 1)
      const best = usable.reduce((a, c) => (counts.get(keyOf(c))! > counts.get(keyOf(a))! ? c : a), first)
      return { candidate: best, rule: `most_frequent(${counts.get(keyOf(best))}/${usable.length})` }
    }
    case 'source_priority': {
      const rank = (c: Candidate): number => {
        const i = rule.sources.findIndex((s) => s.toLowerCase() === c.sourceName.toLowerCase())
        return i < 0 ? rule.sources.length : i
      }
      const best = usable.reduce((a, c) => (rank(c) < rank(a) ? c : a), first)
      return rank(best) < rule.sources.length
        ? { candidate: best, rule: `source_priority:${best.sourceName}` }
        : { candidate: best, rule: 'source_priority:unlisted,most_recent' }
    }
  }
}
