import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'

/**
 * Raw rows keep every original cell, so a person's email or phone can sit in rows no record points at
 * any more: an older export of the same contact, a quarantined row, a duplicate, someone else's row that
 * names them. This finds those rows by their cells (a cheap `instr` prefilter, then an exact check per cell,
 * so `ann@x.com` never matches `joann@x.com`).
 */
export interface PersonNeedles {
  /** Normalised emails (lower case). */
  emails: string[]
  /** E.164 phones. */
  phones: string[]
  /** Raw identifier values as they appeared in files (exact cell matches). */
  raws: string[]
}

const EMAIL_CHAR = /[a-z0-9._%+'-]/

/** True when a cell holds one of the person's identifiers. */
export function cellMentions(cell: string, n: PersonNeedles): boolean {
  const lower = cell.toLowerCase()
  for (const e of n.emails) {
    let at = lower.indexOf(e)
    while (at >= 0) {
      const before = at === 0 ? '' : lower[at - 1]!
      // `ann@x.com` inside `ann@x.com.au` or `ann@x.community` is another address.
      const after = lower.slice(at + e.length, at + e.length + 2)
      if (!EMAIL_CHAR.test(before) && !/^\.?[a-z0-9-]/.test(after)) return true
      at = lower.indexOf(e, at + 1)
    }
  }
  const digits = cell.replace(/\D/g, '')
  if (digits.length >= 7 && digits.length <= 16 && /^[\d\s()+./-]+$/.test(cell.trim().replace(/^'/, ''))) {
    // Same subscriber number: the national part (last 9 digits, or all of a shorter number) matches.
    for (const p of n.phones) {
      const pd = p.replace(/\D/g, '')
      const tail = pd.slice(-Math.min(9, pd.length - 1))
      if (digits.endsWith(tail)) return true
    }
  }
  const trimmed = cell.trim()
  return trimmed !== '' && n.raws.includes(trimmed)
}

/** Ids of raw rows with at least one cell naming the person. Scans candidates only (instr prefilter). */
export function rawRowsMentioning(db: SqliteDatabase, n: PersonNeedles): Map<number, string[]> {
  const needles = new Set<string>([...n.emails, ...n.raws.map((r) => r.toLowerCase())].filter((s) => s.length >= 3))
  for (const p of n.phones) needles.add(p.replace(/\D/g, '').slice(-4))
  const found = new Map<number, string[]>()
  const stmt = db.prepare('SELECT id, data FROM raw_rows WHERE instr(lower(data), ?) > 0')
  for (const needle of needles) {
    for (const row of stmt.iterate(needle) as IterableIterator<{ id: number; data: string }>) {
      if (found.has(row.id)) continue
      const cells = JSON.parse(row.data) as unknown[]
      if (cells.some((c) => typeof c === 'string' && cellMentions(c, n))) found.set(row.id, cells.map((c) => (typeof c === 'string' ? c : String(c))))
    }
  }
  return found
}

/** The row with every cell naming the person replaced by '[erased]' (for rows that belong to someone else). */
export function redactCells(cells: string[], n: PersonNeedles): string[] {
  return cells.map((c) => (cellMentions(c, n) ? '[erased]' : c))
}

/** A JSON value with every string naming the person replaced by '[erased]'; null when nothing changed. */
export function redactJson(json: string, n: PersonNeedles): string | null {
  let changed = false
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string' && cellMentions(v, n)) {
      changed = true
      return '[erased]'
    }
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  const out = JSON.stringify(walk(JSON.parse(json) as unknown))
  return changed ? out : null
}

/**
 * Other people's records and events can name the person in free-form JSON (a referrer, a gift recipient):
 * those strings are redacted. Returns how many rows changed. Caller owns the transaction.
 */
export function redactOtherPeoplesJson(db: SqliteDatabase, n: PersonNeedles): number {
  const needles = [...n.emails, ...n.raws.map((r) => r.toLowerCase())].filter((s) => s.length >= 3)
  let changed = 0
  for (const [table, column] of [['records', 'attributes'], ['events', 'properties']] as const) {
    const find = db.prepare(`SELECT id, ${column} AS json FROM ${table} WHERE instr(lower(${column}), ?) > 0`)
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`)
    const seen = new Set<number>()
    for (const needle of needles) {
      for (const row of find.all(needle) as { id: number; json: string }[]) {
        if (seen.has(row.id)) continue
        seen.add(row.id)
        const redacted = redactJson(row.json, n)
        if (redacted !== null) changed += update.run(redacted, row.id).changes
      }
    }
  }
  return changed
}
