import { sql, type RawBuilder } from 'kysely'
import { z } from 'zod'
import { CdpError } from '../../../shared/api/errors'
import { propertyFilter, relativeWindow } from '../../../shared/domain/segment-rule'
import type { Workspace } from '../db'
import { allOf, eventValueSql, propertyFilterSql, windowStart } from './event-filter-sql'

/**
 * Analyst-defined traits: one aggregation over a profile's events of one type, with property filters
 * and an optional relative window. Values are stored per profile (profile_traits) at refresh time.
 * A windowed trait is as fresh as the last refresh: `refreshProfiles` recomputes it for the profiles it
 * touches, and `recomputeCustomTrait` for everyone.
 */
export const customTraitDefinition = z.strictObject({
  aggregation: z.enum(['count', 'sum', 'min', 'max', 'avg', 'first', 'last', 'distinct_count']),
  eventType: z.string().min(1).max(200),
  /** The value aggregated: a property name or $amount / $currency / $source_key. Not used by count. */
  field: z.string().min(1).max(200).optional(),
  where: z.array(propertyFilter).max(20).default([]),
  window: relativeWindow.optional(),
}).refine((d) => d.aggregation === 'count' || d.field !== undefined, { message: 'this aggregation needs a field', path: ['field'] })
export type CustomTraitDefinition = z.infer<typeof customTraitDefinition>

export interface CustomTraitInfo { id: number; name: string; definition: CustomTraitDefinition; createdAt: string; updatedAt: string }

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,99}$/

function parseDefinition(input: unknown): CustomTraitDefinition {
  const r = customTraitDefinition.safeParse(input)
  if (!r.success) {
    const i = r.error.issues[0]
    throw new CdpError('InvalidInput', `Invalid custom trait at ${i?.path.join('.') || '(root)'}: ${i?.message ?? 'invalid'}`)
  }
  return r.data
}

/** Lists the custom traits, by name. */
export function listCustomTraits(ws: Workspace): CustomTraitInfo[] {
  const rows = ws.sqlite.prepare('SELECT id, name, definition, created_at, updated_at FROM custom_traits ORDER BY name').all() as
    { id: number; name: string; definition: string; created_at: string; updated_at: string }[]
  return rows.map((r) => ({ id: r.id, name: r.name, definition: parseDefinition(JSON.parse(r.definition)), createdAt: r.created_at, updatedAt: r.updated_at }))
}

/**
 * Creates a custom trait and computes it for every profile. Throws CdpError InvalidInput (bad name or
 * definition) or Conflict (name taken). Runs in its own transaction.
 */
export function createCustomTrait(ws: Workspace, name: string, definition: unknown): CustomTraitInfo {
  if (!NAME.test(name)) throw new CdpError('InvalidInput', `Invalid trait name "${name}": use letters, digits, _ . - and spaces (at most 100).`)
  const def = parseDefinition(definition)
  const now = new Date().toISOString()
  return ws.sqlite.transaction(() => {
    const taken = ws.sqlite.prepare('SELECT 1 FROM custom_traits WHERE name = ?').get(name)
    if (taken) throw new CdpError('Conflict', `A custom trait named "${name}" already exists.`)
    const id = Number(ws.sqlite.prepare('INSERT INTO custom_traits (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, JSON.stringify(def), now, now).lastInsertRowid)
    recomputeCustomTrait(ws, id)
    return { id, name, definition: def, createdAt: now, updatedAt: now }
  })()
}

/** Replaces a trait's definition and recomputes it. Throws NotFound / InvalidInput. */
export function updateCustomTrait(ws: Workspace, name: string, definition: unknown): CustomTraitInfo {
  const def = parseDefinition(definition)
  const now = new Date().toISOString()
  return ws.sqlite.transaction(() => {
    const row = ws.sqlite.prepare('SELECT id, created_at FROM custom_traits WHERE name = ?').get(name) as { id: number; created_at: string } | undefined
    if (!row) throw new CdpError('NotFound', `No custom trait named "${name}".`)
    ws.sqlite.prepare('UPDATE custom_traits SET definition = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(def), now, row.id)
    recomputeCustomTrait(ws, row.id)
    return { id: row.id, name, definition: def, createdAt: row.created_at, updatedAt: now }
  })()
}

/** Deletes a trait and its values. Throws NotFound. */
export function deleteCustomTrait(ws: Workspace, name: string): void {
  const n = ws.sqlite.prepare('DELETE FROM custom_traits WHERE name = ?').run(name).changes
  if (n === 0) throw new CdpError('NotFound', `No custom trait named "${name}".`)
}

/** Recomputes one trait for every active profile. The caller may wrap it in a transaction. */
export function recomputeCustomTrait(ws: Workspace, traitId: number): void {
  const ids = ws.sqlite.prepare("SELECT id FROM profiles WHERE status = 'active' ORDER BY id").pluck().all() as number[]
  ws.sqlite.prepare('DELETE FROM profile_traits WHERE trait_id = ?').run(traitId)
  const trait = listCustomTraits(ws).filter((t) => t.id === traitId)
  for (let i = 0; i < ids.length; i += 2000) computeCustomTraits(ws, ids.slice(i, i + 2000), trait)
}

/** Computes the given traits for a batch of profiles (their old values must already be deleted). */
export function computeCustomTraits(ws: Workspace, profileIds: readonly number[], traits: readonly CustomTraitInfo[], now = new Date()): void {
  const insert = ws.sqlite.prepare('INSERT INTO profile_traits (profile_id, trait_id, value, num_value) VALUES (?, ?, ?, ?)')
  for (const trait of traits) {
    const q = traitQuery(trait.definition, JSON.stringify(profileIds), now).compile(ws.db)
    const rows = ws.sqlite.prepare(q.sql).all(...q.parameters) as { profile_id: number; value: unknown }[]
    const seen = new Set<number>()
    for (const row of rows) {
      seen.add(row.profile_id)
      const num = typeof row.value === 'number' ? row.value : Number.isFinite(Number(row.value)) && row.value !== null && row.value !== '' ? Number(row.value) : null
      insert.run(row.profile_id, trait.id, JSON.stringify(row.value ?? null), num)
    }
    // A count over no events is 0, not unknown; the other aggregations have no value without events.
    if (trait.definition.aggregation === 'count') for (const id of profileIds) if (!seen.has(id)) insert.run(id, trait.id, '0', 0)
  }
}

function traitQuery(def: CustomTraitDefinition, ids: string, now: Date): RawBuilder<unknown> {
  const field = def.field === undefined ? sql`NULL` : eventValueSql(def.field)
  // +e.type and CROSS JOIN: start from the batch's records, never from every event of the type.
  const conditions = [sql`+e.type = ${def.eventType}`, ...def.where.map(propertyFilterSql)]
  if (def.window) conditions.push(sql`e.occurred_at >= ${windowStart(def.window, now)}`)
  const agg = {
    count: sql`count(*)`, sum: sql`sum(${field})`, min: sql`min(${field})`, max: sql`max(${field})`, avg: sql`avg(${field})`,
    distinct_count: sql`count(DISTINCT ${field})`,
    // SQLite returns the bare column from the row that holds the min/max.
    first: sql`${field}`, last: sql`${field}`,
  }[def.aggregation]
  const pick = def.aggregation === 'first' ? sql`, min(e.occurred_at) AS _at` : def.aggregation === 'last' ? sql`, max(e.occurred_at) AS _at` : sql``
  return sql`SELECT r.profile_id AS profile_id, ${agg} AS value ${pick}
    FROM records r CROSS JOIN events e ON e.record_id = r.id
    WHERE r.profile_id IN (SELECT value FROM json_each(${ids})) AND ${allOf(conditions.map((c) => sql`${c}`))}
    GROUP BY r.profile_id`
}
