import type { Migration } from './types'

/** The profile_summary columns a segment rule can read, in the order of profile_facts. */
export const segmentFactColumns = [
  'profile_id', 'country', 'city', 'email', 'consent_email', 'consent_sms', 'consent_ads', 'order_count', 'spend_minor',
  'record_count', 'first_order_at', 'last_order_at', 'last_seen_at', 'tags', 'display_name', 'first_name', 'last_name',
  'phone', 'company', 'street', 'region', 'postcode', 'birth_date', 'gender',
] as const

/**
 * Segment counts at full scale (400k profiles). A count scans one row per profile; profile_summary rows carry
 * JSON for display (spend per currency, sources, consent provenance) that no rule reads, about half of
 * each row, so a scan decrypted and stepped through twice the pages it needed. profile_facts holds only
 * what rules read, written alongside the summary on refresh.
 *
 * Event property filters read profile_events.properties once per event in the window; the column now holds
 * SQLite's binary JSON (JSONB), which json_extract reads without parsing text. The table is derived, so it
 * is rebuilt here with its rows converted; its primary key (type, time) and by-profile index are unchanged.
 * (Built through a main-schema copy: ALTER TABLE RENAME or a TEMP table left the connection unable to
 * checkpoint after a later rekey, "database table is locked".)
 */
export const migration0008: Migration = {
  version: 8,
  name: 'segment-facts',
  up(db) {
    const columns = segmentFactColumns.join(', ')
    db.exec(`
      CREATE TABLE profile_facts (
        profile_id     INTEGER PRIMARY KEY,
        country        TEXT,
        city           TEXT,
        email          TEXT,
        consent_email  TEXT,
        consent_sms    TEXT,
        consent_ads    TEXT,
        order_count    INTEGER NOT NULL,
        spend_minor    INTEGER NOT NULL,
        record_count   INTEGER NOT NULL,
        first_order_at TEXT,
        last_order_at  TEXT,
        last_seen_at   TEXT,
        tags           TEXT NOT NULL,      -- JSON array, union over records
        display_name   TEXT,
        first_name     TEXT,
        last_name      TEXT,
        phone          TEXT,
        company        TEXT,
        street         TEXT,
        region         TEXT,
        postcode       TEXT,
        birth_date     TEXT,
        gender         TEXT
      ) STRICT;
      INSERT INTO profile_facts (${columns}) SELECT ${columns} FROM profile_summary;

      CREATE TABLE profile_events_copy AS SELECT * FROM profile_events;
      DROP TABLE profile_events;
      CREATE TABLE profile_events (
        type         TEXT NOT NULL,
        occurred_at  TEXT NOT NULL,
        profile_id   INTEGER NOT NULL,
        event_id     INTEGER NOT NULL,
        amount_minor INTEGER,
        currency     TEXT,
        source_key   TEXT,
        properties   BLOB NOT NULL,        -- JSONB: read it with json_extract / json()
        PRIMARY KEY (type, occurred_at, profile_id, event_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO profile_events
        SELECT type, occurred_at, profile_id, event_id, amount_minor, currency, source_key, jsonb(properties) FROM profile_events_copy;
      DROP TABLE profile_events_copy;
      CREATE INDEX profile_events_by_profile ON profile_events (profile_id);
    `)
  },
}
