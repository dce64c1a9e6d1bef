import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { CdpError } from '../../../shared/api/errors'
import { parseSegmentRule, type SegmentRule } from '../../../shared/domain/segment-rule'
import type { Workspace } from '../db'
import { compileContext, compileRule } from './compile'

/**
 * Running rules: live count, a sample, the full member list, overlap of two rules. All read
 * profile_facts (the rule columns of profile_summary), so they see the profiles as of the last refresh (the shells refresh dirty profiles
 * before they ask). Synchronous: a count is one statement on the writer connection.
 */

/** Validates an unknown rule; throws CdpError('InvalidInput') listing every problem with its path. */
export function ensureRule(input: unknown): SegmentRule {
  const parsed = parseSegmentRule(input)
  if (parsed.ok) return parsed.rule
  throw new CdpError('InvalidInput', `Invalid segment rule: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, parsed.errors)
}

/** The rule's WHERE expression. Exposed for plans and tests. */
export function ruleWhere(ws: Workspace, rule: unknown, now = new Date()): RawBuilder<SqlBool> {
  return compileRule(compileContext(ws, now), ensureRule(rule))
}

function run<T>(ws: Workspace, query: RawBuilder<unknown>, mode: 'get' | 'all' | 'pluck'): T {
  const q = query.compile(ws.db)
  const stmt = ws.sqlite.prepare(q.sql)
  if (mode === 'get') return stmt.get(...q.parameters) as T
  if (mode === 'pluck') return stmt.pluck().all(...q.parameters) as T
  return stmt.all(...q.parameters) as T
}

/** The SQL and parameters a rule compiles to (for EXPLAIN QUERY PLAN tests and debugging). */
export function compileCount(ws: Workspace, rule: unknown, now = new Date()): { sql: string; parameters: readonly unknown[] } {
  return sql`SELECT count(*) FROM profile_facts s WHERE ${ruleWhere(ws, rule, now)}`.compile(ws.db)
}

/** How many active profiles match. Throws InvalidInput for a bad rule. */
export function countSegment(ws: Workspace, rule: unknown, now = new Date()): number {
  const r = run<{ n: number }>(ws, sql`SELECT count(*) AS n FROM profile_facts s WHERE ${ruleWhere(ws, rule, now)}`, 'get')
  return r.n
}

export interface SampleRow { profileId: number; displayName: string | null; email: string | null; city: string | null; orderCount: number }

/** Up to `limit` matching profiles, lowest ids first (stable as the rule is edited). */
export function sampleSegment(ws: Workspace, rule: unknown, limit = 20, now = new Date()): SampleRow[] {
  const n = Math.max(1, Math.min(1000, Math.floor(limit)))
  return run<SampleRow[]>(ws, sql`SELECT s.profile_id AS profileId, s.display_name AS displayName, s.email, s.city, s.order_count AS orderCount
    FROM profile_facts s WHERE ${ruleWhere(ws, rule, now)} ORDER BY s.profile_id LIMIT ${n}`, 'all')
}

/** Every matching profile id, ascending. */
export function segmentMembers(ws: Workspace, rule: unknown, now = new Date()): number[] {
  return run<number[]>(ws, sql`SELECT s.profile_id FROM profile_facts s WHERE ${ruleWhere(ws, rule, now)} ORDER BY s.profile_id`, 'pluck')
}

export interface Overlap { a: number; b: number; both: number; onlyA: number; onlyB: number }

/** Sizes of A, B, A∩B, A−B and B−A, in one pass (a rule that is NULL for a profile does not match it). */
export function overlapSegments(ws: Workspace, ruleA: unknown, ruleB: unknown, now = new Date()): Overlap {
  const a = ruleWhere(ws, ruleA, now)
  const b = ruleWhere(ws, ruleB, now)
  const r = run<{ both: number | null; onlyA: number | null; onlyB: number | null }>(ws, sql`SELECT sum(ina AND inb) AS both, sum(ina AND NOT inb) AS onlyA,
      sum(inb AND NOT ina) AS onlyB
    FROM (SELECT coalesce(${a}, 0) AS ina, coalesce(${b}, 0) AS inb FROM profile_facts s)`, 'get')
  const both = r.both ?? 0
  const onlyA = r.onlyA ?? 0
  const onlyB = r.onlyB ?? 0
  return { a: both + onlyA, b: both + onlyB, both, onlyA, onlyB }
}
