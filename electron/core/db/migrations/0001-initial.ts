import type { Migration } from './types'

/**
 * The data model for the whole mission, so later work only adds.
 *
 * Lineage: every original row is kept verbatim in raw_rows (file, import, 1-based row number) whatever
 * became of it: a person record, an event, or a quarantined row with its reason. Records and events
 * point back at the raw row they came from, so every value is traceable to its source.
 *
 * Identity: profiles use AUTOINCREMENT so an id is never reused, even after erasure. A record belongs to
 * exactly one profile (records.profile_id); every change of membership is written to membership_history
 * with its cause. Human review decisions are kept on record pairs, so they survive re-runs.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
      ) STRICT;

      CREATE TABLE sources (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,  -- e.g. "Shopify customers"
        preset     TEXT,                  -- detected or chosen preset id, NULL for a custom mapping
        kind       TEXT NOT NULL CHECK (kind IN ('person', 'event')),
        system     TEXT,                  -- the system behind external ids, e.g. 'shopify' (one id per system per profile)
        mapping    TEXT,                  -- JSON: the saved column mapping, reused by the next import
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE imports (
        id               INTEGER PRIMARY KEY,
        source_id        INTEGER NOT NULL REFERENCES sources(id),
        file_name        TEXT NOT NULL,
        file_size        INTEGER NOT NULL,
        file_sha256      TEXT NOT NULL,
        sheet            TEXT,
        mapping          TEXT NOT NULL,    -- JSON: the mapping this import used
        status           TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
        rows_total       INTEGER NOT NULL DEFAULT 0,
        records_imported INTEGER NOT NULL DEFAULT 0,
        records_updated  INTEGER NOT NULL DEFAULT 0,
        events_imported  INTEGER NOT NULL DEFAULT 0,
        rows_quarantined INTEGER NOT NULL DEFAULT 0,
        report           TEXT,             -- JSON: decisions taken (date order, encoding, delimiter...)
        started_at       TEXT NOT NULL,
        finished_at      TEXT
      ) STRICT;
      CREATE INDEX imports_by_sha ON imports (file_sha256);
      CREATE INDEX imports_by_source ON imports (source_id);

      -- Every original row, verbatim, whatever became of it.
      CREATE TABLE raw_rows (
        id          INTEGER PRIMARY KEY,
        import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        row_number  INTEGER NOT NULL,      -- 1-based data row of the file (header excluded)
        data        TEXT NOT NULL,         -- JSON array of the original cells as read
        outcome     TEXT NOT NULL CHECK (outcome IN ('record', 'event', 'quarantined', 'duplicate')),
        reason      TEXT,                  -- why it was quarantined
        UNIQUE (import_id, row_number)
      ) STRICT;
      CREATE INDEX raw_rows_by_source ON raw_rows (source_id);
      CREATE INDEX raw_rows_quarantined ON raw_rows (import_id) WHERE outcome = 'quarantined';

      CREATE TABLE profiles (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused
        status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'erased')),
        merged_into INTEGER REFERENCES profiles(id),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX profiles_active ON profiles (id) WHERE status = 'active';

      -- A person as one source saw them (a contact, customer, subscriber, user, or the buyer on an order).
      CREATE TABLE records (
        id           INTEGER PRIMARY KEY,
        source_id    INTEGER NOT NULL REFERENCES sources(id),
        raw_row_id   INTEGER NOT NULL REFERENCES raw_rows(id),  -- the latest row that described this record
        origin       TEXT NOT NULL DEFAULT 'row' CHECK (origin IN ('row', 'event')),
        source_key   TEXT,               -- the source's own id (customer id, contact id), for updates on re-import
        profile_id   INTEGER NOT NULL REFERENCES profiles(id),
        first_name   TEXT,
        last_name    TEXT,
        full_name    TEXT,
        email        TEXT,               -- normalised (trimmed, lower case)
        phone        TEXT,               -- E.164
        company      TEXT,
        street       TEXT,
        street2      TEXT,
        city         TEXT,
        region       TEXT,               -- ISO 3166-2 subdivision code where known, else as given
        postcode     TEXT,
        country      TEXT,               -- ISO 3166-1 alpha-2
        birth_date   TEXT,               -- ISO 8601 date
        gender       TEXT,
        attributes   TEXT NOT NULL DEFAULT '{}',  -- JSON: other mapped, normalised fields (tags, notes, custom)
        observed_at  TEXT,               -- when the source last changed it, if the export says
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX records_source_key ON records (source_id, source_key) WHERE source_key IS NOT NULL;
      CREATE INDEX records_by_profile ON records (profile_id);
      CREATE INDEX records_by_raw_row ON records (raw_row_id);

      -- Typed, normalised identifiers per record: email, email_folded, phone, external:<system>, card_fingerprint...
      CREATE TABLE identifiers (
        id          INTEGER PRIMARY KEY,
        record_id   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL,
        value       TEXT NOT NULL,
        raw         TEXT,
        first_seen  TEXT,
        last_seen   TEXT,
        UNIQUE (record_id, kind, value)
      ) STRICT;
      CREATE INDEX identifiers_by_value ON identifiers (kind, value);

      CREATE TABLE membership_history (
        id           INTEGER PRIMARY KEY,
        record_id    INTEGER NOT NULL,    -- no FK: history outlives an erased record (it holds no PII)
        from_profile INTEGER,
        to_profile   INTEGER NOT NULL,
        cause        TEXT NOT NULL CHECK (cause IN ('import', 'auto', 'review', 'split', 'undo', 'erase')),
        score        REAL,
        decision_id  INTEGER,
        actor        TEXT,
        reason       TEXT,
        at           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX membership_by_record ON membership_history (record_id);
      CREATE INDEX membership_by_profile ON membership_history (to_profile);

      CREATE TABLE events (
        id           INTEGER PRIMARY KEY,
        source_id    INTEGER NOT NULL REFERENCES sources(id),
        import_id    INTEGER NOT NULL REFERENCES imports(id),
        raw_row_id   INTEGER NOT NULL REFERENCES raw_rows(id),
        record_id    INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,  -- the person it belongs to
        type         TEXT NOT NULL,       -- order, line_item, ticket, payment, ...
        source_key   TEXT,                -- order number, ticket id
        occurred_at  TEXT,                -- ISO 8601
        amount_minor INTEGER,             -- money in minor units (cents)
        currency     TEXT,                -- ISO 4217
        properties   TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX events_by_record ON events (record_id);
      CREATE INDEX events_by_type_time ON events (type, occurred_at);
      CREATE INDEX events_by_raw_row ON events (raw_row_id);

      -- Consent as each source stated it; the latest by observed_at wins, conflicts stay visible.
      CREATE TABLE consents (
        id          INTEGER PRIMARY KEY,
        record_id   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        channel     TEXT NOT NULL,        -- email, sms, ads
        purpose     TEXT NOT NULL DEFAULT 'marketing',
        value       TEXT NOT NULL CHECK (value IN ('granted', 'denied', 'unknown')),
        observed_at TEXT,
        raw_row_id  INTEGER REFERENCES raw_rows(id)
      ) STRICT;
      CREATE INDEX consents_by_record ON consents (record_id);

      -- Scored candidate pairs of records (record_a < record_b).
      CREATE TABLE match_pairs (
        id          INTEGER PRIMARY KEY,
        record_a    INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        record_b    INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        weight      REAL NOT NULL,        -- Fellegi-Sunter match weight, log2
        probability REAL NOT NULL,
        band        TEXT NOT NULL CHECK (band IN ('auto', 'review', 'non')),
        evidence    TEXT NOT NULL,        -- JSON: per comparison level, values and weight
        run_id      INTEGER,
        created_at  TEXT NOT NULL,
        UNIQUE (record_a, record_b),
        CHECK (record_a < record_b)
      ) STRICT;
      CREATE INDEX match_pairs_b ON match_pairs (record_b);
      CREATE INDEX match_pairs_band ON match_pairs (band, probability);

      CREATE TABLE review_items (
        id          INTEGER PRIMARY KEY,
        pair_id     INTEGER NOT NULL UNIQUE REFERENCES match_pairs(id) ON DELETE CASCADE,
        status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'skipped')),
        priority    REAL NOT NULL DEFAULT 0,
        decision_id INTEGER REFERENCES decisions(id),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_items_queue ON review_items (status, priority DESC);

      -- Human decisions on record pairs: must-link and cannot-link for every later run.
      CREATE TABLE decisions (
        id          INTEGER PRIMARY KEY,
        record_a    INTEGER NOT NULL,
        record_b    INTEGER NOT NULL,
        decision    TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
        actor       TEXT NOT NULL,
        reason      TEXT,
        at          TEXT NOT NULL,
        undone_at   TEXT,
        CHECK (record_a < record_b)
      ) STRICT;
      CREATE INDEX decisions_by_pair ON decisions (record_a, record_b);
      CREATE INDEX decisions_by_b ON decisions (record_b);

      CREATE TABLE segments (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE segment_versions (
        id          INTEGER PRIMARY KEY,
        segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        rule        TEXT NOT NULL,        -- JSON: the rule AST (shared/domain/segment-rule)
        created_at  TEXT NOT NULL,
        UNIQUE (segment_id, version)
      ) STRICT;

      CREATE TABLE exports (
        id                 INTEGER PRIMARY KEY,
        actor              TEXT NOT NULL,
        at                 TEXT NOT NULL,
        segment_id         INTEGER REFERENCES segments(id) ON DELETE SET NULL,
        segment_version_id INTEGER REFERENCES segment_versions(id) ON DELETE SET NULL,
        preset             TEXT NOT NULL,
        format             TEXT NOT NULL,
        hashed             INTEGER NOT NULL DEFAULT 0,
        columns            TEXT NOT NULL,  -- JSON
        included           INTEGER NOT NULL,
        excluded           TEXT NOT NULL,  -- JSON: counts by reason
        file_name          TEXT NOT NULL,
        file_sha256        TEXT NOT NULL
      ) STRICT;

      -- The membership snapshot of an export, so it can be reproduced.
      CREATE TABLE export_members (
        export_id  INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        profile_id INTEGER NOT NULL,
        PRIMARY KEY (export_id, profile_id)
      ) STRICT, WITHOUT ROWID;

      -- Keyed hashes (HMAC, per-workspace secret) of erased people's identifiers: never the identifiers.
      CREATE TABLE suppressions (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL,          -- email, phone, external:<system>
        hmac       TEXT NOT NULL,
        reason     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (kind, hmac)
      ) STRICT;

      -- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical entry).
      CREATE TABLE audit_log (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT,
        details   TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE jobs (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        params      TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
        progress    TEXT,
        result      TEXT,
        error       TEXT,
        created_at  TEXT NOT NULL,
        started_at  TEXT,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX jobs_by_status ON jobs (status);
    `)
  },
}
