import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * Kysely's view of the workspace schema. Kept in step with migrations/ by `tableColumns` below, which the
 * compiler checks against these interfaces and a test checks against the real database.
 * Timestamps are ISO 8601 text (UTC); JSON columns are text.
 */
export interface SettingsTable { key: string; value: string }

export interface SourcesTable {
  id: Generated<number>
  name: string
  preset: string | null
  kind: 'person' | 'event'
  system: string | null
  mapping: string | null
  created_at: string
}

export type ImportStatus = 'running' | 'done' | 'failed' | 'cancelled'
export interface ImportsTable {
  id: Generated<number>
  source_id: number
  file_name: string
  file_size: number
  file_sha256: string
  sheet: string | null
  mapping: string
  status: ImportStatus
  rows_total: Generated<number>
  records_imported: Generated<number>
  records_updated: Generated<number>
  events_imported: Generated<number>
  rows_quarantined: Generated<number>
  report: string | null
  started_at: string
  finished_at: string | null
}

export type RowOutcome = 'record' | 'event' | 'quarantined' | 'duplicate'
export interface RawRowsTable {
  id: Generated<number>
  import_id: number
  source_id: number
  row_number: number
  data: string
  outcome: RowOutcome
  reason: string | null
}

export type ProfileStatus = 'active' | 'merged' | 'erased'
export interface ProfilesTable {
  id: Generated<number>
  status: Generated<ProfileStatus>
  merged_into: number | null
  created_at: string
  updated_at: string
}

export interface RecordsTable {
  id: Generated<number>
  source_id: number
  raw_row_id: number
  origin: Generated<'row' | 'event'>
  source_key: string | null
  profile_id: number
  first_name: string | null
  last_name: string | null
  full_name: string | null
  email: string | null
  phone: string | null
  company: string | null
  street: string | null
  street2: string | null
  city: string | null
  region: string | null
  postcode: string | null
  country: string | null
  birth_date: string | null
  gender: string | null
  attributes: Generated<string>
  observed_at: string | null
  created_at: string
  updated_at: string
  /** The record whose event's buyer details this record keeps (migration 0016); null for every other record. */
  detail_of: Generated<number | null>
}

export interface IdentifiersTable {
  id: Generated<number>
  record_id: number
  kind: string
  value: string
  raw: string | null
  first_seen: string | null
  last_seen: string | null
}

export type MembershipCause = 'import' | 'auto' | 'review' | 'split' | 'undo' | 'erase'
export interface MembershipHistoryTable {
  id: Generated<number>
  record_id: number
  from_profile: number | null
  to_profile: number
  cause: MembershipCause
  score: number | null
  decision_id: number | null
  actor: string | null
  reason: string | null
  at: string
}

export interface EventsTable {
  id: Generated<number>
  source_id: number
  import_id: number
  raw_row_id: number
  record_id: number
  type: string
  source_key: string | null
  occurred_at: string | null
  amount_minor: number | null
  currency: string | null
  properties: Generated<string>
}

export type ConsentValue = 'granted' | 'denied' | 'unknown'
export interface ConsentsTable {
  id: Generated<number>
  record_id: number
  channel: string
  purpose: Generated<string>
  value: ConsentValue
  observed_at: string | null
  raw_row_id: number | null
}

export type MatchBand = 'auto' | 'review' | 'non'
export interface MatchPairsTable {
  id: Generated<number>
  record_a: number
  record_b: number
  weight: number
  probability: number
  band: MatchBand
  evidence: string
  run_id: number | null
  created_at: string
}

export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'skipped'
export interface ReviewItemsTable {
  id: Generated<number>
  pair_id: number
  status: Generated<ReviewStatus>
  priority: Generated<number>
  decision_id: number | null
  created_at: string
  updated_at: string
}

export interface DecisionsTable {
  id: Generated<number>
  record_a: number
  record_b: number
  decision: 'approve' | 'reject'
  actor: string
  reason: string | null
  at: string
  undone_at: string | null
}

export interface SegmentsTable {
  id: Generated<number>
  name: string
  description: Generated<string>
  created_at: string
  updated_at: string
}

export interface SegmentVersionsTable {
  id: Generated<number>
  segment_id: number
  version: number
  rule: string
  created_at: string
}

export interface ExportsTable {
  id: Generated<number>
  actor: string
  at: string
  segment_id: number | null
  segment_version_id: number | null
  preset: string
  format: string
  hashed: Generated<number>
  columns: string
  included: number
  excluded: string
  file_name: string
  file_sha256: string
}

export interface ExportMembersTable { export_id: number; profile_id: number }

export interface SuppressionsTable {
  id: Generated<number>
  kind: string
  hmac: string
  reason: string
  created_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor: string
  action: string
  subject: string | null
  details: Generated<string>
  prev_hash: string
  hash: string
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted'
export interface JobsTable {
  id: string
  kind: string
  params: string
  status: JobStatus
  progress: string | null
  result: string | null
  error: string | null
  created_at: string
  started_at: string | null
  finished_at: string | null
}

/** Migration 0005: derived per-profile data (rebuildable from records/events/consents). */
export interface GoldenValuesTable {
  profile_id: number
  attribute: string
  value: string
  record_id: number
  raw_row_id: number
  source_id: number
  import_id: number
  rule: string
  observed_at: string | null
}

export interface ProfileSummaryTable {
  profile_id: number
  display_name: string | null
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  company: string | null
  street: string | null
  city: string | null
  region: string | null
  postcode: string | null
  country: string | null
  birth_date: string | null
  gender: string | null
  record_count: number
  order_count: number
  spend_minor: number
  spend: string
  first_order_at: string | null
  last_order_at: string | null
  last_seen_at: string | null
  sources: string
  tags: string
  consent_email: string | null
  consent_sms: string | null
  consent_ads: string | null
  consent: string
  refreshed_at: string
}

export interface ProfileSourcesTable { source_id: number; profile_id: number }

export interface ProfileEventsTable {
  type: string
  occurred_at: string
  profile_id: number
  event_id: number
  amount_minor: number | null
  currency: string | null
  source_key: string | null
  /** JSONB (migration 0008): read it with json_extract / json(). */
  properties: Uint8Array
}

export interface CustomTraitsTable {
  id: Generated<number>
  name: string
  definition: string
  created_at: string
  updated_at: string
}

export interface ProfileTraitsTable { profile_id: number; trait_id: number; value: string | null; num_value: number | null }

/** FTS5 (trigram, contentless) over names, emails, phones, companies; rowid = profile id. */
export interface ProfileSearchTable { name: string | null; email: string | null; phone: string | null; company: string | null }
/** FTS5's own shadow tables, listed only so the schema check sees every table. Never query them. */
export interface FtsConfigTable { k: unknown; v: unknown }
export interface FtsDataTable { id: number; block: unknown }
export interface FtsDocsizeTable { id: number; sz: unknown; origin: unknown }
export interface FtsIdxTable { segid: unknown; term: unknown; pgno: unknown }

/** One identity-resolution run (migration 0003). */
export interface MatchRunsTable {
  id: Generated<number>
  started_at: string
  finished_at: string
  full: number
  records: number
  new_records: number
  candidate_pairs: number
  comparisons: number
  merged: number
  queued: number
  non_matches: number
  seconds: number
  pairs_by_key: string
  model: string
}

/** Which version (raw row) of each record identity resolution has scored. */
export interface MatchScoredTable { record_id: number; raw_row_id: number; run_id: number; keys: Buffer | null }
export interface MatchKeysTable { key: number; record_id: number }
export interface MatchNameCountsTable { key: number; count: number }

/** Migration 0008: the profile_summary columns segment rules read, so a count scans narrow rows. Derived. */
export interface ProfileFactsTable {
  profile_id: number
  country: string | null
  city: string | null
  email: string | null
  consent_email: string | null
  consent_sms: string | null
  consent_ads: string | null
  order_count: number
  spend_minor: number
  record_count: number
  first_order_at: string | null
  last_order_at: string | null
  last_seen_at: string | null
  tags: string
  display_name: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company: string | null
  street: string | null
  region: string | null
  postcode: string | null
  birth_date: string | null
  gender: string | null
}

export interface Database {
  settings: SettingsTable
  sources: SourcesTable
  imports: ImportsTable
  raw_rows: RawRowsTable
  profiles: ProfilesTable
  records: RecordsTable
  identifiers: IdentifiersTable
  membership_history: MembershipHistoryTable
  events: EventsTable
  consents: ConsentsTable
  match_pairs: MatchPairsTable
  review_items: ReviewItemsTable
  decisions: DecisionsTable
  segments: SegmentsTable
  segment_versions: SegmentVersionsTable
  exports: ExportsTable
  export_members: ExportMembersTable
  suppressions: SuppressionsTable
  audit_log: AuditLogTable
  jobs: JobsTable
  golden_values: GoldenValuesTable
  profile_summary: ProfileSummaryTable
  profile_sources: ProfileSourcesTable
  profile_events: ProfileEventsTable
  custom_traits: CustomTraitsTable
  profile_traits: ProfileTraitsTable
  profile_search: ProfileSearchTable
  profile_search_config: FtsConfigTable
  profile_search_data: FtsDataTable
  profile_search_docsize: FtsDocsizeTable
  profile_search_idx: FtsIdxTable
  match_runs: MatchRunsTable
  match_scored: MatchScoredTable
  match_keys: MatchKeysTable
  match_name_counts: MatchNameCountsTable
  profile_facts: ProfileFactsTable
}

export type Source = Selectable<SourcesTable>
export type NewSource = Insertable<SourcesTable>
export type Import = Selectable<ImportsTable>
export type NewImport = Insertable<ImportsTable>
export type ImportUpdate = Updateable<ImportsTable>
export type RawRow = Selectable<RawRowsTable>
export type Profile = Selectable<ProfilesTable>
export type PersonRecord = Selectable<RecordsTable>
export type NewPersonRecord = Insertable<RecordsTable>
export type Identifier = Selectable<IdentifiersTable>
export type Event = Selectable<EventsTable>
export type NewEvent = Insertable<EventsTable>
export type MatchPair = Selectable<MatchPairsTable>
export type ReviewItem = Selectable<ReviewItemsTable>
export type Decision = Selectable<DecisionsTable>
export type Segment = Selectable<SegmentsTable>
export type SegmentVersion = Selectable<SegmentVersionsTable>
export type ExportLogEntry = Selectable<ExportsTable>
export type AuditEntry = Selectable<AuditLogTable>
export type Job = Selectable<JobsTable>
export type GoldenValue = Selectable<GoldenValuesTable>
export type ProfileSummary = Selectable<ProfileSummaryTable>
export type CustomTrait = Selectable<CustomTraitsTable>

type ColumnList<T> = readonly (keyof T & string)[]

/** Every column of every table, in the interfaces' terms. A test compares it with the real schema. */
export const tableColumns = {
  settings: ['key', 'value'],
  sources: ['id', 'name', 'preset', 'kind', 'system', 'mapping', 'created_at'],
  imports: ['id', 'source_id', 'file_name', 'file_size', 'file_sha256', 'sheet', 'mapping', 'status', 'rows_total', 'records_imported', 'records_updated', 'events_imported', 'rows_quarantined', 'report', 'started_at', 'finished_at'],
  raw_rows: ['id', 'import_id', 'source_id', 'row_number', 'data', 'outcome', 'reason'],
  profiles: ['id', 'status', 'merged_into', 'created_at', 'updated_at'],
  records: ['id', 'source_id', 'raw_row_id', 'origin', 'source_key', 'profile_id', 'first_name', 'last_name', 'full_name', 'email', 'phone', 'company', 'street', 'street2', 'city', 'region', 'postcode', 'country', 'birth_date', 'gender', 'attributes', 'observed_at', 'created_at', 'updated_at', 'detail_of'],
  identifiers: ['id', 'record_id', 'kind', 'value', 'raw', 'first_seen', 'last_seen'],
  membership_history: ['id', 'record_id', 'from_profile', 'to_profile', 'cause', 'score', 'decision_id', 'actor', 'reason', 'at'],
  events: ['id', 'source_id', 'import_id', 'raw_row_id', 'record_id', 'type', 'source_key', 'occurred_at', 'amount_minor', 'currency', 'properties'],
  consents: ['id', 'record_id', 'channel', 'purpose', 'value', 'observed_at', 'raw_row_id'],
  match_pairs: ['id', 'record_a', 'record_b', 'weight', 'probability', 'band', 'evidence', 'run_id', 'created_at'],
  review_items: ['id', 'pair_id', 'status', 'priority', 'decision_id', 'created_at', 'updated_at'],
  decisions: ['id', 'record_a', 'record_b', 'decision', 'actor', 'reason', 'at', 'undone_at'],
  segments: ['id', 'name', 'description', 'created_at', 'updated_at'],
  segment_versions: ['id', 'segment_id', 'version', 'rule', 'created_at'],
  exports: ['id', 'actor', 'at', 'segment_id', 'segment_version_id', 'preset', 'format', 'hashed', 'columns', 'included', 'excluded', 'file_name', 'file_sha256'],
  export_members: ['export_id', 'profile_id'],
  suppressions: ['id', 'kind', 'hmac', 'reason', 'created_at'],
  audit_log: ['id', 'at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'],
  jobs: ['id', 'kind', 'params', 'status', 'progress', 'result', 'error', 'created_at', 'started_at', 'finished_at'],
  golden_values: ['profile_id', 'attribute', 'value', 'record_id', 'raw_row_id', 'source_id', 'import_id', 'rule', 'observed_at'],
  profile_summary: ['profile_id', 'display_name', 'first_name', 'last_name', 'email', 'phone', 'company', 'street', 'city', 'region', 'postcode', 'country', 'birth_date', 'gender', 'record_count', 'order_count', 'spend_minor', 'spend', 'first_order_at', 'last_order_at', 'last_seen_at', 'sources', 'tags', 'consent_email', 'consent_sms', 'consent_ads', 'consent', 'refreshed_at'],
  profile_sources: ['source_id', 'profile_id'],
  profile_events: ['type', 'occurred_at', 'profile_id', 'event_id', 'amount_minor', 'currency', 'source_key', 'properties'],
  custom_traits: ['id', 'name', 'definition', 'created_at', 'updated_at'],
  profile_traits: ['profile_id', 'trait_id', 'value', 'num_value'],
  profile_search: ['name', 'email', 'phone', 'company'],
  profile_search_config: ['k', 'v'],
  profile_search_data: ['id', 'block'],
  profile_search_docsize: ['id', 'sz', 'origin'],
  profile_search_idx: ['segid', 'term', 'pgno'],
  match_runs: ['id', 'started_at', 'finished_at', 'full', 'records', 'new_records', 'candidate_pairs', 'comparisons', 'merged', 'queued', 'non_matches', 'seconds', 'pairs_by_key', 'model'],
  match_scored: ['record_id', 'raw_row_id', 'run_id', 'keys'],
  match_keys: ['key', 'record_id'],
  match_name_counts: ['key', 'count'],
  profile_facts: ['profile_id', 'country', 'city', 'email', 'consent_email', 'consent_sms', 'consent_ads', 'order_count', 'spend_minor', 'record_count', 'first_order_at', 'last_order_at', 'last_seen_at', 'tags', 'display_name', 'first_name', 'last_name', 'phone', 'company', 'street', 'region', 'postcode', 'birth_date', 'gender'],
} as const satisfies { [K in keyof Database]: ColumnList<Database[K]> }

// Compile-time: no interface column may be missing from tableColumns.
type MissingColumns = { [K in keyof Database]: Exclude<keyof Database[K], (typeof tableColumns)[K][number]> }[keyof Database]
const _noMissingColumns: [MissingColumns] extends [never] ? true : MissingColumns = true
void _noMissingColumns
