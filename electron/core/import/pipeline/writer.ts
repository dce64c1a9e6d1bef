import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import { BuyerDetails, buyerEvidence } from './buyer-details'
import { BulkInsert } from './bulk-insert'
import { EventOwners } from './event-owners'
import {
  PERSON_COLUMNS_END, PERSON_COLUMNS_START, PERSON_CONSENTS, PERSON_EMAIL, PERSON_FIRST_NAME, PERSON_FULL_NAME, PERSON_IDENTIFIERS, PERSON_LAST_NAME,
  PERSON_OBSERVED_AT, PERSON_PHONE, type PackedEvent, type PackedPerson, type PackedRow,
} from './packed-row'
import type { WriteCounts } from './report'
import type { IsSuppressed } from './suppression'

/** Rows buffered before they are written (see ImportWriter.flush). */
const FLUSH_ROWS = 256

interface Ctx { importId: number; sourceId: number; system: string | null; at: string; firstRawRowId: number }

type EventRow = Extract<PackedRow, { 0: 'event' }>

/**
 * Writes transformed rows (the hot loop of an import). The caller owns the transaction: every call happens
 * inside the import's single transaction, so a failure anywhere leaves nothing behind.
 *
 * New rows are buffered and written in multi-row statements with ids this writer assigns (it holds the
 * write lock, so the next ids are known); what the import reads back while it runs — source keys already
 * seen, owners of identifiers — is answered for the buffered rows from memory. Call `flush()` before
 * reading the import's rows or committing.
 *
 * Events are attached to a person in this order: a later line of an order goes where its first line went;
 * then the row's customer id (`source_key`, as `external:<system>`), its email, its phone (a mailbox or
 * phone only to a holder whose first name fits the row's buyer, see EventOwners); otherwise a person record
 * of origin 'event' is created from the row's person fields.
 * A row with none of these is quarantined ('no-identity-for-event'), so no row is silently lost.
 */
export class ImportWriter {
  readonly counts: WriteCounts = {
    recordsImported: 0, recordsUpdated: 0, eventsImported: 0, rowsQuarantined: 0, recordsFromEvents: 0, recordsFromBuyerDetails: 0, eventRowsWritten: 0,
    eventsReplaced: 0, quarantineReasons: {},
  }
  private readonly orderOwners = new Map<string, number>()
  private readonly s: ReturnType<typeof prepare>
  private readonly bulk: ReturnType<typeof bulkInserts>

  /** False for a source's first events: there is nothing earlier to replace, so no delete per order. */
  private readonly sourceHadEvents: boolean
  /** False for a source's first keyed records: no key of this file can name an earlier record. */
  private readonly sourceHadKeys: boolean
  /** The records events attach to, by identifier and buyer name; see EventOwners. */
  private readonly owners: EventOwners
  /** Which event rows carry buyer details their owner's profile lacks; see BuyerDetails. */
  private readonly buyers: BuyerDetails
  /** Source keys this import wrote or updated: a second row with one is a duplicate row of the file. */
  private readonly keysSeen = new Set<string>()
  private nextRawId: number
  private nextRecordId: number
  private nextProfileId: number
  private pendingRows = 0

  constructor(db: SqliteDatabase, private readonly ctx: Ctx, private readonly isSuppressed: IsSuppressed) {
    this.s = prepare(db)
    this.bulk = bulkInserts(db, ctx)
    this.owners = new EventOwners(db)
    this.buyers = new BuyerDetails(db)
    this.sourceHadEvents = db.prepare('SELECT 1 FROM events WHERE source_id = ? LIMIT 1').pluck().get(ctx.sourceId) !== undefined
    this.sourceHadKeys = db.prepare('SELECT 1 FROM records WHERE source_id = ? AND source_key IS NOT NULL LIMIT 1').pluck()
      .get(ctx.sourceId) !== undefined
    this.nextRawId = ctx.firstRawRowId
    this.nextRecordId = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM records').pluck().get() as number
    // profiles is AUTOINCREMENT: ids never reused, so the next one is past both the sequence and the table.
    this.nextProfileId = db.prepare(`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'profiles'), 0),
      coalesce((SELECT max(id) FROM profiles), 0)) + 1`).pluck().get() as number
  }

  /** Writes one row (its raw cells always; its record or event when it has one). */
  write(row: PackedRow): void {
    if (row[0] === 'quarantined') this.quarantine(row[1], row[2], row[3])
    else if (this.suppressed(row[3])) this.quarantine(row[1], row[2], 'suppressed')
    else if (row[0] === 'record') this.writeRecord(row[1], row[2], row[3])
    else this.writeEvent(row)
    if (++this.pendingRows >= FLUSH_ROWS) this.flush()
  }

  /** Writes every buffered row, parents before children (foreign keys are checked per statement). */
  flush(): void {
    const b = this.bulk
    b.raw.flush()
    b.profiles.flush()
    b.records.flush()
    b.history.flush()
    b.idents.flush()
    b.consents.flush()
    b.events.flush()
    this.owners.clearPending()
    this.buyers.written()
    this.pendingRows = 0
  }

  private writeEvent(row: EventRow): void {
    const [, rowNumber, raw, person, events, orderKey] = row
    const owner = this.eventOwner(row)
    if (owner === 'none') return this.quarantine(rowNumber, raw, 'no-identity-for-event')
    const rawId = this.raw(rowNumber, raw, 'event', null)
    const recordId = owner === 'create' ? this.createRecord(person, rawId, 'event') : owner
    if (owner === 'create') this.counts.recordsFromEvents++
    else this.keepBuyerDetails(owner, person, rawId)
    if (orderKey !== null && !this.orderOwners.has(orderKey)) {
      this.orderOwners.set(orderKey, recordId)
      // A newer export repeats orders it already held: their events are replaced, not duplicated.
      if (this.sourceHadEvents) this.counts.eventsReplaced += this.s.delPrevEvents.run(this.ctx.sourceId, orderKey, this.ctx.importId).changes
    }
    for (const e of events) this.insertEvent(e, rawId, recordId)
    this.counts.eventsImported++
  }

  private quarantine(rowNumber: number, raw: string, reason: string): void {
    this.raw(rowNumber, raw, 'quarantined', reason)
    this.counts.rowsQuarantined++
    // Reasons like `unparseable-date:Created at` are counted by kind and column alike.
    this.counts.quarantineReasons[reason] = (this.counts.quarantineReasons[reason] ?? 0) + 1
  }

  private raw(rowNumber: number, raw: string, outcome: string, reason: string | null): number {
    const id = this.nextRawId++
    this.bulk.raw.add(id, rowNumber, raw, outcome, reason)
    return id
  }

  private suppressed(p: PackedPerson): boolean {
    const ids = p[PERSON_IDENTIFIERS]
    for (let i = 0; i < ids.length; i += 3) {
      if (ids[i] !== 'email_match' && this.isSuppressed(ids[i]!, ids[i + 1]!)) return true
    }
    return false
  }

  private writeRecord(rowNumber: number, raw: string, p: PackedPerson): void {
    const key = p[0]
    let existing: number | undefined
    if (key !== null) {
      // A key already written by this very import is a duplicate row of the file, not a newer export.
      if (this.keysSeen.has(key)) return this.quarantine(rowNumber, raw, 'duplicate-source-key')
      this.keysSeen.add(key)
      existing = this.sourceHadKeys ? this.s.findByKey.get(this.ctx.sourceId, key) as number | undefined : undefined
    }
    const rawId = this.raw(rowNumber, raw, 'record', null)
    if (existing !== undefined) {
      this.updateRecord(existing, p, rawId)
      this.counts.recordsUpdated++
    } else {
      this.createRecord(p, rawId, 'row')
      this.counts.recordsImported++
    }
  }

  /** The event's buyer details (phone, address) as a record in its owner's profile, when they are new there. */
  private keepBuyerDetails(owner: number, p: PackedPerson, rawId: number): void {
    const profileId = this.buyers.newDetails(owner, p)
    if (profileId === null) return
    this.createRecord(buyerEvidence(p), rawId, 'event', { profileId, of: owner })
    this.counts.recordsFromBuyerDetails++
  }

  /** A new record, in a new profile of its own; buyer details go to their owner's profile. */
  private createRecord(p: PackedPerson, rawId: number, origin: 'row' | 'event', detail?: { profileId: number; of: number }): number {
    const at = this.ctx.at
    // A new, empty active profile per record, as identity/membership.ts createProfile makes it, but buffered
    // with the record (an explicit id past the sequence keeps AUTOINCREMENT's never-reused promise).
    const profileId = detail?.profileId ?? this.nextProfileId++
    if (!detail) this.bulk.profiles.add(profileId)
    const id = this.nextRecordId++
    this.bulk.records.add(id, rawId, origin, origin === 'row' ? p[0] : null, profileId, ...p.slice(PERSON_COLUMNS_START, PERSON_COLUMNS_END),
      detail?.of ?? null)
    this.bulk.history.add(id, profileId)
    const ids = p[PERSON_IDENTIFIERS]
    for (let i = 0; i < ids.length; i += 3) {
      this.bulk.idents.add(id, ids[i], ids[i + 1], ids[i + 2])
      // An event later in this import may look this identifier up before the record is flushed.
      if (origin === 'event') this.owners.addPending(ids[i]!, ids[i + 1]!, id, p[PERSON_FIRST_NAME])
    }
    const consents = p[PERSON_CONSENTS]
    for (let i = 0; i < consents.length; i += 2) this.bulk.consents.add(id, consents[i], consents[i + 1], p[PERSON_OBSERVED_AT] ?? at, rawId)
    if (origin === 'event') this.buyers.created(id, profileId, p)
    return id
  }

  /** A record of an earlier import, described again: written at once (after the buffer, which holds its raw row). */
  private updateRecord(id: number, p: PackedPerson, rawId: number): void {
    const at = this.ctx.at
    this.flush()
    this.s.updRecord.run(rawId, ...p.slice(PERSON_COLUMNS_START, PERSON_COLUMNS_END), at, id)
    const ids = p[PERSON_IDENTIFIERS]
    for (let i = 0; i < ids.length; i += 3) this.s.upsIdent.run(id, ids[i], ids[i + 1], ids[i + 2], at, at)
    const consents = p[PERSON_CONSENTS]
    for (let i = 0; i < consents.length; i += 2) this.s.insConsent.run(id, consents[i], consents[i + 1], p[PERSON_OBSERVED_AT] ?? at, rawId)
    // Identifiers the newer export no longer states are dropped; the ones it repeats keep their first_seen.
    this.s.delStale.run(id, at)
  }

  private eventOwner(row: EventRow): number | 'create' | 'none' {
    const [, , , p, , orderKey, hasKey] = row
    // Every line of one order belongs to its buyer, whoever else shares the order's mailbox.
    const inherited = orderKey === null ? undefined : this.orderOwners.get(orderKey)
    if (inherited !== undefined) return inherited
    const first = p[PERSON_FIRST_NAME]
    if (p[0] !== null && this.ctx.system) {
      // A customer id names one account: no name check.
      const id = this.owners.find(`external:${this.ctx.system}`, p[0], null)
      if (id !== undefined) return id
    }
    for (const [kind, value] of [['email', p[PERSON_EMAIL]], ['phone', p[PERSON_PHONE]]] as const) {
      if (value === null) continue
      const id = this.owners.find(kind, value, first)
      if (id !== undefined) return id
    }
    return hasKey || p[PERSON_FULL_NAME] || p[PERSON_LAST_NAME] ? 'create' : 'none'
  }

  private insertEvent(e: PackedEvent, rawId: number, recordId: number): void {
    this.bulk.events.add(rawId, recordId, e[0], e[1], e[2], e[3], e[4], e[5])
    this.counts.eventRowsWritten++
  }
}

const PERSON_COLS = 'first_name, last_name, full_name, email, phone, company, street, street2, city, region, postcode, country, birth_date, gender, attributes, observed_at'
const UPSERT_IDENT = 'ON CONFLICT (record_id, kind, value) DO UPDATE SET raw = excluded.raw, last_seen = excluded.last_seen'

/**
 * The import's multi-row inserts. Values every row of the import shares (its time, source, import) are bound
 * once per statement. New records' identifiers are plain inserts: packPerson lists each (kind, value) of a
 * row once, so a record's identifiers cannot collide, and the upsert's conflict check cost a fifth of the
 * import's identifier writes.
 */
function bulkInserts(db: SqliteDatabase, ctx: Ctx): Record<'raw' | 'profiles' | 'records' | 'history' | 'idents' | 'consents' | 'events', BulkInsert> {
  const { at, sourceId, importId } = ctx
  return {
    raw: new BulkInsert(db, 'raw_rows', ['id', 'import_id', 'source_id', 'row_number', 'data', 'outcome', 'reason'], { import_id: importId, source_id: sourceId }),
    profiles: new BulkInsert(db, 'profiles', ['id', 'created_at', 'updated_at'], { created_at: at, updated_at: at }),
    records: new BulkInsert(db, 'records', ['id', 'source_id', 'raw_row_id', 'origin', 'source_key', 'profile_id', ...PERSON_COLS.split(', '),
      'created_at', 'updated_at', 'detail_of'], { source_id: sourceId, created_at: at, updated_at: at }),
    history: new BulkInsert(db, 'membership_history', ['record_id', 'to_profile', 'at', 'cause'], { at, cause: 'import' }),
    idents: new BulkInsert(db, 'identifiers', ['record_id', 'kind', 'value', 'raw', 'first_seen', 'last_seen'], { first_seen: at, last_seen: at }),
    consents: new BulkInsert(db, 'consents', ['record_id', 'channel', 'value', 'observed_at', 'raw_row_id']),
    events: new BulkInsert(db, 'events', ['source_id', 'import_id', 'raw_row_id', 'record_id', 'type', 'source_key', 'occurred_at', 'amount_minor',
      'currency', 'properties'], { source_id: sourceId, import_id: importId }),
  }
}

function prepare(db: SqliteDatabase): Record<'findByKey' | 'updRecord' | 'upsIdent' | 'delStale' | 'insConsent' | 'delPrevEvents', Statement> {
  return {
    findByKey: db.prepare('SELECT id FROM records WHERE source_id = ? AND source_key = ?').pluck(),
    updRecord: db.prepare(`UPDATE records SET raw_row_id = ?, ${PERSON_COLS.split(', ').map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`),
    upsIdent: db.prepare(`INSERT INTO identifiers (record_id, kind, value, raw, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) ${UPSERT_IDENT}`),
    delStale: db.prepare('DELETE FROM identifiers WHERE record_id = ? AND last_seen IS NOT ?'),
    insConsent: db.prepare('INSERT INTO consents (record_id, channel, value, observed_at, raw_row_id) VALUES (?, ?, ?, ?, ?)'),
    delPrevEvents: db.prepare('DELETE FROM events WHERE source_id = ? AND source_key = ? AND import_id <> ?'),
  }
}
