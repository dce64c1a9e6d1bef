import { z } from 'zod'

/**
 * The segment rule: a tree the UI builds and the engine compiles to SQL. The root is a group; groups
 * nest (all = AND, any = OR, none = NOT OR). Leaves test golden attributes, traits, tags, events,
 * consent, source presence or membership of another saved segment.
 *
 * Values are data, never SQL: the engine binds every one of them as a parameter.
 */

/** Golden attributes a rule can test, with the kind of comparison they allow. */
export const goldenAttributes = {
  first_name: 'text', last_name: 'text', display_name: 'text', email: 'text', phone: 'text', company: 'text',
  street: 'text', city: 'text', region: 'text', postcode: 'text', country: 'text', gender: 'text', birth_date: 'date',
} as const
export type GoldenAttribute = keyof typeof goldenAttributes

/** Built-in computed traits a rule can test. Money is in minor units of the reporting currency. */
export const builtinTraits = {
  order_count: 'number', spend_minor: 'number', average_order_minor: 'number', record_count: 'number',
  first_order_at: 'date', last_order_at: 'date', last_seen_at: 'date', days_since_last_order: 'number',
  rfm_recency: 'number', rfm_frequency: 'number', rfm_monetary: 'number',
} as const
export type BuiltinTrait = keyof typeof builtinTraits
export type ValueKind = 'text' | 'number' | 'date'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO 8601 date like 2025-01-31')
const timeUnit = z.enum(['days', 'weeks', 'months', 'years'])
const amount = z.number().int().positive().max(100_000)

/** A relative window: "in the last 90 days". */
export const relativeWindow = z.strictObject({ last: amount, unit: timeUnit })
export type RelativeWindow = z.infer<typeof relativeWindow>

/** Comparisons shared by attributes and traits; which ones apply depends on the value kind. */
export const comparison = z.discriminatedUnion('op', [
  z.strictObject({ op: z.enum(['equals', 'not_equals', 'contains', 'starts_with']), value: z.string().max(1000) }),
  z.strictObject({ op: z.enum(['in', 'not_in']), values: z.array(z.string().max(1000)).min(1).max(10_000) }),
  z.strictObject({ op: z.enum(['is_empty', 'is_not_empty']) }),
  z.strictObject({ op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number().finite() }),
  z.strictObject({ op: z.literal('between'), min: z.number().finite(), max: z.number().finite() }),
  z.strictObject({ op: z.enum(['before', 'after']), date: isoDate }),
  z.strictObject({ op: z.literal('between_dates'), from: isoDate, to: isoDate }),
  z.strictObject({ op: z.enum(['in_last', 'not_in_last']), last: amount, unit: timeUnit }),
])
export type Comparison = z.infer<typeof comparison>

/** Which comparison operators suit which value kind. */
export const operatorsFor: Record<ValueKind, readonly Comparison['op'][]> = {
  text: ['equals', 'not_equals', 'contains', 'starts_with', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  number: ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  date: ['before', 'after', 'between_dates', 'in_last', 'not_in_last', 'is_empty', 'is_not_empty'],
}

/** A filter on an event's properties (or its amount/currency), e.g. status = paid. */
export const propertyFilter = z.strictObject({
  property: z.string().min(1).max(200),
  op: z.enum(['equals', 'not_equals', 'in', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists']),
  value: z.union([z.string().max(1000), z.number().finite(), z.array(z.union([z.string(), z.number()])).min(1).max(1000)]).optional(),
})
export type PropertyFilter = z.infer<typeof propertyFilter>
/** Property names that address event columns rather than the properties JSON. */
export const eventColumns = { $amount: 'amount_minor', $currency: 'currency', $source_key: 'source_key' } as const

const attributeCondition = z.strictObject({ kind: z.literal('attribute'), attribute: z.enum(Object.keys(goldenAttributes) as [GoldenAttribute, ...GoldenAttribute[]]), test: comparison })
const traitCondition = z.strictObject({ kind: z.literal('trait'), trait: z.string().min(1).max(200), test: comparison })
const tagCondition = z.strictObject({ kind: z.literal('tag'), has: z.boolean(), tags: z.array(z.string().min(1).max(200)).min(1).max(1000) })
const eventCondition = z.strictObject({
  kind: z.literal('event'),
  did: z.boolean(),
  type: z.string().min(1).max(200),
  where: z.array(propertyFilter).max(20).default([]),
  atLeast: z.number().int().min(1).max(1_000_000).default(1),
  window: z.union([relativeWindow, z.strictObject({ from: isoDate, to: isoDate })]).optional(),
})
const consentCondition = z.strictObject({ kind: z.literal('consent'), channel: z.enum(['email', 'sms', 'ads']), value: z.enum(['granted', 'denied', 'unknown']) })
const sourceCondition = z.strictObject({ kind: z.literal('source'), source: z.string().min(1).max(200), present: z.boolean() })
const segmentCondition = z.strictObject({ kind: z.literal('segment'), segment: z.string().min(1).max(200), member: z.boolean() })

export type AttributeCondition = z.infer<typeof attributeCondition>
export type TraitCondition = z.infer<typeof traitCondition>
export type TagCondition = z.infer<typeof tagCondition>
export type EventCondition = z.infer<typeof eventCondition>
export type ConsentCondition = z.infer<typeof consentCondition>
export type SourceCondition = z.infer<typeof sourceCondition>
export type SegmentCondition = z.infer<typeof segmentCondition>
export type Condition = AttributeCondition | TraitCondition | TagCondition | EventCondition | ConsentCondition | SourceCondition | SegmentCondition
export interface RuleGroup { kind: 'group'; op: 'all' | 'any' | 'none'; children: RuleNode[] }
export type RuleNode = RuleGroup | Condition
/** A whole rule: its root is always a group. */
export type SegmentRule = RuleGroup

const MAX_DEPTH = 12

const ruleGroupSchema = z.strictObject({
  kind: z.literal('group'),
  op: z.enum(['all', 'any', 'none']),
  // A getter makes the recursion lazy (zod 4's way), so a bad leaf is reported at its own path.
  get children(): z.ZodArray<z.ZodType<RuleNode>> {
    return z.array(ruleNode).max(200)
  },
})
/** The schema of any node of the tree. */
export const ruleNode: z.ZodType<RuleNode> = z.discriminatedUnion('kind', [
  ruleGroupSchema, attributeCondition, traitCondition, tagCondition, eventCondition, consentCondition, sourceCondition, segmentCondition,
])

/** The schema of a whole rule, with the checks that need more than shape (operator fits the value kind, depth). */
export const segmentRule: z.ZodType<SegmentRule> = ruleGroupSchema.superRefine((root, ctx) => checkNode(root, [], 0, ctx))

function checkNode(node: RuleNode, path: (string | number)[], depth: number, ctx: z.RefinementCtx): void {
  if (node.kind === 'group') {
    if (depth >= MAX_DEPTH) ctx.addIssue({ code: 'custom', path, message: `groups nest at most ${MAX_DEPTH} deep` })
    node.children.forEach((c, i) => checkNode(c, [...path, 'children', i], depth + 1, ctx))
    return
  }
  if (node.kind === 'attribute') checkComparison(goldenAttributes[node.attribute], node.test, [...path, 'test'], ctx)
  if (node.kind === 'trait') {
    const kind = traitKind(node.trait)
    if (kind === undefined) ctx.addIssue({ code: 'custom', path: [...path, 'trait'], message: `unknown trait "${node.trait}" (custom traits are written custom:<name>)` })
    else checkComparison(kind, node.test, [...path, 'test'], ctx)
  }
  if (node.kind === 'event' && node.window && 'from' in node.window && node.window.from > node.window.to) {
    ctx.addIssue({ code: 'custom', path: [...path, 'window'], message: 'the window starts after it ends' })
  }
}

function checkComparison(kind: ValueKind, test: Comparison, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (!operatorsFor[kind].includes(test.op)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'op'], message: `"${test.op}" does not apply to a ${kind} value (use one of ${operatorsFor[kind].join(', ')})` })
  }
  if (kind === 'number' && (test.op === 'equals' || test.op === 'not_equals') && !Number.isFinite(Number(test.value))) {
    ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: 'expected a number' })
  }
  if (test.op === 'between' && test.min > test.max) ctx.addIssue({ code: 'custom', path, message: 'min is above max' })
}

/** The value kind of a trait name: a built-in trait, or `custom:<name>` (numeric). Undefined if unknown. */
export function traitKind(trait: string): ValueKind | undefined {
  if (trait in builtinTraits) return builtinTraits[trait as BuiltinTrait]
  return /^custom:.+/.test(trait) ? 'number' : undefined
}

export interface RuleError { path: string; message: string }
export type RuleParse = { ok: true; rule: SegmentRule } | { ok: false; errors: RuleError[] }

/** Parses an unknown value into a rule; on failure, every problem with the path of its node (`children[1].test.op`). */
export function parseSegmentRule(input: unknown): RuleParse {
  const r = segmentRule.safeParse(input)
  if (r.success) return { ok: true, rule: r.data }
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) }
}

/** `['children', 1, 'test']` → `children[1].test`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`
  return out || '(root)'
}

/** Names of the saved segments a rule refers to, anywhere in the tree. */
export function referencedSegments(node: RuleNode): string[] {
  if (node.kind === 'segment') return [node.segment]
  if (node.kind === 'group') return node.children.flatMap(referencedSegments)
  return []
}
