import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'

/**
 * Human decisions as clustering constraints. The latest decision on a record pair that has not been undone
 * wins: approve → must-link, reject → cannot-link. Splits and record removals are stored as reject decisions
 * (reason 'split'), so every later run honours them too.
 */
export interface Constraints {
  mustLink: Array<[number, number]>
  cannotLink: Array<[number, number]>
}

export function loadConstraints(db: SqliteDatabase): Constraints {
  const rows = db.prepare(`
    SELECT record_a, record_b, decision FROM decisions d
    WHERE undone_at IS NULL
      AND id = (SELECT max(id) FROM decisions d2 WHERE d2.record_a = d.record_a AND d2.record_b = d.record_b AND d2.undone_at IS NULL)
  `).all() as Array<{ record_a: number; record_b: number; decision: 'approve' | 'reject' }>
  const out: Constraints = { mustLink: [], cannotLink: [] }
  for (const r of rows) (r.decision === 'approve' ? out.mustLink : out.cannotLink).push([r.record_a, r.record_b])
  return out
}
