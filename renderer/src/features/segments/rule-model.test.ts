import { describe, expect, it } from 'vitest'
import { operatorsFor, parseSegmentRule, type RuleGroup } from '../../../../shared/domain/segment-rule'
import { appendAt, comparisonFor, propertyFilterOf, propertyFilterText, conditionKinds, defaultComparison, emptyRule, fieldOptions, newCondition, nodeAt, replaceAt } from './rule-model'

const vocab = { sources: ['shop'], eventTypes: ['order'], segments: ['vip'] }

describe('rule builder model', () => {
  it('offers every attribute and trait with its kind, plus custom traits', () => {
    const opts = fieldOptions(['custom:ltv'])
    expect(opts.find((o) => o.value === 'attribute:birth_date')?.kind).toBe('date')
    expect(opts.find((o) => o.value === 'trait:order_count')?.kind).toBe('number')
    expect(opts.find((o) => o.value === 'trait:custom:ltv')).toMatchObject({ label: 'ltv', group: 'Custom traits' })
  })

  it.each(conditionKinds.map((k) => k.value))('a new %s condition is a valid rule', (kind) => {
    const rule = appendAt(emptyRule(), [], newCondition(kind, vocab))
    expect(parseSegmentRule(rule)).toMatchObject({ ok: true })
  })

  it.each(['text', 'number', 'date'] as const)('every %s operator yields a valid comparison', (kind) => {
    const attribute = kind === 'date' ? 'birth_date' : 'email'
    for (const op of operatorsFor[kind]) {
      const test = comparisonFor(op, defaultComparison(kind))
      const rule = kind === 'number'
        ? { kind: 'group', op: 'all', children: [{ kind: 'trait', trait: 'order_count', test }] }
        : { kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute, test }] }
      expect(parseSegmentRule(rule), `${kind} ${op}`).toMatchObject({ ok: true })
    }
  })

  it('keeps what it can when the operator changes', () => {
    expect(comparisonFor('not_equals', { op: 'equals', value: 'x' })).toEqual({ op: 'not_equals', value: 'x' })
    expect(comparisonFor('in', { op: 'equals', value: 'x' })).toEqual({ op: 'in', values: ['x'] })
    expect(comparisonFor('not_in_last', { op: 'in_last', last: 7, unit: 'weeks' })).toEqual({ op: 'not_in_last', last: 7, unit: 'weeks' })
  })

  it('edits nested groups immutably by path', () => {
    let rule: RuleGroup = emptyRule()
    rule = appendAt(rule, [], newCondition('consent', vocab))
    rule = appendAt(rule, [], { kind: 'group', op: 'any', children: [] })
    rule = appendAt(rule, [1], newCondition('source', vocab))
    const before = rule
    const after = replaceAt(rule, [1, 0], { kind: 'source', source: 'shop', present: false })
    expect(nodeAt(after, [1, 0])).toEqual({ kind: 'source', source: 'shop', present: false })
    expect(nodeAt(before, [1, 0])).toEqual({ kind: 'source', source: 'shop', present: true })
    expect(replaceAt(after, [0], null).children).toHaveLength(1)
    expect(replaceAt(after, [], null)).toBe(after)
  })

  it.each([
    { op: 'equals', text: 'paid', value: 'paid' },
    { op: 'equals', text: '42', value: 42 },
    { op: 'gte', text: '10.5', value: 10.5 },
    { op: 'in', text: 'paid, refunded', value: ['paid', 'refunded'] },
    { op: 'exists', text: 'x', value: undefined },
  ] as const)('an event property filter $op "$text" is valid', ({ op, text, value }) => {
    const f = propertyFilterOf('status', op, text)
    expect(f.value).toEqual(value)
    const rule = { kind: 'group', op: 'all', children: [{ kind: 'event', did: true, type: 'order', where: [f] }] }
    expect(parseSegmentRule(rule)).toMatchObject({ ok: true })
    if (value !== undefined) expect(propertyFilterText(f)).toBe(Array.isArray(value) ? value.join(', ') : String(value))
  })
})
