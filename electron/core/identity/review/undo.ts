import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import type { Workspace } from '../../db'
import { CdpError } from '../../../../shared/api/errors'
import { createProfile, moveRecord } from '../membership'
import { appendAudit } from './audit'
import { nowIso } from './decide'
import { assertActor, assertId } from './records'
import type { UndoResult } from './types'

export interface UndoOptions {
  actor: string
  /** Undo this decision; without it (and without reviewId) the latest live decision. */
  decisionId?: number
  /** Undo the live decision of this review item. */
  reviewId?: number
  reason?: string | null
}

interface DecisionRow { id: number; decision: 'approve' | 'reject'; actor: string; reason: string | null; at: string }

/** Reasons of the decisions a split records; see unmerge.ts. */
export const splitReasonPrefix = 'split: '

/**
 * Undoes one human decision: marks it `undone_at` (so constraints drop it), reverses its membership
 * effect and returns its review item to 'pending'. An approve-merge is reversed by moving back exactly
 * the records that moved (read from membership_history by decision id) to the profile each came from,
 * which is reactivated. The decisions of one split (or record removal) are undone together, undoing the
 * split. One transaction. Throws CdpError: NotFound (no such or no live decision), InvalidInput.
 */
export function undo(ws: Workspace, opts: UndoOptions): UndoResult {
  assertActor(opts.actor)
  const db = ws.sqlite
  return db.transaction(() => {
    const target = findTarget(db, opts)
    const group = decisionGroup(db, target)
    const ids = group.map((d) => d.id)
    const at = nowIso()
    const mark = db.prepare('UPDATE decisions SET undone_at = ? WHERE id = ?')
    for (const id of ids) mark.run(at, id)
    const recordsMoved = reverseMembership(db, ids, target.id, opts, at)
    const reviewIds = reopenItems(db, ids, at)
    appendAudit(db, {
      actor: opts.actor, action: 'review.undo', subject: `decision:${target.id}`,
      details: { decisionIds: ids, decision: target.decision, recordsMoved, reviewIds, reason: opts.reason ?? null },
    })
    return { decisionIds: ids, decision: target.decision, recordsMoved, reviewIds }
  }).immediate()
}

function findTarget(db: SqliteDatabase, opts: UndoOptions): DecisionRow {
  const cols = 'id, decision, actor, reason, at'
  if (opts.decisionId !== undefined) {
    assertId(opts.decisionId, 'The decision id')
    const d = db.prepare(`SELECT ${cols}, undone_at FROM decisions WHERE id = ?`).get(opts.decisionId) as (DecisionRow & { undone_at: string | null }) | undefined
    if (!d) throw new CdpError('NotFound', `Decision ${opts.decisionId} does not exist.`)
    if (d.undone_at !== null) throw new CdpError('Conflict', `Decision ${opts.decisionId} was already undone at ${d.undone_at}.`)
    return d
  }
  if (opts.reviewId !== undefined) {
    assertId(opts.reviewId, 'The review id')
    const d = db.prepare(`SELECT ${cols.split(', ').map((c) => `d.${c}`).join(', ')} FROM review_items ri JOIN decisions d ON d.id = ri.decision_id
      WHERE ri.id = ? AND d.undone_at IS NULL`).get(opts.reviewId) as DecisionRow | undefined
    if (!d) throw new CdpError('NotFound', `Review item ${opts.reviewId} has no decision to undo.`)
    return d
  }
  const d = db.prepare(`SELECT ${cols} FROM decisions WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1`).get() as DecisionRow | undefined
  if (!d) throw new CdpError('NotFound', 'There is no decision to undo.')
  return d
}

/** A split records many decisions at once (same time, actor and reason): they are undone as one. */
function decisionGroup(db: SqliteDatabase, d: DecisionRow): DecisionRow[] {
  if (d.decision !== 'reject' || !d.reason?.startsWith(splitReasonPrefix)) return [d]
  return db.prepare(`SELECT id, decision, actor, reason, at FROM decisions
    WHERE at = ? AND actor = ? AND reason = ? AND decision = 'reject' AND undone_at IS NULL ORDER BY id`).all(d.at, d.actor, d.reason) as DecisionRow[]
}

/**
 * Moves each record that a decision in `ids` moved back to the profile it came from, latest move first.
 * A profile emptied by the merge was retired ('merged'): it is reactivated so its id comes back. If it
 * was erased since, the record gets a new profile instead (ids are never reused).
 */
function reverseMembership(db: SqliteDatabase, ids: number[], decisionId: number, opts: UndoOptions, at: string): number {
  const marks = ids.map(() => '?').join(',')
  const moves = db.prepare(`SELECT record_id, from_profile FROM membership_history
    WHERE decision_id IN (${marks}) AND cause IN ('review', 'split') ORDER BY id DESC`).all(...ids) as Array<{ record_id: number; from_profile: number | null }>
  const current = db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck()
  const status = db.prepare('SELECT status FROM profiles WHERE id = ?').pluck()
  const reactivate = db.prepare("UPDATE profiles SET status = 'active', merged_into = NULL, updated_at = ? WHERE id = ? AND status = 'merged'")
  const change = { cause: 'undo' as const, decisionId, actor: opts.actor, reason: opts.reason ?? null, at }
  let moved = 0
  for (const m of moves) {
    const now = current.get(m.record_id) as number | undefined
    if (now === undefined || now === m.from_profile) continue // erased since, or already back
    let to = m.from_profile
    if (to === null || status.get(to) === 'erased') to = createProfile(db, at)
    else reactivate.run(at, to)
    moveRecord(db, m.record_id, to, change)
    moved++
  }
  return moved
}

function reopenItems(db: SqliteDatabase, ids: number[], at: string): number[] {
  const marks = ids.map(() => '?').join(',')
  const items = db.prepare(`SELECT id FROM review_items WHERE decision_id IN (${marks}) ORDER BY id`).pluck().all(...ids) as number[]
  const reopen = db.prepare("UPDATE review_items SET status = 'pending', decision_id = NULL, updated_at = ? WHERE id = ?")
  for (const id of items) reopen.run(at, id)
  return items
}
