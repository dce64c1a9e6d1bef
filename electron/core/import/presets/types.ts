import type { FieldTarget } from '../../../../shared/domain/fields'
import type { RecordKind } from '../types'

/**
 * A source preset: how to recognise a known export from its header line and what its columns mean.
 * Column names are compared after `headerKey` (trimmed, lower case, inner whitespace collapsed), because
 * exports differ in case and spacing between versions but never in meaning.
 */
export interface PresetDefinition {
  id: string
  label: string
  kind: RecordKind
  system?: string
  eventType?: string
  quirks?: string[]
  /**
   * Groups of column names; the header must contain one name of every group for a full match. Each group
   * is a set of alternatives (API name vs report label, one header generation vs another).
   */
  signature: string[][]
  /** Columns that tell a near neighbour apart: their presence rules this preset out. */
  exclude?: string[]
  /** Known column → target. Unknown columns become `ignore` (still kept verbatim in raw_rows). */
  columns: Record<string, FieldTarget>
  /** Families of columns recognised by shape (Stripe `key (metadata)`, Salesforce `Field__c`). */
  patterns?: Array<{ test: RegExp; target: (name: string) => FieldTarget }>
}

/** The form every header name is compared in. */
export function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** `Created (UTC)` → `created_utc`: a stable attribute name from any header. */
export function attributeName(name: string): string {
  const key = headerKey(name).replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '')
  return key || 'column'
}

/** Shorthand for presets: `attr('Total Spent')` → `attribute:total_spent`. */
export const attr = (name: string): FieldTarget => `attribute:${attributeName(name)}`
