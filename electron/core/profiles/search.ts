import type { Workspace } from '../db'

/**
 * Search over the names, emails, phones and companies of every record of every profile (not only the
 * golden values: "the old email" still finds the person).
 *
 * Two steps, so a common fragment ("ann") costs the same on a million profiles as on a thousand:
 * 1. prefixes of the golden name, last name, email, phone and company, each an index range scan;
 * 2. if that leaves room, substrings through the trigram FTS5 index, taking the first matches in id
 *    order (no scoring of every match), ranked by which golden value contains the text.
 */
export interface SearchHit {
  profileId: number
  displayName: string | null
  email: string | null
  phone: string | null
  company: string | null
  /** Lower is better: 0 prefix of a name, 1 of an email/phone, 2 of a company; 3–6 substring of those; 7 another record's value. */
  rank: number
}

const MAX_LIMIT = 500
const COLUMNS = 'profile_id AS profileId, display_name AS displayName, email, phone, company'

/** Ranked matches for `text`, best first; empty for blank input. Never throws on odd input (quotes, operators). */
export function searchProfiles(ws: Workspace, text: string, limit = 20): SearchHit[] {
  const n = Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)))
  const query = normalise(text)
  if (query === '') return []
  const hits = new Map<number, SearchHit>()
  for (const h of prefixHits(ws, query, n)) if (!hits.has(h.profileId)) hits.set(h.profileId, h)
  if (hits.size < n) for (const h of substringHits(ws, query, n * 4)) if (!hits.has(h.profileId)) hits.set(h.profileId, h)
  return [...hits.values()].sort((a, b) => a.rank - b.rank || cmp(a.displayName, b.displayName) || a.profileId - b.profileId).slice(0, n)
}

function prefixHits(ws: Workspace, q: string, n: number): SearchHit[] {
  const digits = /^\+?\d+$/.test(q) ? (q.startsWith('+') ? q : `+${q}`) : null
  const range = (expr: string, rank: number, lo: string): SearchHit[] => ws.sqlite.prepare(
    `SELECT ${COLUMNS}, ${rank} AS rank FROM profile_summary WHERE ${expr} >= ? AND ${expr} < ? LIMIT ?`,
  ).all(lo, `${lo}\u{10FFFF}`, n) as SearchHit[]
  return [
    ...range('lower(display_name)', 0, q), ...range('lower(last_name)', 0, q), ...range('email', 1, q),
    ...(digits ? range('phone', 1, digits) : []), ...range('lower(company)', 2, q),
  ]
}

function substringHits(ws: Workspace, q: string, pool: number): SearchHit[] {
  const terms = q.split(' ').filter((t) => t.length >= 3)
  if (terms.length === 0) return []
  // Each term a quoted phrase (quotes doubled), ANDed: FTS5 syntax in the input is just text.
  const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')
  const rows = ws.sqlite.prepare(`SELECT ${COLUMNS}, last_name AS lastName FROM profile_summary
    WHERE profile_id IN (SELECT rowid FROM profile_search WHERE profile_search MATCH ? LIMIT ?)`).all(match, pool) as (SearchHit & { lastName: string | null })[]
  return rows.map(({ lastName: _l, ...h }) => ({ ...h, rank: substringRank(h, terms) }))
}

function substringRank(h: Omit<SearchHit, 'rank'>, terms: readonly string[]): number {
  const has = (v: string | null): boolean => v !== null && terms.every((t) => v.toLowerCase().replace(/\s/g, ' ').includes(t))
  if (has(h.displayName)) return 3
  if (has(h.email)) return 4
  if (has(h.phone)) return 5
  if (has(h.company)) return 6
  return 7
}

const cmp = (a: string | null, b: string | null): number => (a ?? '\u{10FFFF}').localeCompare(b ?? '\u{10FFFF}')

/** Lower case, single spaces; a phone-looking query loses its spaces and dashes so it meets E.164 digits. */
function normalise(text: string): string {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ')
  return /^[+\d][\d\s().-]*$/.test(t) ? t.replace(/[\s().-]/g, '') : t
}
