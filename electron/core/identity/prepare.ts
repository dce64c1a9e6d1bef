import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { nameIsLocalPart } from './compare'
import { NumberMemo } from './number-memo'
import { indexOfSorted } from './sorted-search'
import { AREA_CODE_REGIONS } from './area-code-regions'
import { emailLocalOf, fold, metaphones, namesFromEmail, tokens } from './text'
import { emailMatchKey } from '../import/normalize'

/** What the name-level memo must do (a Map<number, number> does it too). */
export interface LevelMemo {
  get(key: number): number | undefined
  set(key: number, value: number): unknown
  readonly size: number
}

/**
 * Records prepared once per run for blocking and comparison: folded names, phonetic codes, street number and
 * tokens, postcode, phone last-7, email parts, external ids. Stored column-wise (one array per field, index =
 * position in the run) so the hot loops touch flat arrays and allocate nothing per pair.
 */
export interface Prepared {
  readonly n: number
  readonly id: Float64Array
  readonly profile: Float64Array
  readonly source: Int32Array
  readonly rawRow: Float64Array
  readonly sourceKey: Array<string | null>
  readonly fn: string[]
  readonly ln: string[]
  /** Integer codes of the folded names (one code per distinct name), so comparisons can be memoised. */
  readonly fnCode: Int32Array
  readonly lnCode: Int32Array
  /** Memo of name comparison levels by code pair (bounded; see compare.ts): a NumberMemo, or any Map of numbers. */
  readonly nameMemo: LevelMemo
  readonly fnMeta: string[]
  readonly lnMeta: string[]
  readonly dob: string[]
  readonly houseNo: string[]
  readonly street: string[][]
  readonly streetText: string[]
  readonly postcode: string[]
  readonly city: string[]
  /**
   * State or province, upper case ('' for none). A record with no place at all (a help-desk user, a contact with
   * only a phone) takes its North American phone's area-code region instead (see placeByPhone).
   */
  readonly region: string[]
  readonly email: string[]
  readonly emailMatch: string[]
  readonly emailLocal: string[]
  readonly emailDomain: string[]
  readonly phone: string[]
  readonly phone7: string[]
  readonly company: string[][]
  /** `external:<system>` identifiers as "system:value" (a record rarely has more than one). */
  readonly extIds: string[][]
  /** 1 for a record kept from an event's buyer details (records.detail_of): blocked only on what it adds. */
  readonly detailOnly: Uint8Array
  /** Index of a buyer-detail record's owner (records.detail_of) in this run, -1 for none or not loaded. */
  readonly detailOwner: Int32Array
  /** Term frequencies of folded first and last names (count among records that have one). */
  readonly fnFreq: Map<string, number>
  readonly lnFreq: Map<string, number>
  fnTotal: number
  lnTotal: number
  /** Record id → index in this run. */
  readonly indexOf: RecordIndex
}

/** A records row as read (raw, positional: about half the cost of building an object per row). */
type RecordRow = [id: number, source: number, profile: number, rawRow: number, sourceKey: string | null, first: string | null,
  last: string | null, full: string | null, email: string | null, phone: string | null, company: string | null,
  street: string | null, street2: string | null, city: string | null, postcode: string | null, birthDate: string | null,
  detailOf: number | null, region: string | null]
const R = { Id: 0, Source: 1, Profile: 2, RawRow: 3, SourceKey: 4, First: 5, Last: 6, Full: 7, Email: 8, Phone: 9, Company: 10,
  Street: 11, Street2: 12, City: 13, Postcode: 14, Dob: 15, DetailOf: 16, Region: 17 } as const

const HOUSE_NO = /^(\d+[a-z]?)\b/
const DIGITS = /\D+/g
const SPACES = /\s+/g

const COLUMNS = `id, source_id, profile_id, raw_row_id, source_key, first_name, last_name, full_name, email, phone,
    company, street, street2, city, postcode, birth_date, detail_of, region`

/** Record id → index in a run, by binary search over the run's ids (ascending): no million-entry Map. */
export interface RecordIndex {
  get(id: number): number | undefined
}

class SortedIds implements RecordIndex {
  constructor(private readonly ids: Float64Array) {}
  get(id: number): number | undefined {
    const i = indexOfSorted(this.ids, id)
    return i < 0 ? undefined : i
  }
}

/**
 * Loads records into the column-wise form: every record of the workspace, or only `ids` (explaining one
 * pair, or an incremental run's new records and their partners). Records are in id order (RecordIndex relies
 * on it). Reads only; no transaction needed. Name frequencies are counted over the loaded records.
 */
export function prepareRecords(db: SqliteDatabase, ids?: readonly number[]): Prepared {
  // One read transaction: the count, the pages of records and their identifiers see one state of the workspace.
  const read = db.transaction(readRecords)
  if (ids) return read(db, ids)
  // A whole-workspace read visits every page once: kept in the page cache (256 MB by default) they would
  // only hold memory through blocking and scoring, which never read the database.
  const cache = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = ${SCAN_CACHE_KIB}`)
  try {
    return read(db)
  } finally {
    db.pragma(`cache_size = ${cache}`)
  }
}

/** Records a whole-workspace read takes from SQLite at a time. */
const PAGE_ROWS = 2048

/** Page cache while reading the whole workspace (negative: KiB). */
const SCAN_CACHE_KIB = -8192

function readRecords(db: SqliteDatabase, ids?: readonly number[]): Prepared {
  // A JSON list, not one parameter per id: an incremental run loads tens of thousands of records by id.
  const idList = ids ? JSON.stringify(ids) : ''
  const rowsList = ids ? (db.prepare(`SELECT ${COLUMNS} FROM records WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .raw().all(idList) as RecordRow[]) : undefined
  const n = rowsList ? rowsList.length : (db.prepare('SELECT count(*) FROM records').pluck().get() as number)
  const p = emptyPrepared(n)
  const memo = new Memos()
  let i = 0
  const owners: Array<[detail: number, ownerId: number]> = []
  const fill = (rows: RecordRow[]): void => {
    for (const r of rows) {
      if (i >= n) break
      fillRecord(p, i, r, memo)
      const owner = r[R.DetailOf]
      if (owner !== null) owners.push([i, owner])
      i++
    }
  }
  if (rowsList) fill(rowsList)
  else {
    // Pages of rows by id, not a row at a time: each step of an iterator out of SQLite costs about a microsecond.
    const page = db.prepare(`SELECT ${COLUMNS} FROM records WHERE id > ? ORDER BY id LIMIT ${PAGE_ROWS}`).raw()
    for (let after = -Infinity; ;) {
      const rows = page.all(after) as RecordRow[]
      fill(rows)
      if (rows.length < PAGE_ROWS || i >= n) break
      after = rows[rows.length - 1]![R.Id]
    }
  }
  for (const [detail, ownerId] of owners) p.detailOwner[detail] = p.indexOf.get(ownerId) ?? -1
  fillIdentifiers(db, p, ids ? idList : undefined)
  countNames(p)
  return p
}

/**
 * A record's email_match and external ids, one row per record: a grouped scan of the covering (record_id, kind,
 * value) index, in record order, so the rows meet the records by a cursor instead of a search per row. Half
 * the rows of a row per identifier (each row out of SQLite costs about as much as its values). Not a range on
 * kind: the planner then takes the (kind, value) index and reads the table row by row, three times slower.
 * Several email_match values (never written: one per email) would keep the last in index order, as before;
 * the external ids come in index (kind, value) order: one as text, several as a JSON array in a blob (the
 * type tells them apart, whatever the text).
 */
function fillIdentifiers(db: SqliteDatabase, p: Prepared, idList?: string): void {
  const ext = "kind LIKE 'external:%'"
  const extId = "substr(kind, 10) || ':' || value"
  const select = `SELECT record_id, max(value) FILTER (WHERE kind = 'email_match'),
      CASE WHEN count(*) FILTER (WHERE ${ext}) > 1 THEN CAST(json_group_array(${extId}) FILTER (WHERE ${ext}) AS BLOB)
        ELSE max(${extId}) FILTER (WHERE ${ext}) END
    FROM identifiers WHERE (kind = 'email_match' OR ${ext})`
  let k = 0
  const fill = (rows: IdentifierRow[]): void => {
    for (const [recordId, match, ids] of rows) {
      while (k < p.n && p.id[k]! < recordId) k++
      if (k === p.n) break
      if (p.id[k] !== recordId) continue
      if (match !== null) p.emailMatch[k] = greatestKey(p.email[k]!, match)
      if (ids !== null) p.extIds[k] = typeof ids === 'string' ? [ids] : (JSON.parse(ids.toString('utf8')) as string[])
    }
  }
  if (idList !== undefined) {
    fill(db.prepare(`${select} AND record_id IN (SELECT value FROM json_each(?)) GROUP BY record_id ORDER BY record_id`).raw().all(idList) as IdentifierRow[])
    return
  }
  // In pages, as the records are read.
  const page = db.prepare(`${select} AND record_id > ? GROUP BY record_id ORDER BY record_id LIMIT ${PAGE_ROWS}`).raw()
  for (let after = -Infinity; ;) {
    const rows = page.all(after) as IdentifierRow[]
    fill(rows)
    if (rows.length < PAGE_ROWS || k === p.n) break
    after = rows[rows.length - 1]![0]
  }
}
type IdentifierRow = [recordId: number, emailMatch: string | null, extIds: string | Buffer | null]

/**
 * The match key of a record with an email_match row: the greater of that row's key and the primary email's own,
 * as SQL's max() over a key per email. The import stores the primary email's key only when it differs from the
 * email (see readEmails in person-draft.ts), so a row may be a secondary email's alone. Usually the result is
 * the email itself: the one string is kept rather than a copy per record.
 */
function greatestKey(email: string, match: string): string {
  if (email === '') return match
  const own = emailMatchKey(email)
  const key = own > match ? own : match
  return key === email ? email : key
}

/**
 * The one empty token list every record without a street, company or external id shares: a million empty
 * arrays were ~100 MB at 1.3M records. Never pushed to (prepareRecords replaces it on the first id).
 */
const NONE: string[] = []

function emptyPrepared(n: number): Prepared {
  const strings = (): string[] => new Array<string>(n).fill('')
  const id = new Float64Array(n)
  return {
    n, id, profile: new Float64Array(n), source: new Int32Array(n), rawRow: new Float64Array(n),
    sourceKey: new Array<string | null>(n).fill(null),
    fn: strings(), ln: strings(), fnCode: new Int32Array(n), lnCode: new Int32Array(n), nameMemo: new NumberMemo(), fnMeta: strings(), lnMeta: strings(), dob: strings(),
    houseNo: strings(), street: new Array<string[]>(n).fill(NONE), streetText: strings(), postcode: strings(), city: strings(), region: strings(),
    email: strings(), emailMatch: strings(), emailLocal: strings(), emailDomain: strings(), phone: strings(), phone7: strings(),
    company: new Array<string[]>(n).fill(NONE), extIds: new Array<string[]>(n).fill(NONE), detailOnly: new Uint8Array(n), detailOwner: new Int32Array(n).fill(-1),
    fnFreq: new Map(), lnFreq: new Map(), fnTotal: 0, lnTotal: 0, indexOf: new SortedIds(id),
  }
}

/** Entries each memo keeps: enough for every distinct street of a large workspace, bounded all the same. */
const MEMO_LIMIT = 500_000

/**
 * Per-value work done once per distinct value: names, streets, cities, postcodes, dates, phones and companies
 * repeat across records (a person in five sources, a household, thousands of Johns). Equal values also come
 * out as one shared string, which is most of the prepared fields' memory at a million records.
 */
class Memos {
  readonly names = new Map<string, Name>()
  readonly full = new Map<string, string[]>()
  readonly streets = new Map<string, Street>()
  readonly cities = new Map<string, string>()
  readonly regions = new Map<string, string>()
  readonly postcodes = new Map<string, string>()
  readonly dates = new Map<string, string>()
  readonly domains = new Map<string, string>()
  readonly phones = new Map<string, readonly [string, string]>()
  readonly companies = new Map<string, string[]>()
  /** Street words and house numbers: "road", "12" repeat across thousands of distinct streets. */
  readonly words = new Map<string, string>()
  readonly parseStreet = (raw: string): Street => parseStreet(raw, this.words)

  /** Raw name → [folded, metaphone 1, metaphone 2]. */
  name(value: string | null): Name {
    return value ? memoised(this.names, value, foldName) : EMPTY_NAME
  }
}

function memoised<T>(m: Map<string, T>, value: string, make: (value: string) => T): T {
  let v = m.get(value)
  if (v === undefined) {
    v = make(value)
    if (m.size < MEMO_LIMIT) m.set(value, v)
  }
  return v
}

/** [folded name, metaphone 1, metaphone 2]. */
type Name = readonly [string, string, string]

function foldName(value: string): Name {
  const folded = fold(value)
  return [folded, ...metaphones(folded)]
}
const EMPTY_NAME = ['', '', ''] as const

interface Street {
  houseNo: string
  tokens: string[]
  text: string
}

function parseStreet(raw: string, words: Map<string, string>): Street {
  const street = fold(raw)
  const house = HOUSE_NO.exec(street)
  const streetTokens = tokens(house ? street.slice(house[0].length) : street).map((w) => memoised(words, w, same))
  return {
    houseNo: house ? memoised(words, house[1]!, same) : '', tokens: streetTokens.length > 0 ? streetTokens : NONE, text: streetTokens.join(' '),
  }
}
const same = (v: string): string => v
const NO_STREET: Street = { houseNo: '', tokens: NONE, text: '' }

/**
 * The record's [folded name, metaphone 1, metaphone 2] for first and last name: its own names, else the
 * words of its full name, else the names its mailbox spells. A name kept from the record's own column keeps
 * that column's memo entry (folding a folded name changes nothing), so most records look each name up once.
 */
function names(r: RecordRow, memo: Memos): [first: Name, last: Name] {
  let first = memo.name(r[R.First])
  let last = memo.name(r[R.Last])
  let [fn, ln] = [first[0], last[0]]
  const full = r[R.Full]
  if ((!fn || !ln) && full) {
    const parts = memoised(memo.full, full, (v) => tokens(fold(v)))
    if (!fn && parts.length > 1) fn = parts[0]!
    // A one-word full name ("Beth", what a help desk shows) is a first name, not a surname as well.
    if (!ln && (parts.length > 1 || (parts.length === 1 && !fn))) ln = parts[parts.length - 1]!
  }
  const rawEmail = r[R.Email]
  // No surname (a newsletter signup), or a help desk's "name" that is the mailbox (sandra.schmidt): the names
  // the mailbox spells, so blocking and comparison see a name.
  if (!ln) [fn, ln] = namesFromEmail(rawEmail, fn) ?? [fn, ln]
  else if (fn.includes(' ') && nameIsLocalPart(fn, emailLocalOf(rawEmail))) [fn, ln] = namesFromEmail(rawEmail, '') ?? [fn, ln]
  // A name from elsewhere is keyed by its folded self (it was never a raw first or last name).
  if (fn !== first[0]) first = memo.name(fn)
  if (ln !== last[0]) last = memo.name(ln)
  return [first, last]
}

function fillRecord(p: Prepared, i: number, r: RecordRow, memo: Memos): void {
  p.id[i] = r[R.Id]
  p.profile[i] = r[R.Profile]
  p.source[i] = r[R.Source]
  p.rawRow[i] = r[R.RawRow]
  p.sourceKey[i] = r[R.SourceKey]
  if (r[R.DetailOf] !== null) p.detailOnly[i] = 1
  // The memo's folded string is the shared copy.
  const [first, last] = names(r, memo)
  p.fn[i] = first[0]
  p.ln[i] = last[0]
  p.fnMeta[i] = first[1]
  p.lnMeta[i] = last[1]
  const dob = r[R.Dob]
  p.dob[i] = dob ? memoised(memo.dates, dob, (v) => v.replace(DIGITS, '').slice(0, 8)) : ''
  fillPlace(p, i, r, memo)
  fillContact(p, i, r[R.Email], r[R.Phone], memo)
  placeByPhone(p, i, r[R.Phone])
  const company = r[R.Company]
  p.company[i] = company ? memoised(memo.companies, company, companyTokens) : NONE
}

function fillPlace(p: Prepared, i: number, r: RecordRow, memo: Memos): void {
  const [s1, s2] = [r[R.Street], r[R.Street2]]
  const street = s1 || s2 ? memoised(memo.streets, s1 && s2 ? `${s1} ${s2}` : (s1 || s2)!, memo.parseStreet) : NO_STREET
  p.houseNo[i] = street.houseNo
  p.street[i] = street.tokens
  p.streetText[i] = street.text
  const postcode = r[R.Postcode]
  p.postcode[i] = postcode ? memoised(memo.postcodes, postcode, (v) => v.replace(SPACES, '').toLowerCase()) : ''
  const city = r[R.City]
  p.city[i] = city ? memoised(memo.cities, city, fold) : ''
  const region = r[R.Region]
  p.region[i] = region ? memoised(memo.regions, region, (v) => v.trim().toUpperCase()) : ''
}

/**
 * A record without any place whose phone is North American is placed in its area code's state or province: where
 * the address comparison falls back to regions (one side has nothing but a region), a help-desk user's phone in
 * 713 meets a Houston customer's address as the same region, as a newsletter signup's geolocated state does. Only
 * without a place: a record's own address says where it is better than a phone number kept through a move.
 */
function placeByPhone(p: Prepared, i: number, phone: string | null): void {
  if (phone === null || p.region[i] !== '' || p.city[i] !== '' || p.postcode[i] !== '' || p.street[i]!.length > 0) return
  if (phone.length === 12 && phone.startsWith('+1')) p.region[i] = AREA_CODE_REGIONS[phone.slice(2, 5)] ?? ''
}

function fillContact(p: Prepared, i: number, rawEmail: string | null, rawPhone: string | null, memo: Memos): void {
  const email = (rawEmail ?? '').trim().toLowerCase()
  p.email[i] = email
  p.emailMatch[i] = email
  const at = email.lastIndexOf('@')
  p.emailLocal[i] = at > 0 ? email.slice(0, at) : email
  p.emailDomain[i] = at > 0 ? memoised(memo.domains, email.slice(at + 1), same) : ''
  const [phone, last7] = rawPhone ? memoised(memo.phones, rawPhone, phoneParts) : NO_PHONE
  p.phone[i] = phone
  p.phone7[i] = last7
}

function phoneParts(raw: string): readonly [string, string] {
  const phone = raw.replace(DIGITS, '')
  return [phone, phone.length >= 7 ? phone.slice(-7) : '']
}
const NO_PHONE = ['', ''] as const

function companyTokens(raw: string): string[] {
  const company = tokens(fold(raw)).filter((t) => !COMPANY_NOISE.has(t))
  return company.length > 0 ? company : NONE
}

const COMPANY_NOISE = new Set(['inc', 'ltd', 'llc', 'pty', 'co', 'corp', 'corporation', 'company', 'gmbh', 'plc', 'the', 'and', 'limited'])

function countNames(p: Prepared): void {
  let fnTotal = 0
  let lnTotal = 0
  const codes = new Map<string, number>()
  const code = (name: string): number => {
    let c = codes.get(name)
    if (c === undefined) {
      c = codes.size
      codes.set(name, c)
    }
    return c
  }
  for (let i = 0; i < p.n; i++) {
    const f = p.fn[i]!
    const l = p.ln[i]!
    p.fnCode[i] = code(f)
    p.lnCode[i] = code(l)
    if (f) {
      p.fnFreq.set(f, (p.fnFreq.get(f) ?? 0) + 1)
      fnTotal++
    }
    if (l) {
      p.lnFreq.set(l, (p.lnFreq.get(l) ?? 0) + 1)
      lnTotal++
    }
  }
  p.fnTotal = fnTotal
  p.lnTotal = lnTotal
}
