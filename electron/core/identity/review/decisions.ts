import type { Workspace } from '../../db'
import { CdpError } from '../../../../shared/api/errors'
import { appendAudit } from './audit'
import { assertOpen, decideItem, loadItem, nowIso, type ItemRow } from './decide'
import { assertBand } from './queue'
import { assertActor, assertId } from './records'
import type { BandDecisionResult, DecisionContext, DecisionResult } from './types'

/**
 * Approves a review item: records an 'approve' decision (must-link for every later run) and merges the
 * two records' profiles now (membership cause 'review', with the decision id; the larger, then older,
 * profile keeps its id). One transaction. Throws CdpError: NotFound, InvalidInput, Conflict (already
 * decided, or the merge would join records a live cannot-link keeps apart).
 */
export function approve(ws: Workspace, id: number, ctx: DecisionContext): DecisionResult {
  return decideOne(ws, id, 'approve', ctx)
}

/**
 * Rejects a review item: records a cannot-link that every later run honours. When the two records are
 * already in one profile (joined through other records), nothing is split silently: the result says
 * `alreadyTogether` and the analyst can split explicitly. Same errors as `approve`.
 */
export function reject(ws: Workspace, id: number, ctx: DecisionContext): DecisionResult {
  return decideOne(ws, id, 'reject', ctx)
}

/** Puts a pending item aside (status 'skipped'); no decision is recorded. Throws NotFound / Conflict. */
export function skip(ws: Workspace, id: number, ctx: DecisionContext): DecisionResult {
  assertId(id, 'The review id')
  assertActor(ctx.actor)
  return ws.sqlite.transaction(() => {
    const item = loadItem(ws.sqlite, id)
    assertOpen(item)
    ws.sqlite.prepare("UPDATE review_items SET status = 'skipped', updated_at = ? WHERE id = ?").run(nowIso(), id)
    appendAudit(ws.sqlite, { actor: ctx.actor, action: 'review.skip', subject: `review:${id}`, details: { reason: ctx.reason ?? null } })
    return { reviewId: id, decisionId: null, status: 'skipped' as const, profileId: null, alreadyTogether: false }
  }).immediate()
}

function decideOne(ws: Workspace, id: number, decision: 'approve' | 'reject', ctx: DecisionContext): DecisionResult {
  assertId(id, 'The review id')
  assertActor(ctx.actor)
  return ws.sqlite.transaction(() => decideItem(ws.sqlite, loadItem(ws.sqlite, id), decision, ctx)).immediate()
}

export interface BandDecision extends DecisionContext {
  min: number
  max: number
  decision: 'approve' | 'reject'
}

/**
 * Approves or rejects every pending item whose pair probability lies in [min, max], highest priority
 * first, in one transaction. Approvals that would cross a live cannot-link are left pending and counted
 * as conflicts. The UI confirms with the analyst before calling this. Throws CdpError('InvalidInput').
 */
export function decideBand(ws: Workspace, band: BandDecision): BandDecisionResult {
  assertBand(band.min, band.max)
  assertActor(band.actor)
  if (band.decision !== 'approve' && band.decision !== 'reject') {
    throw new CdpError('InvalidInput', `A band decision is "approve" or "reject", not "${String(band.decision)}".`)
  }
  const ctx: DecisionContext = { actor: band.actor, reason: band.reason ?? null }
  return ws.sqlite.transaction(() => {
    const items = ws.sqlite.prepare(`SELECT ri.id, ri.status, mp.record_a, mp.record_b, mp.probability
      FROM review_items ri JOIN match_pairs mp ON mp.id = ri.pair_id
      WHERE ri.status = 'pending' AND mp.probability >= ? AND mp.probability <= ?
      ORDER BY ri.priority DESC, ri.id`).all(band.min, band.max) as ItemRow[]
    const out: BandDecisionResult = { matched: items.length, approved: 0, rejected: 0, conflicts: 0 }
    for (const item of items) {
      try {
        decideItem(ws.sqlite, item, band.decision, ctx, { band: { min: band.min, max: band.max } })
        if (band.decision === 'approve') out.approved++
        else out.rejected++
      } catch (e) {
        if (e instanceof CdpError && e.code === 'Conflict') out.conflicts++
        else throw e
      }
    }
    return out
  }).immediate()
}

/** One answer in a batch: a review item and what to do with it. */
export interface ReviewAnswer {
  id: number
  decision: 'approve' | 'reject' | 'skip'
}

export interface AnswersResult {
  approved: number
  rejected: number
  skipped: number
  /** Items left as they were: already decided, or an approval that would cross a live cannot-link. */
  conflicts: Array<{ id: number; message: string }>
}

/**
 * Applies many answers in one transaction, in the given order (a script or an evaluation oracle answering
 * the queue without one process per item). Conflicts are collected, not fatal; any other error (an unknown
 * id, a bad decision) rolls the whole batch back. Throws CdpError: InvalidInput, NotFound.
 */
export function answerReviews(ws: Workspace, answers: ReviewAnswer[], ctx: DecisionContext): AnswersResult {
  assertActor(ctx.actor)
  if (!Array.isArray(answers)) throw new CdpError('InvalidInput', 'Answers must be a list of { id, decision }.')
  const out: AnswersResult = { approved: 0, rejected: 0, skipped: 0, conflicts: [] }
  ws.sqlite.transaction(() => {
    for (const a of answers) {
      assertId(a?.id, 'A review id')
      if (a.decision !== 'approve' && a.decision !== 'reject' && a.decision !== 'skip') {
        throw new CdpError('InvalidInput', `Review ${a.id}: the decision must be approve, reject or skip, not "${String(a.decision)}".`)
      }
      try {
        if (a.decision === 'skip') skip(ws, a.id, ctx)
        else decideItem(ws.sqlite, loadItem(ws.sqlite, a.id), a.decision, ctx)
        out[a.decision === 'approve' ? 'approved' : a.decision === 'reject' ? 'rejected' : 'skipped']++
      } catch (e) {
        if (e instanceof CdpError && e.code === 'Conflict') out.conflicts.push({ id: a.id, message: e.message })
        else throw e
      }
    }
  }).immediate()
  return out
}
