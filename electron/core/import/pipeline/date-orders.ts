import type { FieldTarget } from '../../../../shared/domain/fields'
import { cleanCell, decideDateOrder } from '../normalize'
import type { Mapping } from '../types'
import type { DateOrderDecision } from './report'

const DATE_TARGETS = new Set<FieldTarget>(['birth_date', 'observed_at', 'source_created_at', 'occurred_at'])

/**
 * Decides the day/month order of every date column once per file, from the first rows (a column is
 * read one way throughout: 03/04 must not mean March in one row and April in the next). A mapping's own
 * `dateOrders` win over the data.
 */
export function decideDateOrders(header: readonly string[], mapping: Mapping, sample: readonly string[][]): Record<string, DateOrderDecision> {
  const out: Record<string, DateOrderDecision> = {}
  header.forEach((name, index) => {
    const target = mapping.columns[name] ?? mapping.columns[name.trim()]
    if (!target || !DATE_TARGETS.has(target)) return
    const fixed = mapping.dateOrders?.[name] ?? mapping.dateOrders?.[name.trim()]
    if (fixed) {
      out[name] = { order: fixed, ambiguous: false, evidence: 'set in the mapping', from: 'mapping' }
      return
    }
    const values = sample.map((r) => cleanCell(r[index] ?? '').value).filter((v) => v !== '')
    if (!values.length) return
    const d = decideDateOrder(values)
    out[name] = { order: d.order, ambiguous: d.ambiguous, evidence: d.evidence, from: 'data' }
  })
  return out
}
