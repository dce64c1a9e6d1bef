import { z } from 'zod'
import { fileRef, isoTime } from './common'

/**
 * Export channels: the destination presets, a preview (who would be in the file, exclusions by reason,
 * identifier coverage) that writes nothing, the export itself and its history. The file goes to a ref the
 * analyst chose (native save dialog in the app) or, in a browser, to the session's private folder, from
 * where `exports:download` hands its bytes to the page. Outputs never carry absolute paths.
 */
export const exportPreset = z.strictObject({
  id: z.string(),
  label: z.string(),
  format: z.enum(['csv', 'xlsx', 'json', 'ndjson']),
  consent: z.array(z.string()),
  hashable: z.boolean(),
  /** Fixed header of a platform preset; null when the columns come from the chooser. */
  columns: z.array(z.string()).nullable(),
})
export type ExportPresetView = z.infer<typeof exportPreset>

export const exportRequest = z.strictObject({
  segment: z.string().min(1).max(100),
  preset: z.string().min(1).max(40),
  hashed: z.boolean().default(false),
  columns: z.array(z.string().min(1).max(100)).max(100).optional(),
  bom: z.boolean().optional(),
  gmailDotFolding: z.boolean().optional(),
})

export const exportPreview = z.strictObject({
  segment: z.strictObject({ id: z.number().int(), name: z.string(), version: z.number().int() }),
  preset: z.string(),
  format: z.string(),
  columns: z.array(z.string()),
  members: z.number().int(),
  included: z.number().int(),
  excluded: z.record(z.string(), z.number().int()),
  coverage: z.strictObject({ email: z.number(), phone: z.number(), text: z.string() }),
  warnings: z.array(z.string()),
})
export type ExportPreviewView = z.infer<typeof exportPreview>

export const exportHistoryItem = z.strictObject({
  id: z.number().int(),
  at: isoTime,
  actor: z.string(),
  segment: z.string().nullable(),
  preset: z.string(),
  format: z.string(),
  hashed: z.boolean(),
  included: z.number().int(),
  excluded: z.record(z.string(), z.number().int()),
  fileName: z.string(),
  sha256: z.string(),
})
export type ExportHistoryItemView = z.infer<typeof exportHistoryItem>

export const exportChannels = {
  'exports:presets': { input: z.strictObject({}), output: z.array(exportPreset) },
  /** Column names the generic presets (csv, xlsx, json) can choose from. */
  'exports:columns': { input: z.strictObject({}), output: z.strictObject({ available: z.array(z.string()), defaults: z.array(z.string()) }) },
  'exports:preview': { input: exportRequest, output: exportPreview },
  /** Writes the file: to `file` when given, else to the session's folder (download it with exports:download). */
  'exports:run': {
    input: exportRequest.extend({ file: fileRef.optional(), fileName: z.string().min(1).max(200).optional() }),
    output: exportPreview.extend({ exportId: z.number().int(), fileName: z.string(), sha256: z.string(), downloadable: z.boolean() }),
  },
  /**
   * The same export as a background job (the UI should use this one: the main thread stays free while the
   * file is written). Progress via `job:progress`; `jobs:get` then holds the result: the exports:run output
   * without `downloadable`. A file written without `file` is downloaded with exports:download.
   */
  'exports:start': {
    input: exportRequest.extend({ file: fileRef.optional(), fileName: z.string().min(1).max(200).optional() }),
    output: z.strictObject({ jobId: z.string() }),
  },
  /** The bytes of a file this session wrote with exports:run or exports:start (base64), for a browser download. */
  'exports:download': {
    input: z.strictObject({ exportId: z.number().int().positive() }),
    output: z.strictObject({ fileName: z.string(), mime: z.string(), base64: z.string() }),
  },
  'exports:history': { input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }), output: z.array(exportHistoryItem) },
} as const
