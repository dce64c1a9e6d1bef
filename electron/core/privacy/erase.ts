import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import type { Workspace } from '../db'
import { forgetKeys } from '../identity'
import { removeProfileDerivedData } from '../profiles'
import { appendAudit } from './audit'
import { findPerson, type PersonTarget } from './find'
import { rawRowsMentioning, redactCells, redactOtherPeoplesJson, type PersonNeedles } from './raw-scan'
import { addSuppressions } from './suppression'

/**
 * Erasure ("right to be forgotten"). In one transaction: the person's profiles lose their derived data
 * (golden values, summary, traits, search row); their events, records (and with them identifiers, consents,
 * match pairs, review items), the human decisions on their records and every raw row that was theirs are
 * deleted; raw rows of other people that name them have those cells redacted; their normalised identifiers
 * go to the suppression list as keyed hashes, so a later import quarantines them as 'suppressed'; the profiles
 * are marked 'erased'; and the audit log records counts and ids, never the identifiers.
 *
 * Kept on purpose: profile ids (AUTOINCREMENT, never reused) and membership history without its free-text
 * reasons (neither holds personal data), and export_members, which says which past export files included
 * the person, so the recipients of those files can be told (GDPR art. 19). secure_delete is on, so freed
 * pages are zeroed; `vacuum` also rebuilds the file.
 */
export interface ForgetOptions {
  actor: string
  vacuum?: boolean
}

export interface ForgetResult {
  profiles: number[]
  records: number
  events: number
  rawRowsDeleted: number
  rawRowsRedacted: number
  /** Other people's records/events whose free-form attributes named the person (those strings redacted). */
  valuesRedacted: number
  reviewItems: number
  decisions: number
  suppressed: number
  /** Exports whose files included the person: tell their recipients. */
  exports: { id: number; at: string; preset: string; fileName: string }[]
  auditId: number
  vacuumed: boolean
}

/** Forgets one person. Throws CdpError InvalidInput / NotFound (see findPerson); never leaves a half erasure. */
export function forgetPerson(ws: Workspace, target: PersonTarget, opts: ForgetOptions): ForgetResult {
  const db = ws.sqlite
  const result = db.transaction(() => {
    const found = findPerson(ws, target)
    const json = JSON.stringify(found.profileIds)
    const recordIds = db.prepare('SELECT id FROM records WHERE profile_id IN (SELECT value FROM json_each(?))').pluck().all(json) as number[]
    const recs = JSON.stringify(recordIds)
    const identifiers = db.prepare(`SELECT DISTINCT kind, value, raw FROM identifiers WHERE record_id IN (SELECT value FROM json_each(?))`)
      .all(recs) as { kind: string; value: string; raw: string | null }[]
    if (found.identifier) identifiers.push({ ...found.identifier, raw: null })
    const exports = db.prepare(`SELECT DISTINCT e.id, e.at, e.preset, e.file_name AS fileName FROM export_members m JOIN exports e ON e.id = m.export_id
        WHERE m.profile_id IN (SELECT value FROM json_each(?)) ORDER BY e.id`).all(json) as ForgetResult['exports']
    const needles = needlesOf(db, recs, identifiers)
    for (const id of found.profileIds) removeProfileDerivedData(ws, id)
    const counts = { ...deletePersonRows(db, recs, needles), valuesRedacted: redactOtherPeoplesJson(db, needles) }
    db.prepare("UPDATE membership_history SET reason = NULL WHERE record_id IN (SELECT value FROM json_each(?))").run(recs)
    const at = new Date().toISOString()
    db.prepare("UPDATE profiles SET status = 'erased', merged_into = NULL, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))").run(at, json)
    const suppressed = addSuppressions(db, identifiers.map(({ kind, value }) => ({ kind, value })), 'erased')
    // Contentless FTS keeps deleted tokens in its segments until they are merged: merge them now.
    db.prepare("INSERT INTO profile_search (profile_search) VALUES ('optimize')").run()
    const auditId = appendAudit(db, {
      actor: opts.actor, action: 'privacy.erase', subject: found.profileIds.map((p) => `profile:${p}`).join(',') || null,
      details: { by: found.by, profiles: found.profileIds, ...counts, suppressed, exports: exports.map((e) => e.id) },
    })
    return { profiles: found.profileIds, ...counts, suppressed, exports, auditId, vacuumed: false }
  })()
  // Fold the WAL back so no copy of deleted pages lingers beside the file, then optionally rebuild the file.
  db.pragma('wal_checkpoint(TRUNCATE)')
  if (opts.vacuum) {
    db.exec('VACUUM')
    db.pragma('wal_checkpoint(TRUNCATE)')
    result.vacuumed = true
  }
  return result
}

function needlesOf(db: SqliteDatabase, recs: string, identifiers: { kind: string; value: string; raw: string | null }[]): PersonNeedles {
  const cols = db.prepare('SELECT email, phone FROM records WHERE id IN (SELECT value FROM json_each(?))').all(recs) as { email: string | null; phone: string | null }[]
  const emails = new Set<string>(identifiers.filter((i) => i.kind === 'email').map((i) => i.value))
  const phones = new Set<string>(identifiers.filter((i) => i.kind === 'phone').map((i) => i.value))
  for (const c of cols) {
    if (c.email) emails.add(c.email)
    if (c.phone) phones.add(c.phone)
  }
  const raws = identifiers.filter((i) => i.kind !== 'email_match' && i.raw !== null && i.raw.trim().length >= 3).map((i) => i.raw!.trim())
  return { emails: [...emails], phones: [...phones], raws: [...new Set(raws)] }
}

type Counts = Pick<ForgetResult, 'records' | 'events' | 'rawRowsDeleted' | 'rawRowsRedacted' | 'reviewItems' | 'decisions'>

function deletePersonRows(db: SqliteDatabase, recs: string, needles: PersonNeedles): Counts {
  const own = new Set(db.prepare(`SELECT raw_row_id FROM records WHERE id IN (SELECT value FROM json_each(@r))
      UNION SELECT raw_row_id FROM events WHERE record_id IN (SELECT value FROM json_each(@r))
      UNION SELECT raw_row_id FROM consents WHERE record_id IN (SELECT value FROM json_each(@r)) AND raw_row_id IS NOT NULL`).pluck().all({ r: recs }) as number[])
  const mentioned = rawRowsMentioning(db, needles)
  const reviewItems = db.prepare(`SELECT count(*) FROM review_items WHERE pair_id IN (SELECT id FROM match_pairs
      WHERE record_a IN (SELECT value FROM json_each(@r)) OR record_b IN (SELECT value FROM json_each(@r)))`).pluck().get({ r: recs }) as number
  const decisions = db.prepare(`DELETE FROM decisions WHERE record_a IN (SELECT value FROM json_each(@r)) OR record_b IN (SELECT value FROM json_each(@r))`)
  db.prepare(`DELETE FROM match_pairs WHERE record_a IN (SELECT value FROM json_each(@r)) OR record_b IN (SELECT value FROM json_each(@r))`).run({ r: recs })
  const events = db.prepare('DELETE FROM events WHERE record_id IN (SELECT value FROM json_each(?))').run(recs).changes
  forgetKeys(db, JSON.parse(recs) as number[])
  const records = db.prepare('DELETE FROM records WHERE id IN (SELECT value FROM json_each(?))').run(recs).changes
  const decisionCount = decisions.run({ r: recs }).changes
  // A row still used by someone else's record, event or consent cannot go: only the cells naming the person do.
  const inUse = db.prepare(`SELECT EXISTS (SELECT 1 FROM records WHERE raw_row_id = @id) OR EXISTS (SELECT 1 FROM events WHERE raw_row_id = @id)
      OR EXISTS (SELECT 1 FROM consents WHERE raw_row_id = @id)`).pluck()
  const del = db.prepare('DELETE FROM raw_rows WHERE id = ?')
  const redact = db.prepare('UPDATE raw_rows SET data = ? WHERE id = ?')
  let rawRowsDeleted = 0
  let rawRowsRedacted = 0
  for (const id of new Set([...own, ...mentioned.keys()])) {
    if ((inUse.get({ id }) as number) === 0) {
      rawRowsDeleted += del.run(id).changes
    } else {
      const cells = mentioned.get(id) ?? (JSON.parse(db.prepare('SELECT data FROM raw_rows WHERE id = ?').pluck().get(id) as string) as string[])
      redact.run(JSON.stringify(redactCells(cells, needles)), id)
      rawRowsRedacted++
    }
  }
  return { records, events, rawRowsDeleted, rawRowsRedacted, reviewItems, decisions: decisionCount }
}
