import type { Migration } from './types'

/**
 * Indexes for privacy requests. The tables they serve (exports, export_members, suppressions, audit_log)
 * are in 0001; these make the per-person lookups cheap:
 * - "which exports included this profile" (subject access, erasure's list of recipients to tell);
 * - "which consents came from this raw row" (deleting a raw row checks its consents' foreign key, which
 *   without an index scans the whole consents table once per deleted row).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'privacy-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX export_members_by_profile ON export_members (profile_id);
      CREATE INDEX consents_by_raw_row ON consents (raw_row_id) WHERE raw_row_id IS NOT NULL;
    `)
  },
}
