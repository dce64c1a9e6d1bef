import { z } from 'zod'

/**
 * Privacy channels: erasure ("forget this person"). The person is named by profile id, email or phone;
 * the result carries counts and the past exports that included them (to tell those recipients), never
 * identifiers.
 */
export const personTarget = z.union([
  z.strictObject({ profileId: z.number().int().positive() }),
  z.strictObject({ email: z.string().min(3).max(320) }),
  z.strictObject({ phone: z.string().min(3).max(40), country: z.string().length(2).optional() }),
])

export const privacyChannels = {
  'privacy:forget': {
    input: z.strictObject({ target: personTarget, vacuum: z.boolean().default(false) }),
    output: z.strictObject({
      profiles: z.array(z.number().int()),
      records: z.number().int(),
      events: z.number().int(),
      rawRowsDeleted: z.number().int(),
      rawRowsRedacted: z.number().int(),
      suppressed: z.number().int(),
      exports: z.array(z.strictObject({ id: z.number().int(), at: z.string(), preset: z.string() })),
    }),
  },
  /**
   * Subject access: writes everything held about the person (subject.json plus one CSV per table) to a
   * folder private to this session, audits the request, and returns subject.json for a download.
   * NotFound when the profile does not exist.
   */
  'privacy:subject-export': {
    input: z.strictObject({ profileId: z.number().int().positive() }),
    output: z.strictObject({
      profiles: z.array(z.number().int()),
      counts: z.record(z.string(), z.number().int()),
      files: z.array(z.string()),
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
    }),
  },
} as const
