/**
 * Contracts between the import stages: read → sniff/profile → map (preset or guess) → normalise → write.
 * Each stage lives in its own folder; these types are how they talk.
 */
import type { FieldTarget, ValueType } from '../../../shared/domain/fields'

// ---------- readers/ ----------

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'ndjson'

/** What the reader found out about the file; reported to the analyst and stored with the import. */
export interface ReaderInfo {
  format: FileFormat
  /** csv: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' … */
  encoding?: string
  /** csv: ',' ';' '\t' '|' */
  delimiter?: string
  /** xlsx: every sheet name, and the one being read */
  sheets?: string[]
  sheet?: string
  /** 1-based line of the header row in the file (a few exports put a title above it) */
  headerLine?: number
}

/** One data row as read: cells aligned with the header, all as strings (dates from XLSX as ISO 8601). */
export interface ReadRow {
  /** 1-based data row number (the header is not counted). */
  rowNumber: number
  cells: string[]
  /** The reader's own reason this row is unusable (wrong column count, NUL bytes…): it is quarantined. */
  error?: string
}

/** A streaming view of a file: memory must not grow with the file's size. */
export interface RowSource {
  info: ReaderInfo
  header: string[]
  rows: AsyncIterable<ReadRow>
  /** Bytes consumed so far, for progress; total is the file size. */
  bytesRead(): number
  close(): Promise<void>
}

// ---------- sniff/ ----------

export interface ColumnProfile {
  index: number
  name: string
  fillRate: number          // 0..1 over the sampled rows
  distinct: number          // distinct non-empty values in the sample
  samples: string[]         // up to 5 distinct non-empty values
  detected: ValueType
  /** For date columns: which order the data shows (e.g. 'DMY' when a day > 12 appears first). */
  dateOrder?: 'YMD' | 'DMY' | 'MDY'
}

// ---------- presets/ and mapping ----------

export type RecordKind = 'person' | 'event'

/** How a source's columns become fields. Saved per source and reused on the next import. */
export interface Mapping {
  kind: RecordKind
  /** The event type for event sources (order, line_item, ticket, payment). */
  eventType?: string
  /** The system whose ids source_key/external_id hold, e.g. 'shopify' (at most one per profile). */
  system?: string
  /** column name → target */
  columns: Record<string, FieldTarget>
  /** Default currency when the file has no currency column. */
  currency?: string
  /** Date order decided for ambiguous columns (per column name). */
  dateOrders?: Record<string, 'YMD' | 'DMY' | 'MDY'>
  /** Preset-specific quirk switches (e.g. 'shopify-order-lines': only the first line carries order fields). */
  quirks?: string[]
}

export interface PresetMatch {
  preset: string            // e.g. 'shopify-customers'
  label: string             // e.g. 'Shopify customers'
  confidence: number        // 0..1
  mapping: Mapping
}
