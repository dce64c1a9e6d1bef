import { z } from 'zod'

/** A request that carries nothing. `strictObject` so a typo'd field is an error, not silently ignored. */
export const noInput = z.strictObject({})

/**
 * An opaque handle to a file the analyst chose (native dialog in the app, a typed path or an upload in the
 * browser). The renderer shows `name` and passes `ref` back; it never needs, and never receives, the
 * absolute path. Refs live only as long as the process that issued them.
 */
export const fileRef = z.strictObject({
  ref: z.string().min(8).max(64),
  name: z.string(),
})
export type FileRef = z.infer<typeof fileRef>

/** ISO 8601 timestamp text, as stored in the workspace. */
export const isoTime = z.string().min(10)
