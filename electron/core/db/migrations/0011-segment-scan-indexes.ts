import type { Migration } from './types'

/**
 * The profile_facts columns held by the rule-scan index, in its order: country first (it is also a range),
 * the short, most tested columns next, email last (reading a column walks the entry up to it, and email is
 * most of an entry's bytes: with email third a nested any/none count took 51 ms of CPU, last 37).
 */
export const ruleScanColumns = [
  'country', 'consent_email', 'city', 'order_count', 'tags', 'consent_sms', 'consent_ads', 'spend_minor', 'record_count', 'email',
] as const

/**
 * Two covering indexes for segment counts at full scale (400k profiles, 600k events).
 *
 * profile_facts_rule_scan holds the columns the most common rules read (place, email, consent, order
 * counts, tags) without the names, street, phone and the three ISO timestamps, which are most of a row's
 * bytes: a rule that reads only these columns scans this index, about 40% of the table's pages, instead of
 * the table, and a country test (the usual first filter of a segment) becomes a range of it. Country is
 * NOCASE because rules compare text case-insensitively (`= ? COLLATE NOCASE`); an index on the plain
 * column could not serve that comparison. A rule that reads any other column scans the table as before.
 *
 * profile_events_by_type_profile serves "did X at least N times": grouping events by profile needed a
 * sort of every event in the window; walking this index yields one type's events already grouped by
 * profile, with the time and properties a filter reads, so no sort and no table lookup.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'segment-scan-indexes',
  up(db) {
    const [first, ...rest] = ruleScanColumns
    db.exec(`
      CREATE INDEX profile_facts_rule_scan ON profile_facts (${first} COLLATE NOCASE, ${rest.join(', ')});
      CREATE INDEX profile_events_by_type_profile ON profile_events (type, profile_id, occurred_at, properties);
    `)
  },
}
