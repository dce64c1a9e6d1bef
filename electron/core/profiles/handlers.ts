import type { profileChannels, ProfileRow } from '../../../shared/api/channels/profiles'
import type { HandlerMap } from '../../../shared/api/contract'
import type { ProfileSummary, Workspace } from '../db'
import { removeRecord, splitProfile } from '../identity/review'
import { localActor, type WorkspaceAccess } from '../privacy/actor'
import { maskPii, revealPii, type PiiKind } from '../privacy/masking'
import { listProfiles } from './list'
import { getProfile, type ProfileDetail } from './read'
import { refreshDirtyProfiles } from './refresh'

/** Which golden attributes and identifier kinds are personal contact data, and how they are masked. */
const piiKinds: Record<string, PiiKind> = { email: 'email', email_secondary: 'email', phone: 'phone', phone_secondary: 'phone', street: 'text', street2: 'text', postcode: 'text', birth_date: 'text' }
const piiKind = (name: string): PiiKind | undefined => piiKinds[name]

const parseJson = <T>(text: string | null | undefined, fallback: T): T => {
  if (!text) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}
const list = (text: string): unknown[] => (text.startsWith('[') ? parseJson<unknown[]>(text, []) : text.split(/[;,]/).map((s) => s.trim()).filter(Boolean))

/** Source ids → names, read once per page. */
function sourceNames(ws: Workspace): Map<number, string> {
  const rows = ws.sqlite.prepare('SELECT id, name FROM sources').all() as Array<{ id: number; name: string }>
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** A summary row as the table shows it: contact details masked, sources by name. */
export function profileRowView(s: ProfileSummary, names: ReadonlyMap<number, string>): ProfileRow {
  return {
    id: s.profile_id,
    displayName: s.display_name,
    email: maskPii(s.email, 'email'),
    phone: maskPii(s.phone, 'phone'),
    company: s.company,
    city: s.city,
    country: s.country,
    recordCount: s.record_count,
    orderCount: s.order_count,
    spendMinor: s.spend_minor,
    spend: parseJson<Record<string, number>>(s.spend, {}),
    lastOrderAt: s.last_order_at,
    lastSeenAt: s.last_seen_at,
    sources: list(s.sources).map((id) => (typeof id === 'number' ? (names.get(id) ?? `source ${id}`) : String(id))),
    tags: list(s.tags).map(String),
  }
}

/** The full profile as the detail screen shows it: PII masked, provenance without file paths. */
export function profileDetailView(p: ProfileDetail) {
  const name = p.golden.find((g) => g.attribute === 'display_name' || g.attribute === 'full_name')?.value
  const first = p.golden.find((g) => g.attribute === 'first_name')?.value
  const last = p.golden.find((g) => g.attribute === 'last_name')?.value
  return {
    id: p.id,
    ...(p.requestedId !== undefined ? { requestedId: p.requestedId } : {}),
    displayName: name ?? ([first, last].filter(Boolean).join(' ') || null),
    golden: p.golden.map((g) => {
      const kind = piiKind(g.attribute)
      const { recordId, source, importId, fileName, rowNumber, observedAt } = g.provenance
      return { attribute: g.attribute, value: kind ? (maskPii(g.value, kind) ?? '') : g.value, masked: kind !== undefined, rule: g.rule, provenance: { recordId, source, importId, fileName, rowNumber, observedAt } }
    }),
    identifiers: p.identifiers.map((i) => {
      const kind = piiKind(i.kind)
      return { kind: i.kind, value: kind ? (maskPii(i.value, kind) ?? '') : i.value, masked: kind !== undefined, sources: i.sources, firstSeen: i.firstSeen, lastSeen: i.lastSeen }
    }),
    traits: JSON.parse(JSON.stringify(p.traits)) as Record<string, unknown>,
    records: p.records,
    timeline: p.timeline.map((t) => ({ at: t.at, kind: t.kind, type: t.type, source: t.source, recordId: t.recordId, amountMinor: t.amountMinor ?? null, currency: t.currency ?? null })),
    segments: p.segments.map((s) => ({ id: s.id, name: s.name })),
    history: p.history,
  }
}

/** Unmasked values for one profile, after writing the reveal to the audit log. */
function reveal(ws: Workspace, id: number, why: string | undefined) {
  const p = getProfile(ws, id)
  revealPii(ws.sqlite, { actor: localActor(), profileId: p.id, field: '*', ...(why ? { why } : {}) })
  const rows = ws.sqlite
    .prepare('SELECT r.id AS recordId, rr.data, i.mapping FROM records r JOIN raw_rows rr ON rr.id = r.raw_row_id JOIN imports i ON i.id = rr.import_id WHERE r.profile_id = ? ORDER BY r.id')
    .all(p.id) as Array<{ recordId: number; data: string; mapping: string }>
  return {
    golden: Object.fromEntries(p.golden.map((g) => [g.attribute, g.value])),
    identifiers: p.identifiers.map((i) => ({ kind: i.kind, value: i.value })),
    rawRows: rows.map((r) => {
      const cells = parseJson<unknown[]>(r.data, []).map((c) => (typeof c === 'string' ? c : c === null || c === undefined ? '' : JSON.stringify(c)))
      const mapped = Object.keys(parseJson<{ columns?: Record<string, string> }>(r.mapping, {}).columns ?? {})
      return { recordId: r.recordId, header: mapped.length === cells.length ? mapped : cells.map((_, i) => `column_${i + 1}`), cells }
    }),
  }
}

/** Brings derived profile data up to date; skipped (not failed) when a running job holds the writer. */
function refreshQuietly(ws: Workspace): void {
  try {
    refreshDirtyProfiles(ws)
  } catch {
    // A busy writer (an import job) means the next list refreshes instead.
  }
}

/**
 * `profiles:*` handlers. Lists refresh dirty profiles first (cheap when none are: a watermark check), so a
 * finished import or resolve shows without a separate step. Unmerge actions record the OS user as actor.
 */
export function profileHandlers(access: WorkspaceAccess): HandlerMap<keyof typeof profileChannels> {
  return {
    'profiles:list': async ({ search, segment, source, sort, descending, offset, limit }) => {
      const ws = access.workspace()
      if (offset === 0) refreshQuietly(ws)
      const page = listProfiles(ws, { ...(search ? { search } : {}), ...(segment ? { segment } : {}), ...(source ? { source } : {}), sort, descending, offset, limit })
      const names = sourceNames(ws)
      return { total: page.total, rows: page.rows.map((r) => profileRowView(r, names)) }
    },
    'profiles:sources': async () =>
      access.workspace().sqlite.prepare('SELECT s.name, count(r.id) AS records FROM sources s LEFT JOIN records r ON r.source_id = s.id GROUP BY s.id ORDER BY s.name').all() as Array<{ name: string; records: number }>,
    'profiles:get': async ({ id }) => profileDetailView(getProfile(access.workspace(), id)),
    'profiles:reveal': async ({ id, why }) => reveal(access.workspace(), id, why),
    'profiles:remove-record': async ({ recordId, reason }) => {
      const ws = access.workspace()
      const r = removeRecord(ws, recordId, { actor: localActor(), reason: reason ?? null })
      refreshQuietly(ws)
      access.changed('profiles')
      return { profiles: [r.profileId, ...r.newProfiles] }
    },
    'profiles:split': async ({ id, records, reason }) => {
      const ws = access.workspace()
      const r = splitProfile(ws, id, [records], { actor: localActor(), reason: reason ?? null })
      refreshQuietly(ws)
      access.changed('profiles')
      return { profiles: [r.profileId, ...r.newProfiles] }
    },
  }
}
