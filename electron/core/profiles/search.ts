import type { Workspace } from '../db'

/**
 * Search over the names, emails, phones and companies of every record of every profile (not only the
 * golden values: "the old email" still finds the person). A trigram FTS5 index answers substrings of
 * three characters or more; shorter input falls back to a prefix match on golden name and email.
 */
export interface SearchHit {
  profileId: number
  displayName: string | null
  email: string | null
  phone: string | null
  company: string | null
  /** Lower is better: golden name word-prefix, then email/phone prefix, then company prefix, then the rest; bm25 within. */
  rank: number
}

const MAX_LIMIT = 500

/** Ranked matches for `text`; empty for blank input. Never throws on odd input (quotes, operators). */
export function searchProfiles(ws: Workspace, text: string, limit = 20): SearchHit[] {
  const n = Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)))
  const query = normalise(text)
  if (query === '') return []
  const terms = query.split(' ').filter((t) => t.length >= 3)
  if (terms.length === 0) return prefixSearch(ws, query, n)
  // Each term a quoted phrase (quotes doubled), ANDed: FTS5 syntax in the input is just text.
  const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')
  const rows = ws.sqlite.prepare(`
    SELECT m.rowid AS profileId, s.display_name AS displayName, s.email, s.phone, s.company,
      (CASE WHEN lower(s.display_name) LIKE @prefix ESCAPE '\\' OR lower(s.display_name) LIKE @word ESCAPE '\\' THEN 0
            WHEN s.email LIKE @prefix ESCAPE '\\' OR s.phone LIKE @phone ESCAPE '\\' THEN 1000
            WHEN lower(s.company) LIKE @prefix ESCAPE '\\' THEN 2000 ELSE 3000 END) + m.score AS rank
    FROM (SELECT rowid, bm25(profile_search, 10.0, 8.0, 5.0, 3.0) AS score FROM profile_search
          WHERE profile_search MATCH @match ORDER BY score LIMIT @pool) m
    JOIN profile_summary s ON s.profile_id = m.rowid
    ORDER BY rank, m.rowid LIMIT @n`).all({
    match, prefix: `${likeEscape(query)}%`, word: `% ${likeEscape(query)}%`, phone: `+${likeEscape(query)}%`, pool: n * 20, n,
  }) as SearchHit[]
  return rows
}

function prefixSearch(ws: Workspace, query: string, n: number): SearchHit[] {
  return ws.sqlite.prepare(`
    SELECT profile_id AS profileId, display_name AS displayName, email, phone, company, 0 AS rank FROM profile_summary
    WHERE (email >= @q AND email < @q || char(1114111)) OR lower(display_name) LIKE @prefix ESCAPE '\\'
    ORDER BY display_name, profile_id LIMIT @n`).all({ q: query, prefix: `${likeEscape(query)}%`, n }) as SearchHit[]
}

/** Lower case, single spaces; a phone-looking query loses its spaces and dashes so it meets E.164 digits. */
function normalise(text: string): string {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ')
  return /^[+\d][\d\s().-]*$/.test(t) ? t.replace(/[\s().-]/g, '') : t
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}
