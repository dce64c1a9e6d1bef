import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { CdpError } from '../../../shared/api/errors'
import {
  formatPath, type Comparison, type Condition, type EventCondition, type RuleNode, type SegmentRule, type ValueKind,
  builtinTraits, goldenAttributes, parseSegmentRule, traitKind,
} from '../../../shared/domain/segment-rule'
import type { Workspace } from '../db'
import { allOf, propertyFilterSql, windowStart, windowStartSeconds } from '../profiles/event-filter-sql'
import { reportingCurrency } from '../profiles/refresh'
import { getRfmBreakpoints, rfmScoreSql, type RfmBreakpoints } from '../profiles/rfm'

/**
 * Compiles a rule to one boolean SQL expression over `profile_facts s` (one narrow row per active profile).
 * Values are always bound parameters; identifiers come only from fixed maps in shared/domain. Event
 * conditions become `s.profile_id [NOT] IN (…)` subqueries: one range scan of profile_events by type and time.
 */
export interface CompileContext {
  ws: Workspace
  now: Date
  rfm: RfmBreakpoints
  currency: string | null
  /** Names of saved segments being compiled, innermost last: a repeat is a cycle. */
  stack: string[]
  /** Inside a NOT: comparisons must then turn NULL into false (see `safe`). */
  negated: boolean
  /**
   * Only profiles with ids in [lo, hi] are being counted (one share of a parallel count, parallel-count.ts):
   * event subqueries then walk only that id range of their index.
   */
  range?: ProfileRange
  /** Filled in while compiling: the event types whose per-profile counts walk the events index. */
  perProfileTypes: Set<string>
}

/** An inclusive range of profile ids. */
export interface ProfileRange { lo: number; hi: number }

export function compileContext(ws: Workspace, now = new Date(), range?: ProfileRange): CompileContext {
  return {
    ws, now, rfm: getRfmBreakpoints(ws), currency: reportingCurrency(ws), stack: [], negated: false, perProfileTypes: new Set(),
    ...(range ? { range } : {}),
  }
}

/** Compiles a parsed rule. Throws CdpError('InvalidInput') naming the node for unknown traits, sources, segments or cycles. */
export function compileRule(ctx: CompileContext, rule: SegmentRule): RawBuilder<SqlBool> {
  return compileNode(ctx, rule, [])
}

const FALSE = sql<SqlBool>`0`

function fail(path: (string | number)[], message: string): never {
  throw new CdpError('InvalidInput', `Invalid rule at ${formatPath(path)}: ${message}`)
}

function compileNode(ctx: CompileContext, node: RuleNode, path: (string | number)[]): RawBuilder<SqlBool> {
  if (node.kind !== 'group') return compileCondition(ctx, node, path)
  const inner = node.op === 'none' && !ctx.negated ? { ...ctx, negated: true } : ctx
  const parts = node.children.map((c, i) => compileNode(inner, c, [...path, 'children', i]))
  if (node.op === 'all') return allOf(parts)
  const any = parts.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`
  return node.op === 'any' ? any : sql<SqlBool>`(NOT ${any})`
}

function compileCondition(ctx: CompileContext, node: Condition, path: (string | number)[]): RawBuilder<SqlBool> {
  switch (node.kind) {
    case 'attribute':
      return safe(ctx, compare(sql.ref(`s.${node.attribute}`), goldenAttributes[node.attribute], node.test, ctx.now))
    case 'trait': {
      const kind = traitKind(node.trait) ?? fail([...path, 'trait'], `unknown trait "${node.trait}"`)
      return safe(ctx, compare(traitSql(ctx, node.trait, [...path, 'trait']), kind, node.test, ctx.now))
    }
    case 'tag': {
      // Most profiles have no tags ('[]'): testing that first skips a json_each per row for them.
      const has = sql<SqlBool>`(s.tags != '[]' AND EXISTS (SELECT 1 FROM json_each(s.tags) t WHERE lower(t.value) IN (SELECT lower(value) FROM json_each(${JSON.stringify(node.tags)}))))`
      return node.has ? has : sql<SqlBool>`(NOT ${has})`
    }
    case 'event':
      return eventSql(ctx, node)
    case 'consent': {
      const column = sql.ref(`s.consent_${node.channel}`)
      return node.value === 'unknown' ? sql<SqlBool>`(${column} IS NULL OR ${column} = 'unknown')` : sql<SqlBool>`coalesce(${column} = ${node.value}, 0)`
    }
    case 'source': {
      const id = ctx.ws.sqlite.prepare('SELECT id FROM sources WHERE name = ?').pluck().get(node.source) as number | undefined
      if (id === undefined) fail([...path, 'source'], `no source named "${node.source}"`)
      const present = sql<SqlBool>`s.profile_id IN (SELECT ps.profile_id FROM profile_sources ps WHERE ps.source_id = ${id})`
      return node.present ? present : sql<SqlBool>`(NOT ${present})`
    }
    case 'segment':
      return segmentSql(ctx, node.segment, node.member, [...path, 'segment'])
  }
}

/**
 * A comparison with a missing value is NULL. Outside any NOT that already acts as false in WHERE, and
 * leaving the bare comparison lets SQLite use an index; under a NOT it must become false explicitly.
 */
const safe = (ctx: CompileContext, e: RawBuilder<SqlBool>): RawBuilder<SqlBool> => (ctx.negated ? sql<SqlBool>`coalesce(${e}, 0)` : e)

function traitSql(ctx: CompileContext, trait: string, path: (string | number)[]): RawBuilder<unknown> {
  if (trait.startsWith('custom:')) {
    const name = trait.slice('custom:'.length)
    const id = ctx.ws.sqlite.prepare('SELECT id FROM custom_traits WHERE name = ?').pluck().get(name) as number | undefined
    if (id === undefined) fail(path, `no custom trait named "${name}"`)
    return sql`(SELECT t.num_value FROM profile_traits t WHERE t.trait_id = ${id} AND t.profile_id = s.profile_id)`
  }
  const t = trait as keyof typeof builtinTraits
  switch (t) {
    case 'order_count': case 'spend_minor': case 'record_count': case 'first_order_at': case 'last_order_at': case 'last_seen_at':
      return sql.ref(`s.${t}`)
    case 'average_order_minor':
      // Per-currency spend is display JSON kept only in profile_summary (not in the narrow profile_facts).
      return sql`(SELECT json_extract(ps.spend, ${`$."${ctx.currency ?? 'XXX'}".average`}) FROM profile_summary ps WHERE ps.profile_id = s.profile_id)`
    case 'days_since_last_order':
      return sql`(julianday(${ctx.now.toISOString()}) - julianday(s.last_order_at))`
    case 'rfm_recency':
      return rfmScoreSql(ctx.rfm, 'recency')
    case 'rfm_frequency':
      return rfmScoreSql(ctx.rfm, 'frequency')
    case 'rfm_monetary':
      return rfmScoreSql(ctx.rfm, 'monetary')
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const likeEscape = (v: string): string => v.replace(/[\\%_]/g, (c) => `\\${c}`)

function compare(e: RawBuilder<unknown>, kind: ValueKind, test: Comparison, now: Date): RawBuilder<SqlBool> {
  // A date-only bound compares the day part, so "after 2025-01-31" excludes the whole of that day.
  const day = sql`substr(${e}, 1, 10)`
  const num = (v: string): number => Number(v)
  switch (test.op) {
    case 'equals':
      return kind === 'number' ? sql<SqlBool>`${e} = ${num(test.value)}` : sql<SqlBool>`${e} = ${test.value} COLLATE NOCASE`
    case 'not_equals':
      return kind === 'number' ? sql<SqlBool>`(${e} IS NULL OR ${e} != ${num(test.value)})` : sql<SqlBool>`(${e} IS NULL OR ${e} != ${test.value} COLLATE NOCASE)`
    // LIKE is case-insensitive for ASCII (as lower() is without ICU) and cheaper per row than instr(lower()).
    case 'contains':
      return sql<SqlBool>`${e} LIKE ${`%${likeEscape(test.value)}%`} ESCAPE '\\'`
    case 'starts_with':
      return sql<SqlBool>`${e} LIKE ${`${likeEscape(test.value)}%`} ESCAPE '\\'`
    case 'in':
    case 'not_in': {
      const inList = kind === 'number' ? sql<SqlBool>`${e} IN (SELECT value FROM json_each(${JSON.stringify(test.values.map(num))}))` : textIn(e, test.values)
      return test.op === 'in' ? inList : sql<SqlBool>`(${e} IS NULL OR NOT ${inList})`
    }
    case 'is_empty':
      return sql<SqlBool>`(${e} IS NULL OR ${e} = '')`
    case 'is_not_empty':
      return sql<SqlBool>`(${e} IS NOT NULL AND ${e} != '')`
    case 'gt': return sql<SqlBool>`${e} > ${test.value}`
    case 'gte': return sql<SqlBool>`${e} >= ${test.value}`
    case 'lt': return sql<SqlBool>`${e} < ${test.value}`
    case 'lte': return sql<SqlBool>`${e} <= ${test.value}`
    case 'between': return sql<SqlBool>`${e} BETWEEN ${test.min} AND ${test.max}`
    case 'before': return DATE_ONLY.test(test.date) ? sql<SqlBool>`${day} < ${test.date}` : sql<SqlBool>`${e} < ${test.date}`
    case 'after': return DATE_ONLY.test(test.date) ? sql<SqlBool>`${day} > ${test.date}` : sql<SqlBool>`${e} > ${test.date}`
    case 'between_dates': return sql<SqlBool>`${day} BETWEEN ${test.from.slice(0, 10)} AND ${test.to.slice(0, 10)}`
    case 'in_last': return sql<SqlBool>`${e} >= ${windowStart({ last: test.last, unit: test.unit }, now)}`
    case 'not_in_last': return sql<SqlBool>`(${e} IS NULL OR ${e} < ${windowStart({ last: test.last, unit: test.unit }, now)})`
  }
}

/** Lists up to this long are bound one parameter per value; longer ones as one JSON array (SQLite caps parameters). */
const BOUND_LIST_MAX = 100

/**
 * Case-insensitive text membership. A short list is bound value by value under NOCASE, clearly
 * cheap per scanned row as lower() against a json_each list (17 -> 10 ms over 100k profiles); both fold
 * ASCII only, so answers are the same.
 */
function textIn(e: RawBuilder<unknown>, values: readonly string[]): RawBuilder<SqlBool> {
  if (values.length <= BOUND_LIST_MAX) return sql<SqlBool>`${e} COLLATE NOCASE IN (${sql.join(values.map((v) => sql`${v}`))})`
  return sql<SqlBool>`lower(${e}) IN (SELECT lower(value) FROM json_each(${JSON.stringify(values)}))`
}

function eventSql(ctx: CompileContext, node: EventCondition): RawBuilder<SqlBool> {
  const perProfile = node.atLeast > 1
  if (perProfile) ctx.perProfileTypes.add(node.type)
  const where: RawBuilder<SqlBool>[] = [sql<SqlBool>`e.type = ${node.type}`]
  if (ctx.range) where.push(sql<SqlBool>`e.profile_id BETWEEN ${ctx.range.lo} AND ${ctx.range.hi}`)
  if (node.window && 'last' in node.window) {
    // Counting per profile walks every event of the type (see below), so its time test runs on each of them:
    // the index keeps the time as Unix seconds, an integer compare (migration 0014). A plain "did" is a
    // range of the primary key, which orders by the ISO text.
    where.push(perProfile
      ? sql<SqlBool>`unixepoch(e.occurred_at) >= ${windowStartSeconds(node.window, ctx.now)}`
      : sql<SqlBool>`e.occurred_at >= ${windowStart(node.window, ctx.now)}`)
  }
  if (node.window && 'from' in node.window) {
    // A date-only upper bound includes that whole day.
    const to = DATE_ONLY.test(node.window.to) ? `${node.window.to}T99` : node.window.to
    where.push(sql<SqlBool>`e.occurred_at >= ${node.window.from} AND e.occurred_at <= ${to}`)
  }
  where.push(...node.where.map(propertyFilterSql))
  // profile_events has the columns property filters read (amount_minor, currency, source_key, properties as JSONB).
  // Counting per profile walks the type's events in profile order (migration 0011), so nothing is sorted; the
  // planner, which cannot know how much of the type the window holds, would range-scan by time and sort.
  const members = perProfile
    ? sql`(SELECT e.profile_id FROM profile_events e INDEXED BY profile_events_by_type_profile_time WHERE ${allOf(where)}
        GROUP BY e.profile_id HAVING count(*) >= ${node.atLeast})`
    : sql`(SELECT e.profile_id FROM profile_events e WHERE ${allOf(where)})`
  return node.did ? sql<SqlBool>`s.profile_id IN ${members}` : sql<SqlBool>`s.profile_id NOT IN ${members}`
}

function segmentSql(ctx: CompileContext, name: string, member: boolean, path: (string | number)[]): RawBuilder<SqlBool> {
  if (ctx.stack.includes(name)) fail(path, `segments refer to each other in a cycle (${[...ctx.stack, name].join(' → ')})`)
  const raw = ctx.ws.sqlite.prepare(`SELECT v.rule FROM segments s JOIN segment_versions v ON v.segment_id = s.id
    WHERE s.name = ? ORDER BY v.version DESC LIMIT 1`).pluck().get(name) as string | undefined
  if (raw === undefined) fail(path, `no saved segment named "${name}"`)
  const parsed = parseSegmentRule(JSON.parse(raw))
  if (!parsed.ok) fail(path, `saved segment "${name}" has an invalid rule`)
  ctx.stack.push(name)
  try {
    const inner = compileNode(member || ctx.negated ? ctx : { ...ctx, negated: true }, parsed.rule, [])
    return member ? sql<SqlBool>`(${inner})` : sql<SqlBool>`(NOT (${inner}))`
  } finally {
    ctx.stack.pop()
  }
}
