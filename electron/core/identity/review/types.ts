import type { ReviewStatus } from '../../db'

/** Who decided and why: every human decision carries it into `decisions`, membership history and the audit log. */
export interface DecisionContext {
  actor: string
  reason?: string | null
}

/** Filter and page for the review queue. `status` defaults to 'pending'; 'all' lists every item. */
export interface ListReviewsOptions {
  status?: ReviewStatus | 'all'
  band?: { min?: number; max?: number }
  limit?: number
  offset?: number
}

/**
 * One queue entry. The shape is the `cdp review list --json` contract (an evaluation oracle reads it):
 * source/row are the source name and the 1-based raw row number of each record's latest source row.
 */
export interface ReviewListItem {
  id: number
  recordA: number
  recordB: number
  probability: number
  weight: number
  sourceA: string
  rowA: number
  sourceB: string
  rowB: number
  fileA: string
  fileB: string
  status: ReviewStatus
  priority: number
}

/** The fields shown side by side in a review. */
export const reviewFields = [
  'first_name', 'last_name', 'full_name', 'email', 'phone', 'company', 'street', 'street2', 'city', 'region',
  'postcode', 'country', 'birth_date', 'gender',
] as const
export type ReviewField = (typeof reviewFields)[number]

export type FieldAgreement = 'same' | 'close' | 'different' | 'missing'

/** One record as the reviewer sees it, with its lineage and the profile it currently sits in. */
export interface ReviewRecord {
  id: number
  source: string
  file: string
  row: number
  profileId: number
  profileSize: number
  fields: Record<ReviewField, string | null>
}

/** One comparison of the Fellegi-Sunter evidence, as the resolver stored it. */
export interface EvidenceItem {
  comparison: string
  level: string
  valueA: string | null
  valueB: string | null
  weight: number
}

/** A waterfall step: the prior first, then each comparison, with the running total (log2 weight). */
export interface WaterfallStep {
  label: string
  level: string | null
  valueA: string | null
  valueB: string | null
  weight: number
  total: number
}

export interface Waterfall {
  steps: WaterfallStep[]
  finalWeight: number
  probability: number
}

/** Everything a reviewer needs to decide one item. */
export interface ReviewDetail {
  id: number
  status: ReviewStatus
  priority: number
  pairId: number
  probability: number
  weight: number
  band: string
  decisionId: number | null
  records: [ReviewRecord, ReviewRecord]
  sameProfile: boolean
  agreement: Array<{ field: ReviewField; a: string | null; b: string | null; agreement: FieldAgreement }>
  evidence: EvidenceItem[]
  waterfall: Waterfall
}

export interface DecisionResult {
  reviewId: number
  decisionId: number | null
  status: ReviewStatus
  /** The profile both records are in after the decision (approve), else null. */
  profileId: number | null
  /** True when the records were already in one profile: a reject then leaves them together until a split. */
  alreadyTogether: boolean
}

export interface BandDecisionResult {
  matched: number
  approved: number
  rejected: number
  /** Approvals refused because they would join records a live cannot-link keeps apart. */
  conflicts: number
}

export interface UndoResult {
  decisionIds: number[]
  decision: 'approve' | 'reject'
  /** Records moved back to where they were before the decision. */
  recordsMoved: number
  reviewIds: number[]
}

export interface SplitResult {
  /** The profile that was split (it keeps the records not moved out, or the first group). */
  profileId: number
  /** New profile ids, one per moved-out group, in the order of `groups`. */
  newProfiles: number[]
  /** Cannot-link decisions recorded between the separated parts. */
  decisions: number
}
