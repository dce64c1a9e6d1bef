import type { Workspace } from '../../db'
import type { ReviewStatus } from '../../db'
import { CdpError } from '../../../../shared/api/errors'
import { waterfall } from './evidence'
import { readStoredEvidence } from './stored-evidence'
import { fieldAgreement } from './field-agreement'
import { loadReviewRecord } from './records'
import { reviewFields, type ListReviewsOptions, type ReviewDetail, type ReviewListItem } from './types'

const statuses: ReadonlyArray<ReviewStatus | 'all'> = ['pending', 'approved', 'rejected', 'skipped', 'all']

const listSql = `
  SELECT ri.id, ri.status, ri.priority, mp.record_a, mp.record_b, mp.probability, mp.weight,
         sa.name AS source_a, ra_row.row_number AS row_a, ia.file_name AS file_a,
         sb.name AS source_b, rb_row.row_number AS row_b, ib.file_name AS file_b
  FROM review_items ri
  JOIN match_pairs mp ON mp.id = ri.pair_id
  JOIN records ra ON ra.id = mp.record_a
  JOIN raw_rows ra_row ON ra_row.id = ra.raw_row_id
  JOIN imports ia ON ia.id = ra_row.import_id
  JOIN sources sa ON sa.id = ra.source_id
  JOIN records rb ON rb.id = mp.record_b
  JOIN raw_rows rb_row ON rb_row.id = rb.raw_row_id
  JOIN imports ib ON ib.id = rb_row.import_id
  JOIN sources sb ON sb.id = rb.source_id
  WHERE (@status = 'all' OR ri.status = @status) AND mp.probability >= @min AND mp.probability <= @max`

interface ListRow {
  id: number; status: ReviewStatus; priority: number; record_a: number; record_b: number; probability: number; weight: number
  source_a: string; row_a: number; file_a: string; source_b: string; row_b: number; file_b: string
}

/**
 * The review queue, most useful first: by priority (the resolver's uncertainty × impact), then by
 * closeness to probability 0.5, then id. `status` defaults to 'pending'; `band` bounds the pair
 * probability (inclusive); no `limit` means every item. Throws CdpError('InvalidInput') on bad options.
 */
export function listReviews(ws: Workspace, opts: ListReviewsOptions = {}): ReviewListItem[] {
  const params = listParams(opts)
  const limit = opts.limit ?? -1
  const offset = opts.offset ?? 0
  if (!Number.isSafeInteger(limit) || (limit < 0 && limit !== -1) || !Number.isSafeInteger(offset) || offset < 0) {
    throw new CdpError('InvalidInput', 'limit and offset must be whole numbers ≥ 0.')
  }
  const rows = ws.sqlite.prepare(`${listSql} ORDER BY ri.priority DESC, abs(mp.probability - 0.5), ri.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset }) as ListRow[]
  return rows.map((r) => ({
    id: r.id, recordA: r.record_a, recordB: r.record_b, probability: r.probability, weight: r.weight,
    sourceA: r.source_a, rowA: r.row_a, sourceB: r.source_b, rowB: r.row_b, fileA: r.file_a, fileB: r.file_b,
    status: r.status, priority: r.priority,
  }))
}

/** How many items `listReviews` would return without limit/offset (for paging in the UI). */
export function countReviews(ws: Workspace, opts: Omit<ListReviewsOptions, 'limit' | 'offset'> = {}): number {
  return ws.sqlite.prepare(`SELECT count(*) FROM (${listSql})`).pluck().get(listParams(opts)) as number
}

function listParams(opts: ListReviewsOptions): { status: string; min: number; max: number } {
  const status = opts.status ?? 'pending'
  if (!statuses.includes(status)) throw new CdpError('InvalidInput', `Unknown review status "${String(status)}": use ${statuses.join(', ')}.`)
  const min = opts.band?.min ?? 0
  const max = opts.band?.max ?? 1
  assertBand(min, max)
  return { status, min, max }
}

/** Throws CdpError('InvalidInput') unless 0 ≤ min ≤ max ≤ 1. */
export function assertBand(min: number, max: number): void {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max > 1 || min > max) {
    throw new CdpError('InvalidInput', `A probability band needs 0 ≤ min ≤ max ≤ 1 (got ${min}..${max}).`)
  }
}

/**
 * One review item in full: both records side by side with lineage and current profile sizes, per-field
 * agreement, the stored evidence and its waterfall. Throws CdpError('NotFound') for an unknown id.
 */
export function getReview(ws: Workspace, id: number): ReviewDetail {
  const item = ws.sqlite.prepare(`
    SELECT ri.id, ri.status, ri.priority, ri.decision_id, mp.id AS pair_id, mp.record_a, mp.record_b, mp.probability,
           mp.weight, mp.band, mp.evidence, mp.run_id
    FROM review_items ri JOIN match_pairs mp ON mp.id = ri.pair_id WHERE ri.id = ?`).get(id) as
    | { id: number; status: ReviewStatus; priority: number; decision_id: number | null; pair_id: number; record_a: number
        record_b: number; probability: number; weight: number; band: string; evidence: string; run_id: number | null }
    | undefined
  if (!item) throw new CdpError('NotFound', `Review item ${id} does not exist; list the queue with "cdp review list".`)
  const a = loadReviewRecord(ws.sqlite, item.record_a)
  const b = loadReviewRecord(ws.sqlite, item.record_b)
  // A pair re-scored into the auto or non band after it was queued keeps compact evidence (see compact-evidence.ts).
  const { items, prior } = readStoredEvidence(ws.sqlite, item.evidence, item.run_id) ?? { items: [], prior: null }
  return {
    id: item.id, status: item.status, priority: item.priority, pairId: item.pair_id, probability: item.probability,
    weight: item.weight, band: item.band, decisionId: item.decision_id,
    records: [a, b],
    sameProfile: a.profileId === b.profileId,
    agreement: reviewFields.map((field) => ({ field, a: a.fields[field], b: b.fields[field], agreement: fieldAgreement(a.fields[field], b.fields[field]) })),
    evidence: items,
    waterfall: waterfall(items, prior, item.weight, item.probability),
  }
}
