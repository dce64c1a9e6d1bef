import { sql, type RawBuilder } from 'kysely'
import type { Workspace } from '../db'

/**
 * Recency / frequency / monetary scores, 1 (bottom fifth) to 5 (top fifth), among profiles with at
 * least one order. Only the four quintile boundaries per measure are stored; a profile's score is
 * computed when read, so it never disagrees with the boundaries after another profile changes.
 */
export interface RfmBreakpoints { recency: string[]; frequency: number[]; monetary: number[] }
export interface RfmScores { recency: number; frequency: number; monetary: number }

const KEY = 'profiles.rfm'
const measures = { recency: 'last_order_at', frequency: 'order_count', monetary: 'spend_minor' } as const

/** Recomputes the boundaries from profile_summary (index walks, not sorts). Caller owns the transaction. */
export function updateRfmBreakpoints(ws: Workspace): RfmBreakpoints {
  const n = ws.sqlite.prepare('SELECT count(*) FROM profile_summary WHERE order_count > 0').pluck().get() as number
  const at = (column: string, k: number): unknown => ws.sqlite.prepare(
    `SELECT ${column} FROM profile_summary WHERE order_count > 0 AND ${column} IS NOT NULL ORDER BY ${column} LIMIT 1 OFFSET ?`,
    // The k-th boundary is the last value of the k-th fifth: values above it score higher.
  ).pluck().get(Math.max(0, Math.floor((n * k) / 5) - 1))
  const cuts = (column: string): unknown[] => (n === 0 ? [] : [1, 2, 3, 4].map((k) => at(column, k)).filter((v) => v !== undefined && v !== null))
  const bp: RfmBreakpoints = {
    recency: cuts(measures.recency) as string[],
    frequency: cuts(measures.frequency) as number[],
    monetary: cuts(measures.monetary) as number[],
  }
  ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(bp))
  return bp
}

/** The stored boundaries (empty before the first refresh). */
export function getRfmBreakpoints(ws: Workspace): RfmBreakpoints {
  const raw = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined
  return raw === undefined ? { recency: [], frequency: [], monetary: [] } : (JSON.parse(raw) as RfmBreakpoints)
}

/** A score: 1 plus the number of boundaries the value lies above. */
export function scoreOf<T extends string | number>(value: T, cuts: readonly T[]): number {
  return 1 + cuts.filter((c) => value > c).length
}

/** Scores of one profile, or null when it has no orders. */
export function rfmScores(bp: RfmBreakpoints, s: { order_count: number; last_order_at: string | null; spend_minor: number }): RfmScores | null {
  if (s.order_count === 0) return null
  return {
    recency: s.last_order_at === null ? 1 : scoreOf(s.last_order_at, bp.recency),
    frequency: scoreOf(s.order_count, bp.frequency),
    monetary: scoreOf(s.spend_minor, bp.monetary),
  }
}

/** The score as SQL over `profile_summary` aliased `s`, boundaries bound as parameters; NULL without orders. */
export function rfmScoreSql(bp: RfmBreakpoints, measure: keyof RfmBreakpoints): RawBuilder<number | null> {
  const column = sql.ref(`s.${measures[measure]}`)
  const cuts: readonly (string | number)[] = bp[measure]
  const terms = cuts.map((c) => sql`(${column} > ${c})`)
  if (terms.length === 0) return sql<number | null>`(CASE WHEN s.order_count > 0 THEN 1 END)`
  return sql<number | null>`(CASE WHEN s.order_count > 0 THEN 1 ${sql.join(terms.map((t) => sql`+ ${t}`), sql` `)} END)`
}
