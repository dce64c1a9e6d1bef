import { parseDate, parseMoney as moneyNorm } from '../normalize'
import { memo2 } from './memo'
import type { RowCells, RowPlan } from './row-plan'

/** An event as one row describes it, normalised. */
export interface EventDraft {
  type: string
  key: string | null
  occurredAt: string | null
  amountMinor: number | null
  currency: string | null
  properties: Record<string, unknown>
}

/** What the event half of a row yields, or why the row cannot be used. */
export type EventResult = { ok: true; events: EventDraft[]; orderKey: string | null } | { ok: false; reason: string }

// Amounts repeat (prices, shipping, zero discounts): parse each distinct one once per thread.
const parseMoney = memo2(moneyNorm)

// Shopify order exports: these attributes describe the line item, everything else the order.
const LINE_ITEM_ATTR = /^(lineitem_|vendor$)/

/** An attribute column and the property it becomes: on the order, or (lineKey) on the line item. */
interface EventAttribute { index: number; name: string; lineKey: string | null }

/** Per plan, worked out once: which attribute columns describe the line item (tested per row before). */
const attributePlans = new WeakMap<RowPlan, EventAttribute[]>()

function eventAttributes(plan: RowPlan): EventAttribute[] {
  let list = attributePlans.get(plan)
  if (!list) {
    list = plan.attributes.map(({ name, index }) => ({
      index, name, lineKey: plan.orderLines && LINE_ITEM_ATTR.test(name) ? name.replace(/^lineitem_/, '') : null,
    }))
    attributePlans.set(plan, list)
  }
  return list
}

/**
 * Builds the event(s) of a row. A present but unparseable `occurred_at` quarantines the row: an event
 * without a trustworthy time would mislead every later segment. With the `shopify-order-lines` quirk a
 * row is always a `line_item`, and also the `order` when it carries the order-level fields.
 */
export function eventDraft(cells: RowCells, plan: RowPlan): EventResult {
  const occurred = cells.get('occurred_at')
  let occurredAt: string | null = null
  if (occurred !== null) {
    const col = cells.column('occurred_at')
    const n = parseDate(occurred, col ? plan.dateOrders[col] : undefined)
    if (n && !n.ok) return { ok: false, reason: `unparseable-date:${col ?? 'occurred_at'}` }
    occurredAt = n?.value ?? null
  }
  const money = readMoney(cells, plan)
  if (!money.ok) return money
  const key = cells.get('event_key')
  const status = cells.get('status')
  const props: Record<string, unknown> = {}
  const lineProps: Record<string, unknown> = {}
  for (const { name, index, lineKey } of eventAttributes(plan)) {
    const v = cells.at(index)
    if (v === null) continue
    if (lineKey !== null) lineProps[lineKey] = v
    else props[name] = v
  }
  if (status !== null) props.status = status
  const base = { key, occurredAt, amountMinor: money.minor, currency: money.currency }
  if (!plan.orderLines) {
    const type = cells.get('event_type') ?? plan.mapping.eventType ?? 'event'
    return { ok: true, events: [{ ...base, type, properties: props }], orderKey: key }
  }
  const carriesOrder = occurred !== null || money.minor !== null || status !== null
  const events: EventDraft[] = []
  if (carriesOrder) events.push({ ...base, type: plan.mapping.eventType ?? 'order', properties: props })
  events.push({ type: 'line_item', key, occurredAt, amountMinor: null, currency: money.currency, properties: lineProps })
  return { ok: true, events, orderKey: key }
}

function readMoney(cells: RowCells, plan: RowPlan): { ok: true; minor: number | null; currency: string | null } | { ok: false; reason: string } {
  const cur = cells.get('currency')?.toUpperCase() ?? plan.mapping.currency ?? null
  const raw = cells.get('amount')
  if (raw === null) return { ok: true, minor: null, currency: cur }
  const n = parseMoney(raw, cur ?? undefined)
  if (!n) return { ok: true, minor: null, currency: cur }
  if (!n.ok) return { ok: false, reason: `unparseable-amount:${cells.column('amount') ?? 'amount'}` }
  return { ok: true, minor: n.value.minor, currency: n.value.currency ?? cur }
}
