import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { eventColumns, type PropertyFilter, type RelativeWindow } from '../../../shared/domain/segment-rule'

/**
 * SQL fragments over an `events` row aliased `e`, shared by custom traits and segment conditions.
 * Every value is a bound parameter; property names reach SQL only as a bound JSON path, and column
 * names only from the fixed `eventColumns` map.
 */

/** The value a filter or aggregation reads: an event column ($amount, $currency, $source_key) or a property. */
export function eventValueSql(property: string): RawBuilder<unknown> {
  if (property in eventColumns) return sql.ref(`e.${eventColumns[property as keyof typeof eventColumns]}`)
  return sql`json_extract(e.properties, ${jsonPath(property)})`
}

/** A JSON path naming one top-level key, quoted so dots and spaces in a name are literal. */
export function jsonPath(property: string): string {
  return `$."${property.replace(/["\\]/g, '')}"`
}

/** One property filter as a boolean SQL expression. */
export function propertyFilterSql(f: PropertyFilter): RawBuilder<SqlBool> {
  const v = eventValueSql(f.property)
  const value = f.value
  switch (f.op) {
    case 'exists':
      return sql<SqlBool>`${v} IS NOT NULL`
    case 'equals':
      return sql<SqlBool>`${v} = ${scalar(value)}`
    case 'not_equals':
      return sql<SqlBool>`(${v} IS NULL OR ${v} != ${scalar(value)})`
    case 'in':
      return sql<SqlBool>`${v} IN (SELECT value FROM json_each(${JSON.stringify(Array.isArray(value) ? value : [value])}))`
    case 'contains':
      return sql<SqlBool>`instr(lower(${v}), lower(${String(scalar(value))})) > 0`
    case 'gt':
      return sql<SqlBool>`${v} > ${scalar(value)}`
    case 'gte':
      return sql<SqlBool>`${v} >= ${scalar(value)}`
    case 'lt':
      return sql<SqlBool>`${v} < ${scalar(value)}`
    case 'lte':
      return sql<SqlBool>`${v} <= ${scalar(value)}`
  }
}

function scalar(value: PropertyFilter['value']): string | number | null {
  if (value === undefined) return null
  return Array.isArray(value) ? (value[0] ?? null) : value
}

/**
 * The ISO instant `window` before `now` (calendar months and years, UTC), on a whole second, and written
 * as a bare date when it falls at midnight. Times are compared with it as text (stored times are a date,
 * or a UTC date-time with or without milliseconds) and, in event counts, as Unix seconds
 * (windowStartSeconds); this form makes both draw the same line: a date-only event on the first day of a
 * window that starts at midnight is inside it either way.
 */
export function windowStart(window: RelativeWindow, now: Date = new Date()): string {
  const d = new Date(Math.floor(now.getTime() / 1000) * 1000)
  if (window.unit === 'days') d.setUTCDate(d.getUTCDate() - window.last)
  if (window.unit === 'weeks') d.setUTCDate(d.getUTCDate() - 7 * window.last)
  if (window.unit === 'months') d.setUTCMonth(d.getUTCMonth() - window.last)
  if (window.unit === 'years') d.setUTCFullYear(d.getUTCFullYear() - window.last)
  const iso = d.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

/** windowStart as Unix seconds, for tests on `unixepoch(occurred_at)`. */
export function windowStartSeconds(window: RelativeWindow, now: Date = new Date()): number {
  return Date.parse(windowStart(window, now)) / 1000
}

/** ANDs fragments together; an empty list is TRUE. */
export function allOf(parts: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (parts.length === 0) return sql<SqlBool>`1`
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`
}
