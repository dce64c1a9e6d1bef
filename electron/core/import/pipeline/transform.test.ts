import { describe, expect, it } from 'vitest'
import type { Mapping } from '../types'
import { compilePlan } from './row-plan'
import { transformRow } from './transform'

describe('transformRow', () => {
  const header = ['Order', 'Email', 'Created at', 'Total', 'Shipping Method', 'Plan']
  const columns = {
    Order: 'event_key', Email: 'email', 'Created at': 'occurred_at', Total: 'amount', 'Shipping Method': 'attribute:shipping_method', Plan: 'attribute:plan',
  } as const
  const row = { rowNumber: 1, cells: ['#1001', 'Ann@Shop.test', '2026-05-01T10:00:00Z', '12.50', 'Express', 'gold'] }

  it('puts an event file\'s extra columns on the event, not on the buyer\'s record', () => {
    const mapping: Mapping = { kind: 'event', eventType: 'order', columns, currency: 'EUR' }
    const r = transformRow(compilePlan(header, mapping, 'FR'), row)
    if (r.outcome !== 'event') throw new Error(`expected an event, got ${r.outcome}`)
    expect(r.events[0]!.properties).toMatchObject({ shipping_method: 'Express', plan: 'gold' })
    expect(r.person.attributes).toEqual({})
    expect(r.person.fields.email).toBe('ann@shop.test')
  })

  it('keeps a person file\'s extra columns as the record\'s attributes', () => {
    const mapping: Mapping = { kind: 'person', columns: { Email: 'email', Plan: 'attribute:plan' } }
    const r = transformRow(compilePlan(header, mapping, 'FR'), row)
    if (r.outcome !== 'record') throw new Error(`expected a record, got ${r.outcome}`)
    expect(r.person.attributes).toEqual({ plan: 'gold' })
  })
})
