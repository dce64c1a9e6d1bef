import { describe, expect, it } from 'vitest'
import { formatPath, parseSegmentRule, referencedSegments } from './segment-rule'

const all = (...children: unknown[]): unknown => ({ kind: 'group', op: 'all', children })

describe('parseSegmentRule', () => {
  it('accepts every node type', () => {
    const rule = all(
      { kind: 'attribute', attribute: 'city', test: { op: 'in', values: ['Paris', 'Lyon'] } },
      { kind: 'attribute', attribute: 'birth_date', test: { op: 'before', date: '1990-01-01' } },
      { kind: 'trait', trait: 'order_count', test: { op: 'gte', value: 2 } },
      { kind: 'trait', trait: 'last_order_at', test: { op: 'in_last', last: 90, unit: 'days' } },
      { kind: 'trait', trait: 'custom:lifetime', test: { op: 'between', min: 1, max: 5 } },
      { kind: 'tag', has: true, tags: ['vip'] },
      { kind: 'event', did: true, type: 'order', where: [{ property: 'status', op: 'equals', value: 'paid' }], atLeast: 2, window: { last: 1, unit: 'years' } },
      { kind: 'event', did: false, type: 'ticket', window: { from: '2025-01-01', to: '2025-12-31' } },
      { kind: 'consent', channel: 'email', value: 'granted' },
      { kind: 'source', source: 'Shopify', present: true },
      { kind: 'group', op: 'none', children: [{ kind: 'segment', segment: 'Churned', member: true }] },
    )
    const r = parseSegmentRule(rule)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(referencedSegments(r.rule)).toEqual(['Churned'])
      // Defaults are filled in.
      expect(r.rule.children[7]).toMatchObject({ kind: 'event', where: [], atLeast: 1 })
    }
  })

  const bad: [string, unknown, string, RegExp][] = [
    ['a root that is not a group', { kind: 'tag', has: true, tags: ['x'] }, 'kind', /group/],
    ['an unknown attribute', all({ kind: 'attribute', attribute: 'shoe_size', test: { op: 'is_empty' } }), 'children[0].attribute', /Invalid option/],
    ['a numeric operator on text', all({ kind: 'attribute', attribute: 'email', test: { op: 'gt', value: 1 } }), 'children[0].test.op', /does not apply to a text/],
    ['a text operator on a date', all({ kind: 'trait', trait: 'last_order_at', test: { op: 'contains', value: '2025' } }), 'children[0].test.op', /date/],
    ['an unknown trait', all({ kind: 'trait', trait: 'iq', test: { op: 'gt', value: 1 } }), 'children[0].trait', /unknown trait/],
    ['a bad date deep in a group', all({ kind: 'group', op: 'any', children: [{ kind: 'attribute', attribute: 'birth_date', test: { op: 'after', date: 'yesterday' } }] }), 'children[0].children[0].test.date', /ISO 8601/],
    ['a window that ends before it starts', all({ kind: 'event', did: true, type: 'order', window: { from: '2025-02-01', to: '2025-01-01' } }), 'children[0].window', /starts after/],
    ['an extra key (typo)', all({ kind: 'consent', channel: 'email', value: 'granted', vaule: 'x' }), 'children[0]', /Unrecognized key/],
    ['a negative count', all({ kind: 'event', did: true, type: 'order', atLeast: 0 }), 'children[0].atLeast', /too small|>=1/],
    ['min above max', all({ kind: 'trait', trait: 'order_count', test: { op: 'between', min: 5, max: 1 } }), 'children[0].test', /min is above max/],
  ]
  it.each(bad)('rejects %s with the path of the node', (_name, input, path, message) => {
    const r = parseSegmentRule(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors).toContainEqual({ path, message: expect.stringMatching(message) })
  })

  it('formats paths', () => {
    expect(formatPath([])).toBe('(root)')
    expect(formatPath(['children', 2, 'test', 'op'])).toBe('children[2].test.op')
  })
})
