import { z } from 'zod'

/**
 * Review queue channels: the merge candidates the resolver was unsure about, one pair of records side by
 * side with per-field agreement and the Fellegi-Sunter evidence, and the analyst's decisions (approve,
 * reject, skip, undo, a whole score band at once). Decisions take effect immediately and are stored as
 * constraints every later resolution run honours.
 */
export const reviewStatus = z.enum(['pending', 'approved', 'rejected', 'skipped'])
export type ReviewStatusValue = z.infer<typeof reviewStatus>

/** A probability band, inclusive at both ends. */
export const scoreBand = z.strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) })

export const reviewListItem = z.strictObject({
  id: z.number().int(),
  recordA: z.number().int(),
  recordB: z.number().int(),
  probability: z.number(),
  weight: z.number(),
  sourceA: z.string(),
  rowA: z.number().int(),
  sourceB: z.string(),
  rowB: z.number().int(),
  status: reviewStatus,
  priority: z.number(),
})
export type ReviewListItemView = z.infer<typeof reviewListItem>

export const fieldAgreement = z.enum(['same', 'close', 'different', 'missing'])
export type FieldAgreementValue = z.infer<typeof fieldAgreement>

const reviewRecord = z.strictObject({
  id: z.number().int(),
  source: z.string(),
  row: z.number().int(),
  profileId: z.number().int(),
  profileSize: z.number().int(),
})

export const waterfallStep = z.strictObject({
  label: z.string(),
  level: z.string().nullable(),
  valueA: z.string().nullable(),
  valueB: z.string().nullable(),
  weight: z.number(),
  total: z.number(),
})
export type WaterfallStepView = z.infer<typeof waterfallStep>

export const reviewDetail = z.strictObject({
  id: z.number().int(),
  status: reviewStatus,
  probability: z.number(),
  weight: z.number(),
  band: z.string(),
  records: z.tuple([reviewRecord, reviewRecord]),
  sameProfile: z.boolean(),
  agreement: z.array(z.strictObject({ field: z.string(), a: z.string().nullable(), b: z.string().nullable(), agreement: fieldAgreement })),
  waterfall: z.strictObject({ steps: z.array(waterfallStep), finalWeight: z.number(), probability: z.number() }),
})
export type ReviewDetailView = z.infer<typeof reviewDetail>

export const decisionResult = z.strictObject({
  reviewId: z.number().int(),
  decisionId: z.number().int().nullable(),
  status: reviewStatus,
  profileId: z.number().int().nullable(),
  alreadyTogether: z.boolean(),
})

const reviewId = z.strictObject({ id: z.number().int().positive() })

export const reviewChannels = {
  /** The queue, most useful first; `band` bounds the pair probability; counts per status for progress. */
  'review:list': {
    input: z.strictObject({
      status: z.enum(['pending', 'approved', 'rejected', 'skipped', 'all']).default('pending'),
      band: scoreBand.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.strictObject({
      items: z.array(reviewListItem),
      total: z.number().int(),
      counts: z.strictObject({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int(), skipped: z.number().int() }),
    }),
  },
  /** One item with both records, per-field agreement and the evidence waterfall. NotFound for an unknown id. */
  'review:get': { input: reviewId, output: reviewDetail },
  'review:approve': { input: reviewId, output: decisionResult },
  'review:reject': { input: reviewId, output: decisionResult },
  'review:skip': { input: reviewId, output: decisionResult },
  /** Undoes the live decision of a review item, or without `id` the latest live decision. */
  'review:undo': {
    input: z.strictObject({ id: z.number().int().positive().optional() }),
    output: z.strictObject({ decision: z.enum(['approve', 'reject']), recordsMoved: z.number().int(), reviewIds: z.array(z.number().int()) }),
  },
  /** Approves or rejects every pending item in a band (the UI confirms first). */
  'review:decide-band': {
    input: z.strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1), decision: z.enum(['approve', 'reject']) }),
    output: z.strictObject({ matched: z.number().int(), approved: z.number().int(), rejected: z.number().int(), conflicts: z.number().int() }),
  },
} as const
