import { z } from 'zod'
import { fileRef } from './common'

/**
 * Import channels. `import:start` runs the import as a background job (progress via `job:progress`,
 * report as the job's result). The wizard's preview/mapping channels (`import:inspect`, presets) are the
 * import domain's to add here.
 */
export const importChannels = {
  'import:start': {
    input: z.strictObject({
      file: fileRef,
      source: z.string().min(1).max(200).optional(),
      preset: z.string().min(1).optional(),
      mapping: z.unknown().optional(),
      sheet: z.string().min(1).optional(),
      defaultCountry: z.string().length(2).optional(),
      force: z.boolean().optional(),
    }),
    output: z.strictObject({ jobId: z.string() }),
  },
} as const
