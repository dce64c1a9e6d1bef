import type { Migration } from './types'

/**
 * Everything derived per profile: the golden record with provenance, a wide summary row for fast
 * segment evaluation and listing, custom traits, and a trigram search index.
 *
 * All of it can be rebuilt from records/events/consents, so it holds no information of its own: erasure
 * deletes it (removeProfileDerivedData) and a refresh recreates it. No foreign keys to profiles, so a
 * refresh may write rows in any order and erasure can delete in any order.
 *
 * The summary duplicates the golden values as columns on purpose: a segment count scans one narrow
 * table instead of joining an attribute/value table once per condition.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'profiles-derived',
  up(db) {
    db.exec(`
      CREATE TABLE golden_values (
        profile_id  INTEGER NOT NULL,
        attribute   TEXT NOT NULL,
        value       TEXT NOT NULL,
        record_id   INTEGER NOT NULL,
        raw_row_id  INTEGER NOT NULL,
        source_id   INTEGER NOT NULL,
        import_id   INTEGER NOT NULL,
        rule        TEXT NOT NULL,          -- the survivorship rule that made this value win
        observed_at TEXT,
        PRIMARY KEY (profile_id, attribute)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE profile_summary (
        profile_id     INTEGER PRIMARY KEY,
        display_name   TEXT,
        first_name     TEXT,
        last_name      TEXT,
        email          TEXT,
        phone          TEXT,
        company        TEXT,
        street         TEXT,
        city           TEXT,
        region         TEXT,
        postcode       TEXT,
        country        TEXT,
        birth_date     TEXT,
        gender         TEXT,
        record_count   INTEGER NOT NULL,
        order_count    INTEGER NOT NULL,
        spend_minor    INTEGER NOT NULL,   -- order total in the workspace reporting currency
        spend          TEXT NOT NULL,      -- JSON: { currency: { total, count, average } }
        first_order_at TEXT,
        last_order_at  TEXT,
        last_seen_at   TEXT,
        sources        TEXT NOT NULL,      -- JSON array of source ids
        tags           TEXT NOT NULL,      -- JSON array, union over records
        consent_email  TEXT,               -- latest stated value per channel
        consent_sms    TEXT,
        consent_ads    TEXT,
        consent        TEXT NOT NULL,      -- JSON: per channel latest value, timestamp, source, conflicts
        refreshed_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX profile_summary_email ON profile_summary (email);
      CREATE INDEX profile_summary_last_order ON profile_summary (last_order_at);
      CREATE INDEX profile_summary_orders ON profile_summary (order_count);
      CREATE INDEX profile_summary_spend ON profile_summary (spend_minor);
      CREATE INDEX profile_summary_name ON profile_summary (display_name, profile_id);
      -- Search answers prefixes of golden values from these before touching the trigram index.
      CREATE INDEX profile_summary_name_prefix ON profile_summary (lower(display_name));
      CREATE INDEX profile_summary_last_prefix ON profile_summary (lower(last_name));
      CREATE INDEX profile_summary_company_prefix ON profile_summary (lower(company));
      CREATE INDEX profile_summary_phone ON profile_summary (phone);

      -- Source presence as rows, so "present in source X" is an index lookup.
      CREATE TABLE profile_sources (
        source_id  INTEGER NOT NULL,
        profile_id INTEGER NOT NULL,
        PRIMARY KEY (source_id, profile_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX profile_sources_by_profile ON profile_sources (profile_id);

      CREATE TABLE custom_traits (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        definition  TEXT NOT NULL,         -- JSON: aggregation, event type, property filters, window
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE profile_traits (
        profile_id INTEGER NOT NULL,
        trait_id   INTEGER NOT NULL REFERENCES custom_traits(id) ON DELETE CASCADE,
        value      TEXT,                    -- JSON scalar
        num_value  REAL,                    -- the numeric value, for segment comparisons
        PRIMARY KEY (trait_id, profile_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX profile_traits_by_profile ON profile_traits (profile_id);

      -- Names, emails, phones and companies of every record of a profile; rowid = profile id. Contentless
      -- (the text is in records already) with deletes, so erasure leaves no copy behind.
      CREATE VIRTUAL TABLE profile_search USING fts5(name, email, phone, company,
        content = '', contentless_delete = 1, tokenize = 'trigram');

      -- Dirty-profile detection reads records changed since the last refresh.
      CREATE INDEX records_by_updated ON records (updated_at);

      -- Every event with the profile it belongs to now, clustered by type and time: an event condition in a
      -- segment is one range scan, with no join to records and no lookup into events. Rebuilt per profile
      -- on refresh like the rest. occurred_at is '' when unknown (primary key columns cannot be NULL).
      CREATE TABLE profile_events (
        type         TEXT NOT NULL,
        occurred_at  TEXT NOT NULL,
        profile_id   INTEGER NOT NULL,
        event_id     INTEGER NOT NULL,
        amount_minor INTEGER,
        currency     TEXT,
        source_key   TEXT,
        properties   TEXT NOT NULL,
        PRIMARY KEY (type, occurred_at, profile_id, event_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX profile_events_by_profile ON profile_events (profile_id);
    `)
  },
}
