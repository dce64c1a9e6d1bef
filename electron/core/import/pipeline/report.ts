import type { Mapping, ReaderInfo } from '../types'
import type { MappingOrigin } from './resolve-mapping'

/** Options of one file import. Everything is optional: defaults come from the file and the workspace. */
export interface ImportOptions {
  /** Source name; default the file's base name without extension. A newer export goes to the same source. */
  source?: string
  /** Preset id to force (see listPresets), instead of recognising it from the header. */
  preset?: string
  /** A mapping to use as is (validated); wins over presets and the saved mapping. */
  mapping?: unknown
  /** XLSX sheet name. */
  sheet?: string
  /** Country for phone numbers without an international prefix and no country column (ISO alpha-2); default the workspace setting `import.default_country`, else US. */
  defaultCountry?: string
  /** Import again even when this exact file (same SHA-256) was imported before. */
  force?: boolean
  /** Cancels the import; everything it wrote is rolled back. */
  signal?: AbortSignal
  /**
   * Parse and normalise in a worker thread while this thread writes. Default: on for files of 2 MB and
   * more. Falls back to this thread when no worker can be started.
   */
  parallel?: boolean
  /** Called at most ten times a second, and once at the end of each phase. */
  onProgress?: (p: ImportProgress) => void
}

export interface ImportProgress {
  phase: 'hashing' | 'reading' | 'committing' | 'done'
  rows: number
  bytes: number
  totalBytes: number
}

export interface DateOrderDecision {
  order: 'YMD' | 'DMY' | 'MDY'
  ambiguous: boolean
  evidence: string
  /** 'mapping' when the mapping fixed it, 'data' when decided from the file's values. */
  from: 'mapping' | 'data'
}

/** Running totals of one import; they always sum to the rows read. */
export interface WriteCounts {
  recordsImported: number
  recordsUpdated: number
  eventsImported: number
  rowsQuarantined: number
  /** Person records created from event rows whose buyer matched no known person. */
  recordsFromEvents: number
  /**
   * Person records kept from event rows whose buyer details (a phone, an address, a mailbox or a name) the owner's profile did not
   * hold yet: identity evidence, created in that profile (see BuyerDetails).
   */
  recordsFromBuyerDetails: number
  /** Rows in `events` (a Shopify order's first line yields an order and a line item). */
  eventRowsWritten: number
  /** Events of earlier imports of this source replaced because a newer export repeats their key. */
  eventsReplaced: number
  quarantineReasons: Record<string, number>
}

/**
 * What an import did. `rows` = recordsImported + recordsUpdated + eventsImported + rowsQuarantined, always.
 * `alreadyImported` is true (and every count 0) when the same file was imported before and not forced.
 */
export interface ImportReport extends WriteCounts {
  importId: number | null
  source: string
  file: string
  fileSize: number
  sha256: string
  alreadyImported: boolean
  previousImportId: number | null
  preset: { id: string; label: string; confidence: number } | null
  mappingOrigin: MappingOrigin | null
  mapping: Mapping | null
  reader: ReaderInfo | null
  dateOrders: Record<string, DateOrderDecision>
  rows: number
  durationMs: number
}
