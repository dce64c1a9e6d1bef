import {
  builtinTraits, goldenAttributes, operatorsFor, traitKind,
  type Comparison, type Condition, type PropertyFilter, type RuleGroup, type RuleNode, type SegmentRule, type ValueKind,
} from '../../../../shared/domain/segment-rule'

/**
 * Pure helpers for the visual rule builder: the field catalogue with value kinds, defaults for a new
 * condition or operator, and immutable edits of the rule tree addressed by a path of child indexes.
 */

/** A pickable field: a golden attribute or a trait, with its value kind (which decides the operators). */
export interface FieldOption {
  value: string
  label: string
  group: 'Attributes' | 'Traits' | 'Custom traits'
  kind: ValueKind
}

const human = (s: string): string => (s.charAt(0).toUpperCase() + s.slice(1)).replace(/_/g, ' ')

/** Every field a condition can test; `custom` are `custom:<name>` trait names from the workspace. */
export function fieldOptions(custom: readonly string[]): FieldOption[] {
  return [
    ...Object.entries(goldenAttributes).map(([k, kind]) => ({ value: `attribute:${k}`, label: human(k), group: 'Attributes' as const, kind })),
    ...Object.entries(builtinTraits).map(([k, kind]) => ({ value: `trait:${k}`, label: human(k), group: 'Traits' as const, kind })),
    ...custom.map((c) => ({ value: `trait:${c}`, label: c.replace(/^custom:/, ''), group: 'Custom traits' as const, kind: 'number' as const })),
  ]
}

/** The value kind of an attribute or trait condition. */
export function kindOf(c: Condition): ValueKind {
  if (c.kind === 'attribute') return goldenAttributes[c.attribute]
  if (c.kind === 'trait') return traitKind(c.trait) ?? 'number'
  return 'text'
}

export const operatorLabels: Record<Comparison['op'], string> = {
  equals: 'is', not_equals: 'is not', contains: 'contains', starts_with: 'starts with', in: 'is one of', not_in: 'is none of',
  is_empty: 'is empty', is_not_empty: 'is not empty', gt: '>', gte: '≥', lt: '<', lte: '≤', between: 'between',
  before: 'before', after: 'after', between_dates: 'between dates', in_last: 'in the last', not_in_last: 'not in the last',
}

/** The default comparison for an operator, keeping what can be kept from the previous one. */
export function comparisonFor(op: Comparison['op'], prev?: Comparison): Comparison {
  const text = prev && 'value' in prev && typeof prev.value === 'string' ? prev.value : ''
  const num = prev && 'value' in prev && typeof prev.value === 'number' ? prev.value : 0
  const today = new Date().toISOString().slice(0, 10)
  switch (op) {
    case 'equals': case 'not_equals': case 'contains': case 'starts_with': return { op, value: text }
    case 'in': case 'not_in': return { op, values: prev && 'values' in prev ? prev.values : text ? [text] : [''] }
    case 'is_empty': case 'is_not_empty': return { op }
    case 'gt': case 'gte': case 'lt': case 'lte': return { op, value: num }
    case 'between': return { op, min: num, max: num }
    case 'before': case 'after': return { op, date: prev && 'date' in prev ? prev.date : today }
    case 'between_dates': return { op, from: prev && 'date' in prev ? prev.date : today, to: today }
    case 'in_last': case 'not_in_last': return { op, last: prev && 'last' in prev ? prev.last : 90, unit: prev && 'unit' in prev ? prev.unit : 'days' }
  }
}

/** A fresh comparison that fits a kind (the first operator that needs a value). */
export function defaultComparison(kind: ValueKind): Comparison {
  return comparisonFor(kind === 'date' ? 'in_last' : kind === 'number' ? 'gte' : 'equals')
}

export type ConditionKind = Condition['kind']
export const conditionKinds: { value: ConditionKind; label: string }[] = [
  { value: 'attribute', label: 'Attribute' }, { value: 'trait', label: 'Trait' }, { value: 'event', label: 'Did / did not do' },
  { value: 'consent', label: 'Consent' }, { value: 'source', label: 'Source' }, { value: 'tag', label: 'Tag' }, { value: 'segment', label: 'In segment' },
]

/** A new condition of a kind, filled with sensible first choices from the workspace's vocabulary. */
export function newCondition(kind: ConditionKind, vocab: { sources: readonly string[]; eventTypes: readonly string[]; segments: readonly string[] }): Condition {
  switch (kind) {
    case 'attribute': return { kind, attribute: 'email', test: { op: 'is_not_empty' } }
    case 'trait': return { kind, trait: 'order_count', test: { op: 'gte', value: 1 } }
    case 'event': return { kind, did: true, type: vocab.eventTypes[0] ?? 'order', where: [], atLeast: 1, window: { last: 90, unit: 'days' } }
    case 'consent': return { kind, channel: 'email', value: 'granted' }
    case 'source': return { kind, source: vocab.sources[0] ?? '', present: true }
    case 'tag': return { kind, has: true, tags: ['vip'] }
    case 'segment': return { kind, segment: vocab.segments[0] ?? '', member: true }
  }
}

export const emptyRule = (): SegmentRule => ({ kind: 'group', op: 'all', children: [] })

/** The node at `path` (child indexes from the root). */
export function nodeAt(root: RuleGroup, path: readonly number[]): RuleNode | undefined {
  let node: RuleNode | undefined = root
  for (const i of path) node = node?.kind === 'group' ? node.children[i] : undefined
  return node
}

/** A copy of the tree with the node at `path` replaced (`null` removes it). The root itself is never removed. */
export function replaceAt(root: RuleGroup, path: readonly number[], next: RuleNode | null): RuleGroup {
  if (path.length === 0) return next && next.kind === 'group' ? next : root
  const [head, ...rest] = path as [number, ...number[]]
  const child = root.children[head]
  if (child === undefined) return root
  let replaced: RuleNode | null
  if (rest.length === 0) replaced = next
  else if (child.kind === 'group') replaced = replaceAt(child, rest, next)
  else return root
  const children = replaced === null ? root.children.filter((_, i) => i !== head) : root.children.map((c, i) => (i === head ? replaced : c))
  return { ...root, children }
}

/** A copy of the tree with `node` appended to the group at `path`. */
export function appendAt(root: RuleGroup, path: readonly number[], node: RuleNode): RuleGroup {
  const group = nodeAt(root, path)
  if (group?.kind !== 'group') return root
  return replaceAt(root, path, { ...group, children: [...group.children, node] })
}

/** Operators that fit a value kind, as select options. */
export function operatorOptions(kind: ValueKind): { value: Comparison['op']; label: string }[] {
  return operatorsFor[kind].map((op) => ({ value: op, label: operatorLabels[op] }))
}

/** Operators of an event property filter, with labels. */
export const propertyOps: { value: PropertyFilter['op']; label: string }[] = [
  { value: 'equals', label: '=' }, { value: 'not_equals', label: '≠' }, { value: 'contains', label: 'contains' }, { value: 'in', label: 'one of' },
  { value: 'gt', label: '>' }, { value: 'gte', label: '≥' }, { value: 'lt', label: '<' }, { value: 'lte', label: '≤' }, { value: 'exists', label: 'exists' },
]

/**
 * A property filter from what the analyst typed: numeric operators take a number, `in` a comma-separated
 * list, `exists` nothing; numbers typed for `=` stay text unless they are plain numbers (amounts, counts).
 */
export function propertyFilterOf(property: string, op: PropertyFilter['op'], text: string): PropertyFilter {
  if (op === 'exists') return { property, op }
  if (op === 'in') return { property, op, value: text.split(',').map((v) => v.trim()).filter(Boolean).concat(text.trim() ? [] : ['']) }
  const n = Number(text)
  if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') return { property, op, value: Number.isFinite(n) ? n : 0 }
  return { property, op, value: text.trim() !== '' && Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(text.trim()) ? n : text }
}

/** The text shown in a property filter's value box. */
export function propertyFilterText(f: PropertyFilter): string {
  if (f.value === undefined) return ''
  return Array.isArray(f.value) ? f.value.join(', ') : String(f.value)
}
