import type { ReadRow } from '../types'
import { eventDraft, type EventDraft } from './event-draft'
import { hasIdentity, hasPersonKey, personDraft, type PersonDraft } from './person-draft'
import { RowCells, type RowPlan } from './row-plan'

/** What one row becomes before it is written. Pure: no database, so it can run in a worker. */
export type RowResult =
  | { rowNumber: number; outcome: 'quarantined'; reason: string }
  | { rowNumber: number; outcome: 'record'; person: PersonDraft }
  | { rowNumber: number; outcome: 'event'; person: PersonDraft; events: EventDraft[]; orderKey: string | null; hasKey: boolean }

/**
 * Classifies and normalises one row. Quarantine reasons: the reader's own (wrong column count, NUL
 * bytes…), `empty-row`, `no-identity` (a person row with no id, email, phone or name),
 * `unparseable-date:<column>` and `unparseable-amount:<column>` (events). Events without person keys are
 * decided by the writer, which knows the order they belong to.
 */
export function transformRow(plan: RowPlan, row: ReadRow): RowResult {
  const rowNumber = row.rowNumber
  if (row.error) return { rowNumber, outcome: 'quarantined', reason: row.error }
  const cells = new RowCells(plan, row.cells)
  if (cells.isEmpty()) return { rowNumber, outcome: 'quarantined', reason: 'empty-row' }
  const person = personDraft(cells, plan)
  if (plan.mapping.kind === 'person') {
    return hasIdentity(person) ? { rowNumber, outcome: 'record', person } : { rowNumber, outcome: 'quarantined', reason: 'no-identity' }
  }
  const ev = eventDraft(cells, plan)
  if (!ev.ok) return { rowNumber, outcome: 'quarantined', reason: ev.reason }
  return { rowNumber, outcome: 'event', person, events: ev.events, orderKey: ev.orderKey, hasKey: hasPersonKey(person) }
}
