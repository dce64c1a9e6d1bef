import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import type { Workspace } from '../../db'
import { CdpError } from '../../../../shared/api/errors'
import { createProfile, moveRecord } from '../membership'
import { appendAudit } from './audit'
import { insertDecision, nowIso } from './decide'
import { assertActor, assertId, membersOf, orderPair, profileOf } from './records'
import type { DecisionContext, SplitResult } from './types'
import { splitReasonPrefix } from './undo'

/** Above this many record pairs between two parts, only the pairs that carry an edge (plus an anchor) get a cannot-link. */
export const fullCrossLimit = 10_000

/**
 * Splits a profile: each group of record ids moves out together into a new profile (new ids, never
 * reused), with the buyer-detail records of its records (see withDetails); the rest stay in `profileId`. If the groups cover every record, the first group stays. Between
 * every two separated parts, reject decisions (reason 'split: …') become cannot-links that every later
 * run honours; open review items on those pairs are closed as rejected. History: membership cause
 * 'split' with the first decision's id. One transaction; undo reverses it as a whole.
 * Throws CdpError: NotFound (profile), InvalidInput (empty, overlapping, or foreign groups).
 */
export function splitProfile(ws: Workspace, profileId: number, groups: number[][], ctx: DecisionContext): SplitResult {
  assertId(profileId, 'The profile id')
  assertActor(ctx.actor)
  const db = ws.sqlite
  return db.transaction(() => {
    const members = activeMembers(db, profileId)
    const parts = partition(members, withDetails(db, profileId, groups), profileId)
    return applySplit(db, profileId, parts, ctx, 'profile.split')
  }).immediate()
}

/**
 * Takes one record out of its profile into a new profile of its own (with the buyer details its orders
 * left, see withDetails), with cannot-links to every record it leaves behind (see splitProfile).
 * Throws CdpError: NotFound, InvalidInput (the record is alone).
 */
export function removeRecord(ws: Workspace, recordId: number, ctx: DecisionContext): SplitResult {
  assertId(recordId, 'The record id')
  assertActor(ctx.actor)
  const db = ws.sqlite
  return db.transaction(() => {
    const profileId = profileOf(db, recordId)
    const members = membersOf(db, profileId)
    const moved = new Set(withDetails(db, profileId, [[recordId]])[0])
    const rest = members.filter((m) => !moved.has(m))
    if (rest.length === 0) throw new CdpError('InvalidInput', `Record ${recordId} is already alone in profile ${profileId}.`)
    const parts = [rest, [...moved].sort((a, b) => a - b)]
    return applySplit(db, profileId, parts, ctx, 'profile.remove-record')
  }).immediate()
}

/**
 * The groups, each with the buyer-detail records (records.detail_of) of its records that no group names: the
 * phone and address an order named belong to its buyer, so they leave with the buyer's record. A detail
 * record a group names itself goes where it is named.
 */
function withDetails(db: SqliteDatabase, profileId: number, groups: number[][]): number[][] {
  if (!Array.isArray(groups)) return groups
  const details = db.prepare('SELECT id, detail_of FROM records WHERE profile_id = ? AND detail_of IS NOT NULL').raw()
    .all(profileId) as Array<[number, number]>
  if (details.length === 0) return groups
  const named = new Set(groups.flat())
  return groups.map((g) => {
    if (!Array.isArray(g)) return g
    const owners = new Set(g)
    return [...g, ...details.filter(([id, owner]) => owners.has(owner) && !named.has(id)).map(([id]) => id)]
  })
}

function activeMembers(db: SqliteDatabase, profileId: number): number[] {
  const status = db.prepare('SELECT status FROM profiles WHERE id = ?').pluck().get(profileId) as string | undefined
  if (status === undefined) throw new CdpError('NotFound', `Profile ${profileId} does not exist.`)
  if (status !== 'active') throw new CdpError('InvalidInput', `Profile ${profileId} is ${status}, not active: split the profile its records are in now.`)
  return membersOf(db, profileId)
}

/** Parts of the profile after the split: the part that stays first, then each moved group. */
function partition(members: number[], groups: number[][], profileId: number): number[][] {
  if (!Array.isArray(groups) || groups.length === 0) throw new CdpError('InvalidInput', 'Name at least one group of records to split out.')
  const inProfile = new Set(members)
  const seen = new Set<number>()
  for (const g of groups) {
    if (!Array.isArray(g) || g.length === 0) throw new CdpError('InvalidInput', 'Every group of records to split out needs at least one record.')
    for (const id of g) {
      assertId(id, 'A record id')
      if (!inProfile.has(id)) throw new CdpError('InvalidInput', `Record ${id} is not in profile ${profileId}.`)
      if (seen.has(id)) throw new CdpError('InvalidInput', `Record ${id} appears in more than one group.`)
      seen.add(id)
    }
  }
  const rest = members.filter((m) => !seen.has(m))
  const parts = rest.length > 0 ? [rest, ...groups] : groups
  if (parts.length < 2) throw new CdpError('InvalidInput', `Nothing to split: the groups leave profile ${profileId} as it is.`)
  return parts.map((p) => [...p].sort((a, b) => a - b))
}

function applySplit(db: SqliteDatabase, profileId: number, parts: number[][], ctx: DecisionContext, action: string): SplitResult {
  const at = nowIso()
  const reason = `${splitReasonPrefix}profile ${profileId}${ctx.reason ? `: ${ctx.reason}` : ''}`
  const dctx: DecisionContext = { actor: ctx.actor, reason }
  const edges = edgeSet(db, profileId)
  const closeItem = db.prepare(`UPDATE review_items SET status = 'rejected', decision_id = ?, updated_at = ?
    WHERE status IN ('pending', 'skipped') AND pair_id = (SELECT id FROM match_pairs WHERE record_a = ? AND record_b = ?)`)
  let leader: number | null = null
  let decisions = 0
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      for (const [a, b] of crossPairs(parts[i]!, parts[j]!, edges)) {
        const id = insertDecision(db, a, b, 'reject', dctx, at)
        leader ??= id
        closeItem.run(id, at, a, b)
        decisions++
      }
    }
  }
  const change = { cause: 'split' as const, decisionId: leader, actor: ctx.actor, reason, at }
  const newProfiles: number[] = []
  for (const part of parts.slice(1)) {
    const p = createProfile(db, at)
    for (const id of part) moveRecord(db, id, p, change)
    newProfiles.push(p)
  }
  appendAudit(db, {
    actor: ctx.actor, action, subject: `profile:${profileId}`,
    details: { parts: parts.map((p) => p.length), moved: parts.slice(1), newProfiles, firstDecisionId: leader, decisions, reason: ctx.reason ?? null },
  })
  return { profileId, newProfiles, decisions }
}

/** Pairs (ordered, 'a:b') that carry an edge inside the profile: any scored pair or a live approval. */
function edgeSet(db: SqliteDatabase, profileId: number): Set<string> {
  const rows = db.prepare(`
    SELECT mp.record_a AS a, mp.record_b AS b
      FROM records ra CROSS JOIN match_pairs mp ON mp.record_a = ra.id CROSS JOIN records rb ON rb.id = mp.record_b
      WHERE ra.profile_id = @p AND rb.profile_id = @p
    UNION
    SELECT d.record_a, d.record_b FROM decisions d
      JOIN records ra ON ra.id = d.record_a JOIN records rb ON rb.id = d.record_b
      WHERE d.undone_at IS NULL AND d.decision = 'approve' AND ra.profile_id = @p AND rb.profile_id = @p`).all({ p: profileId }) as Array<{ a: number; b: number }>
  return new Set(rows.map((r) => `${r.a}:${r.b}`))
}

/**
 * The pairs between two parts that get a cannot-link. Every pair while that stays small; beyond
 * `fullCrossLimit`, the pairs that carry an edge plus one anchor pair, which is enough because a
 * resolver that honours cannot-links never puts two clusters holding a cannot-linked pair together.
 */
export function crossPairs(x: number[], y: number[], edges: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = []
  if (x.length * y.length <= fullCrossLimit) {
    for (const a of x) for (const b of y) out.push(orderPair(a, b))
    return out
  }
  const inX = new Set(x)
  const inY = new Set(y)
  for (const key of edges) {
    const [a, b] = key.split(':').map(Number) as [number, number]
    if ((inX.has(a) && inY.has(b)) || (inY.has(a) && inX.has(b))) out.push([a, b])
  }
  const anchor = orderPair(x[0]!, y[0]!)
  if (!out.some(([a, b]) => a === anchor[0] && b === anchor[1])) out.push(anchor)
  return out
}
