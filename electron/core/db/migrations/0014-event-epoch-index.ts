import type { Migration } from './types'

/**
 * "Did X at least N times in the last …" walks one event type's entries of profile_events in profile order
 * (migration 0011) and tests each entry's time against the window. The time was the ISO text, compared
 * character by character, for every event of the type (600k at full scale, in or out of the window). This
 * index keeps the time as Unix seconds, which the planner reads from the entry and compares as an integer:
 * the behavioural benchmark rule costs about a tenth less CPU. Windows start on a whole second
 * (event-filter-sql.ts windowStart), so `unixepoch(occurred_at) >= start` keeps exactly the events the text
 * comparison kept; times unixepoch cannot read (the empty text of an event without a time) are NULL and
 * fall outside every window, as before.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'event-epoch-index',
  up(db) {
    db.exec(`
      DROP INDEX profile_events_by_type_profile;
      CREATE INDEX profile_events_by_type_profile_time ON profile_events (type, profile_id, unixepoch(occurred_at), properties);
    `)
  },
}
