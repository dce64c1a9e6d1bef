import { z } from 'zod'
import { segmentRule } from '../../domain/segment-rule'
import { isoTime } from './common'

/**
 * Segment channels: live count and sample of a rule while it is edited, saved versioned segments, the
 * overlap of two rules, and what the rule builder's pickers offer (sources, event types, custom traits,
 * saved segments). Every count reads the profiles as of the last refresh; the handlers refresh dirty
 * profiles first, exactly as `cdp segment count` does, so both answer the same number.
 */
export const sampleRow = z.strictObject({
  profileId: z.number().int(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  orderCount: z.number(),
})
export type SampleRowView = z.infer<typeof sampleRow>

export const savedSegment = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  rule: segmentRule,
  count: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
})
export type SavedSegmentView = z.infer<typeof savedSegment>

const segmentName = z.string().trim().min(1).max(100)

export const segmentChannels = {
  /** How many profiles a rule matches now, and the first few of them. InvalidInput names the bad node. */
  'segments:preview': {
    input: z.strictObject({ rule: z.unknown(), sample: z.number().int().min(0).max(100).default(10) }),
    output: z.strictObject({ count: z.number().int(), sample: z.array(sampleRow) }),
  },
  'segments:list': { input: z.strictObject({}), output: z.array(savedSegment) },
  'segments:get': { input: z.strictObject({ name: segmentName }), output: savedSegment },
  /** Creates the segment (version 1) or, when `replace` and it exists, saves a new version of its rule. */
  'segments:save': {
    input: z.strictObject({ name: segmentName, description: z.string().max(2000).default(''), rule: z.unknown(), replace: z.boolean().default(false) }),
    output: savedSegment,
  },
  'segments:delete': { input: z.strictObject({ name: segmentName }), output: z.strictObject({ deleted: z.literal(true) }) },
  /** Overlap of two saved segments. */
  'segments:overlap': {
    input: z.strictObject({ a: segmentName, b: segmentName }),
    output: z.strictObject({ a: z.number().int(), b: z.number().int(), both: z.number().int(), onlyA: z.number().int(), onlyB: z.number().int() }),
  },
  /** What the rule builder's pickers offer. */
  'segments:vocabulary': {
    input: z.strictObject({}),
    output: z.strictObject({
      sources: z.array(z.string()),
      eventTypes: z.array(z.string()),
      customTraits: z.array(z.string()),
      segments: z.array(z.string()),
    }),
  },
} as const
