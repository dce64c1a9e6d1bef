import { z } from 'zod'
import { fileRef } from './common'

const dateOrder = z.enum(['YMD', 'DMY', 'MDY'])

/** How a source's columns become fields (mirrors the engine's Mapping; column → field target). */
export const importMapping = z.strictObject({
  kind: z.enum(['person', 'event']),
  eventType: z.string().optional(),
  system: z.string().optional(),
  columns: z.record(z.string(), z.string()),
  currency: z.string().optional(),
  dateOrders: z.record(z.string(), dateOrder).optional(),
  quirks: z.array(z.string()).optional(),
})
export type ImportMapping = z.infer<typeof importMapping>

const importOptions = {
  file: fileRef,
  source: z.string().min(1).max(200).optional(),
  preset: z.string().min(1).optional(),
  mapping: importMapping.optional(),
  sheet: z.string().min(1).optional(),
  defaultCountry: z.string().length(2).optional(),
}

/** One column as sniffed from the head of the file. */
export const columnProfile = z.strictObject({
  index: z.number().int(),
  name: z.string(),
  fillRate: z.number(),
  distinct: z.number().int(),
  samples: z.array(z.string()),
  detected: z.string(),
  dateOrder: dateOrder.optional(),
})
export type ColumnProfileView = z.infer<typeof columnProfile>

/** One preview row: raw cells beside what the import would write (or why it would be quarantined). */
export const previewRow = z.strictObject({
  rowNumber: z.number().int(),
  raw: z.record(z.string(), z.string()),
  outcome: z.enum(['record', 'event', 'quarantined']),
  reason: z.string().nullable(),
  /** Normalised person fields and identifiers (field → value), events summarised as `event:<type>`. */
  normalised: z.record(z.string(), z.string()),
})
export type PreviewRow = z.infer<typeof previewRow>

export const inspectResult = z.strictObject({
  reader: z.strictObject({
    format: z.enum(['csv', 'xlsx', 'json', 'ndjson']),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    sheets: z.array(z.string()).optional(),
    sheet: z.string().optional(),
    headerLine: z.number().int().optional(),
  }),
  header: z.array(z.string()),
  /** The first rows as read (cells aligned with the header), for the file preview table. */
  rows: z.array(z.array(z.string())),
  /** Rows read to profile the columns (the head of the file, not the whole file). */
  sampled: z.number().int(),
  columns: z.array(columnProfile),
  preset: z.strictObject({ id: z.string(), label: z.string(), confidence: z.number() }).nullable(),
  mapping: importMapping,
  mappingOrigin: z.enum(['explicit', 'preset', 'saved', 'detected', 'guessed']),
  dateOrders: z.record(z.string(), z.strictObject({ order: dateOrder, ambiguous: z.boolean(), evidence: z.string(), from: z.enum(['mapping', 'data']) })),
  preview: z.array(previewRow),
})
export type InspectView = z.infer<typeof inspectResult>

/**
 * Import channels. `import:inspect` reads the head of a chosen file and proposes how to import it (the
 * wizard's preview, mapping and normalisation steps); `import:start` runs the import as a background job
 * (progress via `job:progress`, report as the job's result); `import:quarantine` lists the rows an import
 * set aside with their reasons (the wizard offers them as a CSV download).
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
      /** A job queued behind the import, run only if it succeeds: resolve identities (then refresh
       *  profiles), or only refresh profiles. Its id comes back as `followUpJobId`. */
      followUp: z.enum(['resolve', 'refresh']).optional(),
    }),
    output: z.strictObject({ jobId: z.string(), followUpJobId: z.string().optional() }),
  },
  'import:inspect': {
    input: z.strictObject({ ...importOptions, rows: z.number().int().min(10).max(2000).default(200) }),
    output: inspectResult,
  },
  'import:presets': {
    input: z.strictObject({}),
    output: z.array(z.strictObject({ id: z.string(), label: z.string(), kind: z.enum(['person', 'event']) })),
  },
  'import:quarantine': {
    input: z.strictObject({ importId: z.number().int().positive(), limit: z.number().int().min(1).max(100_000).default(10_000) }),
    output: z.strictObject({
      header: z.array(z.string()),
      total: z.number().int(),
      rows: z.array(z.strictObject({ rowNumber: z.number().int(), reason: z.string(), cells: z.array(z.string()) })),
    }),
  },
} as const
