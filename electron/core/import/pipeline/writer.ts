import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import { createProfile } from '../../identity/membership'
import type { EventDraft } from './event-draft'
import { MEMO_LIMIT } from './memo'
import type { PersonDraft } from './person-draft'
import type { WriteCounts } from './report'
import type { IsSuppressed } from './suppression'
import type { RowResult } from './transform'


/** Identifier rows written by one multi-row statement; a record with more uses one statement per row. */
const MAX_IDENTS_PER_STATEMENT = 16

interface Ctx { importId: number; sourceId: number; system: string | null; at: string; firstRawRowId: number }

/**
 * Writes transformed rows with prepared statements (the hot loop of an import). The caller owns the
 * transaction: every call happens inside the import's single transaction, so a failure anywhere leaves
 * nothing behind.
 *
 * Events are attached to a person in this order: the row's customer id (`source_key`, as
 * `external:<system>`), then its email, then its phone; a later line of a Shopify order inherits the
 * order's person; otherwise a person record of origin 'event' is created from the row's person fields.
 * A row with none of these is quarantined ('no-identity-for-event'), so no row is silently lost.
 */
export class ImportWriter {
  readonly counts: WriteCounts = {
    recordsImported: 0, recordsUpdated: 0, eventsImported: 0, rowsQuarantined: 0, recordsFromEvents: 0, eventRowsWritten: 0, eventsReplaced: 0,
    quarantineReasons: {},
  }
  private readonly orderOwners = new Map<string, number>()
  private readonly s: ReturnType<typeof prepare>
  private readonly upsIdentsByCount: Statement[] = []

  /** False for a source's first events: there is nothing earlier to replace, so no delete per order. */
  private readonly sourceHadEvents: boolean
  /** `kind\0value` → the record an event attaches to; see eventOwner. */
  private readonly ownerByIdent = new Map<string, number>()

  constructor(private readonly db: SqliteDatabase, private readonly ctx: Ctx, private readonly isSuppressed: IsSuppressed) {
    this.s = prepare(db)
    this.sourceHadEvents = db.prepare('SELECT 1 FROM events WHERE source_id = ? LIMIT 1').pluck().get(ctx.sourceId) !== undefined
  }

  /** Writes one row (its raw cells always; its record or event when it has one). */
  write(result: RowResult, cells: readonly string[]): void {
    if (result.outcome === 'quarantined') return this.quarantine(result.rowNumber, cells, result.reason)
    if (this.suppressed(result.person)) return this.quarantine(result.rowNumber, cells, 'suppressed')
    if (result.outcome === 'record') return this.writeRecord(result.rowNumber, cells, result.person)
    const owner = this.eventOwner(result)
    if (owner === 'none') return this.quarantine(result.rowNumber, cells, 'no-identity-for-event')
    const rawId = this.raw(result.rowNumber, cells, 'event', null)
    const recordId = owner === 'create' ? this.createRecord(result.person, rawId, 'event') : owner
    if (owner === 'create') this.counts.recordsFromEvents++
    if (result.orderKey !== null && !this.orderOwners.has(result.orderKey)) {
      this.orderOwners.set(result.orderKey, recordId)
      // A newer export repeats orders it already held: their events are replaced, not duplicated.
      if (this.sourceHadEvents) this.counts.eventsReplaced += this.s.delPrevEvents.run(this.ctx.sourceId, result.orderKey, this.ctx.importId).changes
    }
    for (const e of result.events) this.insertEvent(e, rawId, recordId)
    this.counts.eventsImported++
  }

  private quarantine(rowNumber: number, cells: readonly string[], reason: string): void {
    this.raw(rowNumber, cells, 'quarantined', reason)
    this.counts.rowsQuarantined++
    // Reasons like `unparseable-date:Created at` are counted by kind and column alike.
    this.counts.quarantineReasons[reason] = (this.counts.quarantineReasons[reason] ?? 0) + 1
  }

  private raw(rowNumber: number, cells: readonly string[], outcome: string, reason: string | null): number {
    const { importId, sourceId } = this.ctx
    return Number(this.s.insRaw.run(importId, sourceId, rowNumber, JSON.stringify(cells), outcome, reason).lastInsertRowid)
  }

  private suppressed(p: PersonDraft): boolean {
    return p.identifiers.some((i) => i.kind !== 'email_match' && this.isSuppressed(i.kind, i.value))
  }

  private writeRecord(rowNumber: number, cells: readonly string[], p: PersonDraft): void {
    const existing = p.sourceKey === null ? undefined
      : this.s.findByKey.get(this.ctx.sourceId, p.sourceKey) as { id: number; raw_row_id: number } | undefined
    // A key already written by this very import is a duplicate row of the file, not a newer export.
    if (existing && existing.raw_row_id >= this.ctx.firstRawRowId) return this.quarantine(rowNumber, cells, 'duplicate-source-key')
    const rawId = this.raw(rowNumber, cells, 'record', null)
    if (existing) {
      this.updateRecord(existing.id, p, rawId)
      this.counts.recordsUpdated++
    } else {
      this.createRecord(p, rawId, 'row')
      this.counts.recordsImported++
    }
  }

  private createRecord(p: PersonDraft, rawId: number, origin: 'row' | 'event'): number {
    const { at, sourceId } = this.ctx
    const profileId = createProfile(this.db, at)
    const f = p.fields
    const id = Number(this.s.insRecord.run(sourceId, rawId, origin, origin === 'row' ? p.sourceKey : null, profileId,
      f.first_name, f.last_name, f.full_name, f.email, f.phone, f.company, f.street, f.street2, f.city, f.region, f.postcode,
      f.country, f.birth_date, f.gender, JSON.stringify(p.attributes), p.observedAt, at, at).lastInsertRowid)
    this.s.insHistory.run(id, profileId, at)
    this.writeIdentifiersAndConsents(id, p, rawId)
    return id
  }

  private updateRecord(id: number, p: PersonDraft, rawId: number): void {
    const f = p.fields
    this.s.updRecord.run(rawId, f.first_name, f.last_name, f.full_name, f.email, f.phone, f.company, f.street, f.street2,
      f.city, f.region, f.postcode, f.country, f.birth_date, f.gender, JSON.stringify(p.attributes), p.observedAt, this.ctx.at, id)
    this.writeIdentifiersAndConsents(id, p, rawId)
    // Identifiers the newer export no longer states are dropped; the ones it repeats keep their first_seen.
    this.s.delStale.run(id, this.ctx.at)
  }

  private writeIdentifiersAndConsents(recordId: number, p: PersonDraft, rawId: number): void {
    const at = this.ctx.at
    const ids = p.identifiers
    // All of a record's identifiers in one statement: a person row carries about four, and one call
    // instead of four is most of what a row's identifiers cost outside SQLite's own B-tree work.
    if (ids.length > 0 && ids.length <= MAX_IDENTS_PER_STATEMENT) {
      const args: unknown[] = []
      for (const i of ids) args.push(recordId, i.kind, i.value, i.raw, at, at)
      this.upsertIdents(ids.length).run(args)
    } else {
      for (const i of ids) this.s.upsIdent.run(recordId, i.kind, i.value, i.raw, at, at)
    }
    for (const c of p.consents) this.s.insConsent.run(recordId, c.channel, c.value, p.observedAt ?? at, rawId)
  }

  /** The identifiers upsert for `n` rows, prepared on first use. Rows apply in order, as separate calls would. */
  private upsertIdents(n: number): Statement {
    let stmt = this.upsIdentsByCount[n]
    if (!stmt) {
      stmt = this.db.prepare(`INSERT INTO identifiers (record_id, kind, value, raw, first_seen, last_seen) VALUES
        ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}
        ON CONFLICT (record_id, kind, value) DO UPDATE SET raw = excluded.raw, last_seen = excluded.last_seen`)
      this.upsIdentsByCount[n] = stmt
    }
    return stmt
  }

  private eventOwner(r: Extract<RowResult, { outcome: 'event' }>): number | 'create' | 'none' {
    const p = r.person
    if (p.sourceKey !== null && this.ctx.system) {
      const id = this.findOwner(`external:${this.ctx.system}`, p.sourceKey)
      if (id !== undefined) return id
    }
    for (const kind of ['email', 'phone'] as const) {
      const value = kind === 'email' ? p.fields.email : p.fields.phone
      if (value === null) continue
      const id = this.findOwner(kind, value)
      if (id !== undefined) return id
    }
    const inherited = r.orderKey === null ? undefined : this.orderOwners.get(r.orderKey)
    if (inherited !== undefined) return inherited
    return r.hasKey || p.fields.full_name || p.fields.last_name ? 'create' : 'none'
  }

  /**
   * The lowest record id holding the identifier. Found ids are remembered for this import (an order's
   * lines and a customer's orders repeat the same email): records are never deleted during an import and
   * new ones get higher ids, so a found answer cannot change. Misses are not remembered, since a record
   * created from an earlier event may supply the identifier. Bounded like the normaliser memos.
   */
  private findOwner(kind: string, value: string): number | undefined {
    const key = `${kind}\0${value}`
    const known = this.ownerByIdent.get(key)
    if (known !== undefined) return known
    const id = this.s.findByIdent.get(kind, value) as number | undefined
    if (id !== undefined) {
      if (this.ownerByIdent.size >= MEMO_LIMIT) this.ownerByIdent.clear()
      this.ownerByIdent.set(key, id)
    }
    return id
  }

  private insertEvent(e: EventDraft, rawId: number, recordId: number): void {
    const { sourceId, importId } = this.ctx
    this.s.insEvent.run(sourceId, importId, rawId, recordId, e.type, e.key, e.occurredAt, e.amountMinor, e.currency, JSON.stringify(e.properties))
    this.counts.eventRowsWritten++
  }
}

function prepare(db: SqliteDatabase): Record<'insRaw' | 'findByKey' | 'insRecord' | 'updRecord' | 'insHistory' | 'upsIdent' |
  'delStale' | 'insConsent' | 'findByIdent' | 'insEvent' | 'delPrevEvents', Statement> {
  const personCols = 'first_name, last_name, full_name, email, phone, company, street, street2, city, region, postcode, country, birth_date, gender, attributes, observed_at'
  return {
    insRaw: db.prepare('INSERT INTO raw_rows (import_id, source_id, row_number, data, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)'),
    findByKey: db.prepare('SELECT id, raw_row_id FROM records WHERE source_id = ? AND source_key = ?'),
    insRecord: db.prepare(`INSERT INTO records (source_id, raw_row_id, origin, source_key, profile_id, ${personCols}, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updRecord: db.prepare(`UPDATE records SET raw_row_id = ?, ${personCols.split(', ').map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`),
    insHistory: db.prepare("INSERT INTO membership_history (record_id, from_profile, to_profile, cause, at) VALUES (?, NULL, ?, 'import', ?)"),
    upsIdent: db.prepare(`INSERT INTO identifiers (record_id, kind, value, raw, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (record_id, kind, value) DO UPDATE SET raw = excluded.raw, last_seen = excluded.last_seen`),
    delStale: db.prepare('DELETE FROM identifiers WHERE record_id = ? AND last_seen IS NOT ?'),
    insConsent: db.prepare('INSERT INTO consents (record_id, channel, value, observed_at, raw_row_id) VALUES (?, ?, ?, ?, ?)'),
    findByIdent: db.prepare('SELECT record_id FROM identifiers WHERE kind = ? AND value = ? ORDER BY record_id LIMIT 1').pluck(),
    delPrevEvents: db.prepare('DELETE FROM events WHERE source_id = ? AND source_key = ? AND import_id <> ?'),
    insEvent: db.prepare(`INSERT INTO events (source_id, import_id, raw_row_id, record_id, type, source_key, occurred_at, amount_minor, currency, properties)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  }
}
