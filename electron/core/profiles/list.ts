import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { CdpError } from '../../../shared/api/errors'
import type { ProfileSummary, Workspace } from '../db'
import { ruleWhere } from '../segments/evaluate'
import { getSegment } from '../segments/saved'
import { searchProfiles } from './search'

/**
 * A page of profiles for a virtualised table: filters (search text, saved segment, source) and a sort
 * on an indexed column, with limit/offset walking that index (no sort of the whole table per page).
 */
export const profileSorts = {
  id: 's.profile_id',
  name: 's.display_name',
  last_order: 's.last_order_at',
  orders: 's.order_count',
  spend: 's.spend_minor',
} as const
export type ProfileSort = keyof typeof profileSorts

export interface ListProfilesOptions {
  /** Search text: the page then holds at most the best 500 search matches. */
  search?: string
  /** A saved segment's name. */
  segment?: string
  /** A source's name: profiles with at least one record or event from it. */
  source?: string
  sort?: ProfileSort
  descending?: boolean
  limit?: number
  offset?: number
}

export interface ProfilePage { total: number; rows: ProfileSummary[] }

const SEARCH_CAP = 500

/** One page plus the total matching. Throws NotFound for an unknown segment or source. */
export function listProfiles(ws: Workspace, opts: ListProfilesOptions = {}): ProfilePage {
  const where: RawBuilder<SqlBool>[] = []
  if (opts.search !== undefined && opts.search.trim() !== '') {
    const ids = searchProfiles(ws, opts.search, SEARCH_CAP).map((h) => h.profileId)
    where.push(sql<SqlBool>`s.profile_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
  }
  if (opts.segment !== undefined) where.push(ruleWhere(ws, getSegment(ws, opts.segment).rule))
  if (opts.source !== undefined) {
    const id = ws.sqlite.prepare('SELECT id FROM sources WHERE name = ?').pluck().get(opts.source) as number | undefined
    if (id === undefined) throw new CdpError('NotFound', `No source named "${opts.source}".`)
    where.push(sql<SqlBool>`s.profile_id IN (SELECT profile_id FROM profile_sources WHERE source_id = ${id})`)
  }
  const filter = where.length === 0 ? sql`1` : sql.join(where, sql` AND `)
  const column = sql.raw(profileSorts[opts.sort ?? 'id'])
  const dir = sql.raw(opts.descending ? 'DESC' : 'ASC')
  const limit = Math.max(1, Math.min(10_000, Math.floor(opts.limit ?? 100)))
  const offset = Math.max(0, Math.floor(opts.offset ?? 0))
  const page = sql`SELECT s.* FROM profile_summary s WHERE ${filter} ORDER BY ${column} ${dir}, s.profile_id ${dir} LIMIT ${limit} OFFSET ${offset}`.compile(ws.db)
  const count = sql`SELECT count(*) FROM profile_summary s WHERE ${filter}`.compile(ws.db)
  return {
    total: ws.sqlite.prepare(count.sql).pluck().get(...count.parameters) as number,
    rows: ws.sqlite.prepare(page.sql).all(...page.parameters) as ProfileSummary[],
  }
}

/** Every summary row in id order, in pages, for exports of the whole table (`cdp profiles`). */
export function* allProfiles(ws: Workspace, pageSize = 5000): Generator<ProfileSummary> {
  let after = 0
  const stmt = ws.sqlite.prepare('SELECT * FROM profile_summary WHERE profile_id > ? ORDER BY profile_id LIMIT ?')
  for (;;) {
    const rows = stmt.all(after, pageSize) as ProfileSummary[]
    if (rows.length === 0) return
    yield* rows
    after = rows[rows.length - 1]!.profile_id
  }
}
