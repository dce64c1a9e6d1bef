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

/** The ISO instant `window` before `now` (calendar months and years, UTC). */
export function windowStart(window: RelativeWindow, now: Date = new Date()): string {
  const d = new Date(now.getTime())
  if (window.unit === 'days') d.setUTCDate(d.getUTCDate() - window.last)
  if (window.unit === 'weeks') d.setUTCDate(d.getUTCDate() - 7 * window.last)
  if (window.unit === 'months') d.setUTCMonth(d.getUTCMonth() - window.last)
  if (window.unit === 'years') d.setUTCFullYear(d.getUTCFullYear() - window.last)
  return d.toISOString()
}

/** ANDs fragments together; an empty list is TRUE. */
export function allOf(parts: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (parts.length === 0) return sql<SqlBool>`1`
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`
}
