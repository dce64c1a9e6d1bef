import { z } from 'zod'
import { CdpError } from '../../../../shared/api/errors'
import { eventFields, personFields, type FieldTarget } from '../../../../shared/domain/fields'
import type { Mapping } from '../types'

const canonical = new Set<string>([...personFields, ...eventFields, 'ignore'])

const fieldTarget = z.string().refine(
  (t) => canonical.has(t) || /^attribute:[\p{L}\p{N}_ .-]{1,64}$/u.test(t),
  { message: 'not a known field, "ignore", or "attribute:<name>"' },
).transform((t) => t as FieldTarget)

const dateOrder = z.enum(['YMD', 'DMY', 'MDY'])

/** The JSON shape of a saved or hand-written mapping (`cdp import --mapping FILE`). */
export const mappingSchema = z.object({
  kind: z.enum(['person', 'event']),
  eventType: z.string().min(1).max(40).optional(),
  system: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _').optional(),
  columns: z.record(z.string(), fieldTarget),
  currency: z.string().regex(/^[A-Za-z]{3}$/).transform((c) => c.toUpperCase()).optional(),
  dateOrders: z.record(z.string(), dateOrder).optional(),
  quirks: z.array(z.string()).optional(),
}).strict()

/**
 * Validates a mapping from outside (a file, the UI, a saved source). Throws CdpError('InvalidInput') with
 * the first problem and where it is, so the analyst can fix the file.
 */
export function parseMapping(value: unknown, where = 'mapping'): Mapping {
  const parsed = mappingSchema.safeParse(value)
  if (parsed.success) {
    const m = parsed.data
    const out: Mapping = { kind: m.kind, columns: m.columns }
    if (m.eventType !== undefined) out.eventType = m.eventType
    if (m.system !== undefined) out.system = m.system
    if (m.currency !== undefined) out.currency = m.currency
    if (m.dateOrders !== undefined) out.dateOrders = m.dateOrders
    if (m.quirks !== undefined) out.quirks = m.quirks
    return out
  }
  const issue = parsed.error.issues[0]
  const path = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
  throw new CdpError('InvalidInput', `Invalid ${where}${path}: ${issue?.message ?? 'unknown problem'}.`)
}
