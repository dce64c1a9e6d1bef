import type { ProfileSummary, Workspace } from '../db'

/**
 * What an export can say about one profile: its golden values, every email and phone it holds (golden
 * first, then most recently seen), its summary traits, custom traits and the identifiers the suppression
 * check needs. Loaded in batches, by id, from the derived tables (as of the last profile refresh).
 */
export interface ProfileData {
  id: number
  golden: Record<string, string>
  emails: string[]
  phones: string[]
  summary: ProfileSummary | null
  custom: Record<string, unknown>
  /** Every normalised identifier of every record (email, phone, external:*, …), for the suppression check. */
  identifiers: { kind: string; value: string }[]
}

const BATCH = 2000

/** Loads profiles in the order given, `BATCH` at a time, and hands each batch to `fn`. */
export function forEachProfileBatch(ws: Workspace, ids: readonly number[], fn: (batch: ProfileData[]) => void): void {
  for (let i = 0; i < ids.length; i += BATCH) fn(loadProfiles(ws, ids.slice(i, i + BATCH)))
}

/** Loads the given profiles (missing ids yield an empty golden record, never an error). */
export function loadProfiles(ws: Workspace, ids: readonly number[]): ProfileData[] {
  const db = ws.sqlite
  const json = JSON.stringify(ids)
  const byId = new Map<number, ProfileData>(ids.map((id) => [id, { id, golden: {}, emails: [], phones: [], summary: null, custom: {}, identifiers: [] }]))
  const golden = db.prepare('SELECT profile_id, attribute, value FROM golden_values WHERE profile_id IN (SELECT value FROM json_each(?))')
    .all(json) as { profile_id: number; attribute: string; value: string }[]
  for (const g of golden) byId.get(g.profile_id)!.golden[g.attribute] = g.value
  const summaries = db.prepare('SELECT * FROM profile_summary WHERE profile_id IN (SELECT value FROM json_each(?))').all(json) as ProfileSummary[]
  for (const s of summaries) byId.get(s.profile_id)!.summary = s
  const idents = db.prepare(`SELECT r.profile_id, i.kind, i.value, max(coalesce(i.last_seen, r.updated_at)) AS seen
      FROM identifiers i JOIN records r ON r.id = i.record_id
      WHERE r.profile_id IN (SELECT value FROM json_each(?))
      GROUP BY r.profile_id, i.kind, i.value ORDER BY r.profile_id, seen DESC, i.value`).all(json) as { profile_id: number; kind: string; value: string }[]
  for (const i of idents) {
    const p = byId.get(i.profile_id)!
    p.identifiers.push({ kind: i.kind, value: i.value })
    if (i.kind === 'email') p.emails.push(i.value)
    if (i.kind === 'phone') p.phones.push(i.value)
  }
  const custom = db.prepare(`SELECT t.profile_id, c.name, t.value FROM profile_traits t JOIN custom_traits c ON c.id = t.trait_id
      WHERE t.profile_id IN (SELECT value FROM json_each(?))`).all(json) as { profile_id: number; name: string; value: string | null }[]
  for (const c of custom) byId.get(c.profile_id)!.custom[c.name] = c.value === null ? null : (JSON.parse(c.value) as unknown)
  for (const p of byId.values()) {
    p.emails = goldenFirst(p.golden.email, p.emails)
    p.phones = goldenFirst(p.golden.phone, p.phones)
  }
  return ids.map((id) => byId.get(id)!)
}

function goldenFirst(golden: string | undefined, values: string[]): string[] {
  if (golden === undefined) return values
  return [golden, ...values.filter((v) => v !== golden)]
}
