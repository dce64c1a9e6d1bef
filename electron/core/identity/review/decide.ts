import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { CdpError } from '../../../../shared/api/errors'
import type { ReviewStatus } from '../../db'
import { mergeProfiles } from '../membership'
import { appendAudit } from './audit'
import { orderPair, profileOf } from './records'
import type { DecisionContext, DecisionResult } from './types'

/** A review item with its pair, as the decision code needs it. */
export interface ItemRow {
  id: number
  status: ReviewStatus
  record_a: number
  record_b: number
  probability: number
}

export const nowIso = (): string => new Date().toISOString()

/** Loads an item; throws CdpError('NotFound'). */
export function loadItem(db: SqliteDatabase, id: number): ItemRow {
  const row = db.prepare(`SELECT ri.id, ri.status, mp.record_a, mp.record_b, mp.probability
    FROM review_items ri JOIN match_pairs mp ON mp.id = ri.pair_id WHERE ri.id = ?`).get(id) as ItemRow | undefined
  if (!row) throw new CdpError('NotFound', `Review item ${id} does not exist; list the queue with "cdp review list".`)
  return row
}

/** Throws CdpError('Conflict') unless the item is still open (pending or skipped). */
export function assertOpen(item: ItemRow): void {
  if (item.status === 'approved' || item.status === 'rejected') {
    throw new CdpError('Conflict', `Review item ${item.id} is already ${item.status}; undo that decision first ("cdp review undo").`)
  }
}

/** Inserts a decision row on a record pair (stored ordered) and returns its id. */
export function insertDecision(db: SqliteDatabase, a: number, b: number, decision: 'approve' | 'reject', ctx: DecisionContext, at: string): number {
  const [x, y] = orderPair(a, b)
  return Number(db.prepare('INSERT INTO decisions (record_a, record_b, decision, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(x, y, decision, ctx.actor, ctx.reason ?? null, at).lastInsertRowid)
}

/**
 * A live cannot-link (the latest not-undone decision on the pair is a reject) between a record of
 * profile `p` and a record of profile `q`, or null. Approving across one would put two records a human
 * separated back into one profile.
 */
export function cannotLinkBetween(db: SqliteDatabase, p: number, q: number): [number, number] | null {
  const row = db.prepare(cannotLinkSql).get({ p, q }) as { record_a: number; record_b: number } | undefined
  return row ? [row.record_a, row.record_b] : null
}

// Driven from the two profiles' records (records_by_profile) into decisions by either end, so the cost
// follows the profiles' size, not the number of decisions in the workspace: bulk band decisions call it per item.
const liveReject = `d.decision = 'reject' AND d.undone_at IS NULL
  AND d.id = (SELECT max(id) FROM decisions d2 WHERE d2.record_a = d.record_a AND d2.record_b = d.record_b AND d2.undone_at IS NULL)`
export const cannotLinkSql = `
  SELECT d.record_a, d.record_b FROM records ra JOIN decisions d ON d.record_a = ra.id JOIN records rb ON rb.id = d.record_b
    WHERE ra.profile_id = @p AND rb.profile_id = @q AND ${liveReject}
  UNION ALL
  SELECT d.record_a, d.record_b FROM records ra JOIN decisions d ON d.record_a = ra.id JOIN records rb ON rb.id = d.record_b
    WHERE ra.profile_id = @q AND rb.profile_id = @p AND ${liveReject}
  LIMIT 1`

/**
 * Applies one approve/reject to an open item inside the caller's transaction: the decision row, the
 * membership change (approve merges the two profiles, cause 'review'), the item's new status and the
 * audit entry. Throws CdpError('Conflict') when an approval would cross a live cannot-link.
 */
export function decideItem(db: SqliteDatabase, item: ItemRow, decision: 'approve' | 'reject', ctx: DecisionContext, audit: Record<string, unknown> = {}): DecisionResult {
  assertOpen(item)
  const at = nowIso()
  const pa = profileOf(db, item.record_a)
  const pb = profileOf(db, item.record_b)
  if (decision === 'approve' && pa !== pb) {
    const clash = cannotLinkBetween(db, pa, pb)
    if (clash) {
      throw new CdpError('Conflict', `Approving review item ${item.id} would join records ${clash[0]} and ${clash[1]}, which a decision keeps apart; undo that decision first.`)
    }
  }
  const decisionId = insertDecision(db, item.record_a, item.record_b, decision, ctx, at)
  let profileId: number | null = null
  if (decision === 'approve') {
    profileId = mergeProfiles(db, pa, pb, { cause: 'review', decisionId, actor: ctx.actor, reason: ctx.reason ?? null, score: item.probability, at })
  }
  const status: ReviewStatus = decision === 'approve' ? 'approved' : 'rejected'
  db.prepare('UPDATE review_items SET status = ?, decision_id = ?, updated_at = ? WHERE id = ?').run(status, decisionId, at, item.id)
  appendAudit(db, {
    actor: ctx.actor, action: `review.${decision}`, subject: `review:${item.id}`,
    details: { decisionId, recordA: item.record_a, recordB: item.record_b, profileId, reason: ctx.reason ?? null, ...audit },
  })
  return { reviewId: item.id, decisionId, status, profileId, alreadyTogether: pa === pb }
}
