import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'
import { segmentFactColumns } from '../db/migrations/0008-segment-facts'
import { computeCustomTraits, listCustomTraits } from './custom-traits'
import { deriveBatch } from './derive'
import { loadBatch } from './load'
import { updatePlannerStats } from './planner-stats'
import { updateRfmBreakpoints } from './rfm'
import { getSurvivorshipRules } from './survivorship'

/**
 * Keeping derived profile data current, incrementally: only the profiles a change touched are rebuilt.
 * A stored watermark (highest membership change, event and consent ids, latest record update seen)
 * finds those profiles after an import, merge or split.
 */

const BATCH = 1000
const WATERMARK_KEY = 'profiles.watermark'
const CURRENCY_KEY = 'profiles.reportingCurrency'

interface Watermark { membership: number; event: number; consent: number; recordUpdatedAt: string }
const emptyWatermark: Watermark = { membership: 0, event: 0, consent: 0, recordUpdatedAt: '' }

export interface RefreshResult { refreshed: number; removed: number }

/**
 * For long refreshes (every profile after a survivorship change, or after a large import): `onProgress`
 * after each batch of profiles, and `signal`, checked between batches. A cancel throws
 * CdpError('Cancelled') and, the refresh being one transaction, leaves the derived data as it was.
 */
export interface RefreshOptions {
  onProgress?(done: number, total: number): void
  signal?: { readonly aborted: boolean }
}

/**
 * Rebuilds golden values, summary, source presence, custom traits and the search row of each given
 * profile. Profiles that are merged, erased, gone or empty lose their derived data. Runs in one
 * transaction (safe to call inside the caller's). Then refreshes the RFM breakpoints and, after large
 * changes, the planner statistics segment counts rely on.
 */
export function refreshProfiles(ws: Workspace, profileIds: Iterable<number>, opts: RefreshOptions = {}): RefreshResult {
  const ids = [...new Set(profileIds)].sort((a, b) => a - b)
  const result: RefreshResult = { refreshed: 0, removed: 0 }
  if (ids.length === 0) return result
  ws.sqlite.transaction(() => {
    const rules = getSurvivorshipRules(ws)
    const hadCurrency = ws.sqlite.prepare('SELECT 1 FROM settings WHERE key = ?').get(CURRENCY_KEY) !== undefined
    const currency = reportingCurrency(ws)
    // The first orders ever fix the reporting currency: profiles refreshed before them hold 0 for it.
    if (!hadCurrency && currency !== null) {
      ws.sqlite.prepare('UPDATE profile_summary SET spend_minor = coalesce(json_extract(spend, ?), 0)').run(`$."${currency}".total`)
      ws.sqlite.prepare('UPDATE profile_facts SET spend_minor = (SELECT s.spend_minor FROM profile_summary s WHERE s.profile_id = profile_facts.profile_id)').run()
    }
    const traits = listCustomTraits(ws)
    const now = new Date()
    for (let i = 0; i < ids.length; i += BATCH) {
      if (opts.signal?.aborted) throw new CdpError('Cancelled', 'Profile refresh cancelled: the profiles are as they were before it.')
      const batch = ids.slice(i, i + BATCH)
      deleteDerived(ws, batch)
      const active = new Set(ws.sqlite.prepare("SELECT id FROM profiles WHERE status = 'active' AND id IN (SELECT value FROM json_each(?))")
        .pluck().all(JSON.stringify(batch)) as number[])
      const live = batch.filter((id) => active.has(id))
      const derived = deriveBatch(loadBatch(ws, live), rules, currency, now.toISOString())
      writeDerived(ws, derived)
      ws.sqlite.prepare(`INSERT INTO profile_events (type, occurred_at, profile_id, event_id, amount_minor, currency, source_key, properties)
        SELECT e.type, coalesce(e.occurred_at, ''), r.profile_id, e.id, e.amount_minor, e.currency, e.source_key, jsonb(e.properties)
        FROM records r JOIN events e ON e.record_id = r.id WHERE r.profile_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify([...derived.keys()]))
      computeCustomTraits(ws, [...derived.keys()], traits, now)
      result.refreshed += derived.size
      result.removed += batch.length - derived.size
      opts.onProgress?.(i + batch.length, ids.length)
    }
    updateRfmBreakpoints(ws)
    updatePlannerStats(ws, ids.length)
  })()
  return result
}

/** Rebuilds every active profile (after a survivorship change, or to build a workspace's derived data). */
export function refreshAllProfiles(ws: Workspace, opts: RefreshOptions = {}): RefreshResult {
  return ws.sqlite.transaction(() => {
    const mark = currentWatermark(ws)
    const stale = ws.sqlite.prepare('SELECT profile_id FROM profile_summary').pluck().all() as number[]
    const active = ws.sqlite.prepare("SELECT id FROM profiles WHERE status = 'active'").pluck().all() as number[]
    const r = refreshProfiles(ws, [...stale, ...active], opts)
    saveWatermark(ws, mark)
    return r
  })()
}

/**
 * Finds the profiles touched since the last refresh (membership changes, new events and consents,
 * updated records) and rebuilds exactly those. Deletions (forgetting a record or event) leave no trace
 * here: the code that deletes calls refreshProfiles / removeProfileDerivedData itself.
 */
export function refreshDirtyProfiles(ws: Workspace, opts: RefreshOptions = {}): RefreshResult & { profileIds: number[] } {
  return ws.sqlite.transaction(() => {
    const since = loadWatermark(ws)
    const mark = currentWatermark(ws)
    const dirty = ws.sqlite.prepare(`
      SELECT from_profile FROM membership_history WHERE id > @m AND from_profile IS NOT NULL
      UNION SELECT to_profile FROM membership_history WHERE id > @m
      UNION SELECT r.profile_id FROM events e JOIN records r ON r.id = e.record_id WHERE e.id > @e
      UNION SELECT r.profile_id FROM consents c JOIN records r ON r.id = c.record_id WHERE c.id > @c
      UNION SELECT profile_id FROM records WHERE updated_at > @u`).pluck()
      .all({ m: since.membership, e: since.event, c: since.consent, u: since.recordUpdatedAt }) as number[]
    const r = refreshProfiles(ws, dirty, opts)
    saveWatermark(ws, mark)
    return { ...r, profileIds: dirty.sort((a, b) => a - b) }
  })()
}

/**
 * Deletes everything derived for a profile: golden values, summary, source presence, custom trait
 * values, its event index rows and its search row. For erasure: call it in the same transaction that deletes the records.
 */
export function removeProfileDerivedData(ws: Workspace, profileId: number): void {
  deleteDerived(ws, [profileId])
}

function deleteDerived(ws: Workspace, ids: readonly number[]): void {
  const json = JSON.stringify(ids)
  for (const table of ['golden_values', 'profile_summary', 'profile_facts', 'profile_sources', 'profile_traits', 'profile_events']) {
    ws.sqlite.prepare(`DELETE FROM ${table} WHERE profile_id IN (SELECT value FROM json_each(?))`).run(json)
  }
  const search = ws.sqlite.prepare('DELETE FROM profile_search WHERE rowid = ?')
  for (const id of ids) search.run(id)
}

function writeDerived(ws: Workspace, derived: ReturnType<typeof deriveBatch>): void {
  const db = ws.sqlite
  const golden = db.prepare(`INSERT INTO golden_values (profile_id, attribute, value, record_id, raw_row_id, source_id, import_id, rule, observed_at)
    VALUES (@profile_id, @attribute, @value, @record_id, @raw_row_id, @source_id, @import_id, @rule, @observed_at)`)
  const summary = db.prepare(`INSERT INTO profile_summary VALUES (@profile_id, @display_name, @first_name, @last_name, @email, @phone,
    @company, @street, @city, @region, @postcode, @country, @birth_date, @gender, @record_count, @order_count, @spend_minor, @spend,
    @first_order_at, @last_order_at, @last_seen_at, @sources, @tags, @consent_email, @consent_sms, @consent_ads, @consent, @refreshed_at)`)
  const facts = db.prepare(`INSERT INTO profile_facts (${segmentFactColumns.join(', ')}) VALUES (${segmentFactColumns.map((c) => `@${c}`).join(', ')})`)
  const source = db.prepare('INSERT INTO profile_sources (source_id, profile_id) VALUES (?, ?)')
  const search = db.prepare('INSERT INTO profile_search (rowid, name, email, phone, company) VALUES (?, ?, ?, ?, ?)')
  for (const [id, d] of derived) {
    for (const g of d.golden) golden.run(g)
    summary.run(d.summary)
    facts.run(pick(d.summary, segmentFactColumns))
    for (const s of d.sources) source.run(s, id)
    search.run(id, d.search.name, d.search.email, d.search.phone, d.search.company)
  }
}

/** The named properties of a row (better-sqlite3 rejects named parameters a statement does not use). */
function pick<K extends string>(row: Record<K, unknown>, keys: readonly K[]): Record<K, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Record<K, unknown>
}

function currentWatermark(ws: Workspace): Watermark {
  const max = (sql: string): unknown => ws.sqlite.prepare(sql).pluck().get()
  return {
    membership: Number(max('SELECT coalesce(max(id), 0) FROM membership_history')),
    event: Number(max('SELECT coalesce(max(id), 0) FROM events')),
    consent: Number(max('SELECT coalesce(max(id), 0) FROM consents')),
    recordUpdatedAt: String(max("SELECT coalesce(max(updated_at), '') FROM records")),
  }
}

function loadWatermark(ws: Workspace): Watermark {
  const raw = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(WATERMARK_KEY) as string | undefined
  return raw === undefined ? emptyWatermark : { ...emptyWatermark, ...(JSON.parse(raw) as Partial<Watermark>) }
}

function saveWatermark(ws: Workspace, mark: Watermark): void {
  ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(WATERMARK_KEY, JSON.stringify(mark))
}

/**
 * The currency whose order totals feed spend_minor and the monetary score: the stored setting, else the
 * most common order currency, remembered from then on so scores do not shift under the analyst.
 */
export function reportingCurrency(ws: Workspace): string | null {
  const raw = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(CURRENCY_KEY) as string | undefined
  if (raw !== undefined) return JSON.parse(raw) as string
  const top = ws.sqlite.prepare(`SELECT currency FROM events WHERE type = 'order' AND currency IS NOT NULL
    GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1`).pluck().get() as string | undefined
  if (top === undefined) return null
  ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(CURRENCY_KEY, JSON.stringify(top))
  return top
}
