import { z } from 'zod'

const thresholds = z.strictObject({ autoMerge: z.number().min(0).max(1), review: z.number().min(0).max(1) })

/**
 * Identity overview channels for the home screen: the distribution of match scores (to place the
 * auto-merge and review thresholds by eye, seeing how many pairs each band holds) and which sources share
 * people. Both read only; thresholds are saved with `settings:set-thresholds`.
 */
export const identityChannels = {
  'identity:histogram': {
    input: z.strictObject({ bins: z.number().int().min(1).max(200).default(50), thresholds: thresholds.optional() }),
    output: z.strictObject({
      bins: z.array(z.strictObject({ from: z.number(), to: z.number(), pairs: z.number().int() })),
      bands: z.strictObject({ auto: z.number().int(), review: z.number().int(), non: z.number().int() }),
      thresholds,
      total: z.number().int(),
    }),
  },
  /** Profiles per source and per pair of sources (how many people two sources have in common). */
  'identity:overlap': {
    input: z.strictObject({}),
    output: z.strictObject({
      sources: z.array(z.strictObject({ name: z.string(), profiles: z.number().int(), records: z.number().int() })),
      pairs: z.array(z.strictObject({ a: z.string(), b: z.string(), profiles: z.number().int() })),
    }),
  },
} as const
