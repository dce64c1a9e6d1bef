import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import type { MembershipCause, Workspace } from '../../db'
import { CdpError } from '../../../../shared/api/errors'
import { bandOf, comparePair, getThresholds } from '../index'
import { cannotLinkBetween } from './decide'
import { profileEdges, shortestPath, type Edge } from './edges'
import { parseEvidence, waterfall } from './evidence'
import { readStoredEvidence } from './stored-evidence'
import { assertId, loadReviewRecord, orderPair } from './records'
import type { EvidenceItem, ReviewRecord, Waterfall } from './types'

/** The scored pair of two records as the resolver stored it, or as compared now when it never was. */
export interface PairEvidence {
  /** False: read from match_pairs. True: never scored by a run (no shared blocking key), compared now. */
  computed: boolean
  pairId: number | null
  probability: number
  weight: number
  band: string
  reviewId: number | null
  reviewStatus: string | null
  evidence: EvidenceItem[]
  waterfall: Waterfall
}

export interface DecisionInfo {
  id: number
  decision: 'approve' | 'reject'
  actor: string
  reason: string | null
  at: string
  undoneAt: string | null
}

export interface PairExplanation {
  kind: 'pair'
  records: [ReviewRecord, ReviewRecord]
  together: boolean
  /** The direct pair's evidence: stored by a run, else computed now with the workspace's model. */
  pair: PairEvidence
  /** The chain of edges that holds them in one profile (null when apart or when no stored edge does). */
  path: Edge[] | null
  decisions: DecisionInfo[]
  /** A live cannot-link between their two profiles, when they are apart. */
  keptApartBy: [number, number] | null
  summary: string[]
}

export interface HistoryEntry {
  fromProfile: number | null
  toProfile: number
  cause: MembershipCause
  score: number | null
  decisionId: number | null
  actor: string | null
  reason: string | null
  at: string
}

export interface RecordExplanation {
  kind: 'record'
  record: ReviewRecord
  /** The edges that hold this record in its profile (the other end is in the same profile). */
  edges: Edge[]
  history: HistoryEntry[]
  decisions: DecisionInfo[]
  summary: string[]
}

export type ExplainQuery = { recordA: number; recordB: number } | { recordId: number }

/**
 * Why records are (not) together. For two records: whether they share a profile, the direct pair's
 * stored evidence, the shortest chain of edges (auto-band pairs and live approvals) linking them inside
 * the profile, the decisions on the pair, and a plain-language summary. For one record: its profile, the
 * edges that hold it there, its membership history and decisions. Read-only. Throws CdpError: NotFound.
 */
export function explain(ws: Workspace, q: { recordA: number; recordB: number }): PairExplanation
export function explain(ws: Workspace, q: { recordId: number }): RecordExplanation
export function explain(ws: Workspace, q: ExplainQuery): PairExplanation | RecordExplanation
export function explain(ws: Workspace, q: ExplainQuery): PairExplanation | RecordExplanation {
  return 'recordId' in q ? explainRecord(ws.sqlite, q.recordId) : explainPair(ws, q.recordA, q.recordB)
}

function explainPair(ws: Workspace, recordA: number, recordB: number): PairExplanation {
  const db = ws.sqlite
  assertId(recordA, 'The first record id')
  assertId(recordB, 'The second record id')
  if (recordA === recordB) throw new CdpError('InvalidInput', 'Name two different records to explain a pair, or one to explain a record.')
  const a = loadReviewRecord(db, recordA)
  const b = loadReviewRecord(db, recordB)
  const together = a.profileId === b.profileId
  const stored = storedPair(ws, recordA, recordB)
  const pair = stored ? withValues(ws, stored, recordA, recordB) : computedPair(ws, recordA, recordB)
  const path = together ? shortestPath(profileEdges(db, a.profileId), recordA, recordB) : null
  const decisions = pairDecisions(db, recordA, recordB)
  const keptApartBy = together ? null : cannotLinkBetween(db, a.profileId, b.profileId)
  const out: PairExplanation = { kind: 'pair', records: [a, b], together, pair, path, decisions, keptApartBy, summary: [] }
  out.summary = pairSummary(out)
  return out
}

function storedPair(ws: Workspace, x: number, y: number): PairEvidence | null {
  const db = ws.sqlite
  const [a, b] = orderPair(x, y)
  const row = db.prepare(`SELECT mp.id, mp.probability, mp.weight, mp.band, mp.evidence, mp.run_id, ri.id AS review_id, ri.status AS review_status
    FROM match_pairs mp LEFT JOIN review_items ri ON ri.pair_id = mp.id WHERE mp.record_a = ? AND mp.record_b = ?`).get(a, b) as
    | { id: number; probability: number; weight: number; band: string; evidence: string; run_id: number | null; review_id: number | null
        review_status: string | null }
    | undefined
  if (!row) return null
  // Compact evidence the run's model can no longer expand: the records' comparison now, beside the stored score.
  const { items, prior } = readStoredEvidence(db, row.evidence, row.run_id) ?? { items: computedPair(ws, a, b).evidence, prior: null }
  return {
    computed: false, pairId: row.id, probability: row.probability, weight: row.weight, band: row.band, reviewId: row.review_id,
    reviewStatus: row.review_status, evidence: items, waterfall: waterfall(items, prior, row.weight, row.probability),
  }
}

/**
 * Pairs not queued for review are stored with compact evidence (levels and weights, no values): the values
 * shown beside them are read from the records now through the resolver. Stored levels and weights are kept as scored.
 */
function withValues(ws: Workspace, pair: PairEvidence, recordA: number, recordB: number): PairEvidence {
  if (pair.evidence.some((e) => e.valueA !== null || e.valueB !== null)) return pair
  const [a, b] = orderPair(recordA, recordB)
  const now = new Map(comparePair(ws, a, b).items.map((e) => [e.comparison, e]))
  const fill = <T extends { valueA: string | null; valueB: string | null }>(e: T, name: string | null): T => {
    const c = name === null ? undefined : now.get(name)
    return c ? { ...e, valueA: c.a || null, valueB: c.b || null } : e
  }
  return { ...pair, evidence: pair.evidence.map((e) => fill(e, e.comparison)),
    waterfall: { ...pair.waterfall, steps: pair.waterfall.steps.map((s, k) => fill(s, k === 0 ? null : s.label)) } }
}

/** The resolver's comparison of two records never scored together, read back through the same parser. */
function computedPair(ws: Workspace, a: number, b: number): PairEvidence {
  const ev = comparePair(ws, a, b)
  const { items } = parseEvidence(JSON.stringify(ev.items))
  return {
    computed: true, pairId: null, probability: ev.probability, weight: ev.weight, band: bandOf(ev.probability, getThresholds(ws)),
    reviewId: null, reviewStatus: null, evidence: items, waterfall: waterfall(items, ev.prior, ev.weight, ev.probability),
  }
}

function pairDecisions(db: SqliteDatabase, x: number, y: number): DecisionInfo[] {
  const [a, b] = orderPair(x, y)
  return toDecisions(db.prepare('SELECT * FROM decisions WHERE record_a = ? AND record_b = ? ORDER BY id').all(a, b))
}

function toDecisions(rows: unknown[]): DecisionInfo[] {
  return (rows as Array<{ id: number; decision: 'approve' | 'reject'; actor: string; reason: string | null; at: string; undone_at: string | null }>)
    .map((d) => ({ id: d.id, decision: d.decision, actor: d.actor, reason: d.reason, at: d.at, undoneAt: d.undone_at }))
}

const pct = (p: number | null): string => (p === null ? 'no score' : `p=${p.toFixed(3)}`)

function edgeText(e: Edge): string {
  return e.kind === 'auto' ? `${e.recordA}–${e.recordB} (auto, ${pct(e.probability)})` : `${e.recordA}–${e.recordB} (approved by ${e.actor ?? '?'})`
}

function pairSummary(x: PairExplanation): string[] {
  const [a, b] = x.records
  const lines: string[] = []
  const live = x.decisions.filter((d) => d.undoneAt === null).at(-1)
  if (x.together) {
    lines.push(`Records ${a.id} and ${b.id} are together in profile ${a.profileId} (${a.profileSize} records).`)
    if (x.path && x.path.length > 0) lines.push(`Linked through ${x.path.length} edge(s): ${x.path.map(edgeText).join(', ')}.`)
    else lines.push('No stored edge links them: they were put together by an import or an earlier run (see each record\'s history).')
    if (live?.decision === 'reject') lines.push(`Decision ${live.id} by ${live.actor} says they are different people: split the profile to separate them.`)
  } else {
    lines.push(`Records ${a.id} and ${b.id} are apart: profiles ${a.profileId} and ${b.profileId}.`)
    if (live?.decision === 'reject') lines.push(`Decision ${live.id} by ${live.actor} (${live.reason ?? 'no reason'}) keeps them apart.`)
    else if (x.keptApartBy) lines.push(`Records ${x.keptApartBy[0]} and ${x.keptApartBy[1]} of these profiles are kept apart by a decision, so the profiles cannot merge.`)
    if (x.pair.computed) lines.push(`They were never scored as a pair (no shared blocking key); compared now: ${pct(x.pair.probability)}, band ${x.pair.band}.`)
    else if (x.pair.band === 'review' && x.pair.reviewStatus === 'pending') lines.push(`Their pair (${pct(x.pair.probability)}) awaits review as item ${x.pair.reviewId}.`)
    else if (x.pair.band === 'non') lines.push(`Their score (${pct(x.pair.probability)}) is below the review band.`)
  }
  if (!x.pair.computed) lines.push(`Direct pair: weight ${x.pair.weight.toFixed(2)}, ${pct(x.pair.probability)}, band ${x.pair.band}.`)
  return lines
}

function explainRecord(db: SqliteDatabase, recordId: number): RecordExplanation {
  assertId(recordId, 'The record id')
  const record = loadReviewRecord(db, recordId)
  const edges = profileEdges(db, record.profileId).filter((e) => e.recordA === recordId || e.recordB === recordId)
  const history = (db.prepare('SELECT * FROM membership_history WHERE record_id = ? ORDER BY id').all(recordId) as Array<{
    from_profile: number | null; to_profile: number; cause: MembershipCause; score: number | null; decision_id: number | null
    actor: string | null; reason: string | null; at: string
  }>).map((h) => ({
    fromProfile: h.from_profile, toProfile: h.to_profile, cause: h.cause, score: h.score, decisionId: h.decision_id,
    actor: h.actor, reason: h.reason, at: h.at,
  }))
  const decisions = toDecisions(db.prepare('SELECT * FROM decisions WHERE record_a = ? OR record_b = ? ORDER BY id').all(recordId, recordId))
  const summary = [`Record ${recordId} (${record.source}, row ${record.row}) is in profile ${record.profileId} with ${record.profileSize - 1} other record(s).`]
  if (record.profileSize > 1) {
    summary.push(edges.length > 0 ? `Held there by ${edges.length} edge(s): ${edges.map(edgeText).join(', ')}.` : 'No stored edge holds it there directly.')
  }
  const last = history.at(-1)
  if (last) summary.push(`Last membership change: ${last.cause}${last.actor ? ` by ${last.actor}` : ''} at ${last.at}.`)
  return { kind: 'record', record, edges, history, decisions, summary }
}
