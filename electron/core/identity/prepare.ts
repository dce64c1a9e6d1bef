import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { nameIsLocalPart } from './compare'
import { emailLocalOf, fold, metaphones, namesFromEmail, tokens } from './text'

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
  /** Memo of name comparison levels by code pair (bounded; see compare.ts). */
  readonly nameMemo: Map<number, number>
  readonly fnMeta: string[]
  readonly fnMeta2: string[]
  readonly lnMeta: string[]
  readonly lnMeta2: string[]
  readonly dob: string[]
  readonly houseNo: string[]
  readonly street: string[][]
  readonly streetText: string[]
  readonly postcode: string[]
  readonly city: string[]
  readonly email: string[]
  readonly emailMatch: string[]
  readonly emailLocal: string[]
  readonly emailDomain: string[]
  readonly phone: string[]
  readonly phone7: string[]
  readonly company: string[][]
  /** `external:<system>` identifiers as "system:value" (a record rarely has more than one). */
  readonly extIds: string[][]
  /** Term frequencies of folded first and last names (count among records that have one). */
  readonly fnFreq: Map<string, number>
  readonly lnFreq: Map<string, number>
  fnTotal: number
  lnTotal: number
  /** Record id → index in this run. */
  readonly indexOf: Map<number, number>
}

interface RecordRow {
  id: number
  source_id: number
  profile_id: number
  raw_row_id: number
  source_key: string | null
  first_name: string | null
  last_name: string | null
  full_name: string | null
  email: string | null
  phone: string | null
  company: string | null
  street: string | null
  street2: string | null
  city: string | null
  postcode: string | null
  birth_date: string | null
}

const HOUSE_NO = /^(\d+[a-z]?)\b/
const DIGITS = /\D+/g

const COLUMNS = `id, source_id, profile_id, raw_row_id, source_key, first_name, last_name, full_name, email, phone,
    company, street, street2, city, postcode, birth_date`

/**
 * Loads records into the column-wise form: every record of the workspace, or only `ids` (explaining one
 * pair, or an incremental run's new records and their partners). Reads only; no transaction needed. Name frequencies are counted over the loaded records.
 */
export function prepareRecords(db: SqliteDatabase, ids?: readonly number[]): Prepared {
  // A JSON list, not one parameter per id: an incremental run loads tens of thousands of records by id.
  const idList = ids ? JSON.stringify(ids) : ''
  const rowsList = ids ? (db.prepare(`SELECT ${COLUMNS} FROM records WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(idList) as RecordRow[]) : undefined
  const n = rowsList ? rowsList.length : (db.prepare('SELECT count(*) FROM records').pluck().get() as number)
  const p = emptyPrepared(n)
  const rows = rowsList ?? (db.prepare(`SELECT ${COLUMNS} FROM records ORDER BY id`).iterate() as IterableIterator<RecordRow>)
  const memo: NameMemo = new Map()
  let i = 0
  for (const r of rows) {
    if (i >= n) break
    fillRecord(p, i, r, memo)
    i++
  }
  const ext = (ids
    ? db.prepare(`SELECT record_id, kind, value FROM identifiers WHERE (kind = 'email_match' OR kind LIKE 'external:%')
        AND record_id IN (SELECT value FROM json_each(?))`).all(idList)
    : db.prepare(`SELECT record_id, kind, value FROM identifiers WHERE kind = 'email_match' OR kind LIKE 'external:%'`).iterate()
  ) as Iterable<{ record_id: number; kind: string; value: string }>
  for (const row of ext) {
    const k = p.indexOf.get(row.record_id)
    if (k === undefined) continue
    if (row.kind === 'email_match') p.emailMatch[k] = row.value
    else {
      const id = `${row.kind.slice(9)}:${row.value}`
      if (p.extIds[k] === NONE) p.extIds[k] = [id]
      else p.extIds[k]!.push(id)
    }
  }
  countNames(p)
  return p
}

/**
 * The one empty token list every record without a street, company or external id shares: a million empty
 * arrays were ~100 MB at 1.3M records. Never pushed to (prepareRecords replaces it on the first id).
 */
const NONE: string[] = []

function emptyPrepared(n: number): Prepared {
  const strings = (): string[] => new Array<string>(n).fill('')
  return {
    n, id: new Float64Array(n), profile: new Float64Array(n), source: new Int32Array(n), rawRow: new Float64Array(n),
    sourceKey: new Array<string | null>(n).fill(null),
    fn: strings(), ln: strings(), fnCode: new Int32Array(n), lnCode: new Int32Array(n), nameMemo: new Map(), fnMeta: strings(), fnMeta2: strings(), lnMeta: strings(), lnMeta2: strings(), dob: strings(),
    houseNo: strings(), street: new Array<string[]>(n).fill(NONE), streetText: strings(), postcode: strings(), city: strings(),
    email: strings(), emailMatch: strings(), emailLocal: strings(), emailDomain: strings(), phone: strings(), phone7: strings(),
    company: new Array<string[]>(n).fill(NONE), extIds: new Array<string[]>(n).fill(NONE),
    fnFreq: new Map(), lnFreq: new Map(), fnTotal: 0, lnTotal: 0, indexOf: new Map(),
  }
}

/** Raw name → [folded, metaphone 1, metaphone 2]: names repeat (thousands of Johns), folding and encoding them once. */
type NameMemo = Map<string, [string, string, string]>

function foldName(value: string | null, memo: NameMemo): [string, string, string] {
  if (!value) return EMPTY_NAME
  let m = memo.get(value)
  if (!m) {
    const folded = fold(value)
    m = [folded, ...metaphones(folded)]
    if (memo.size < 1_000_000) memo.set(value, m)
  }
  return m
}
const EMPTY_NAME: [string, string, string] = ['', '', '']

function splitNames(r: RecordRow, memo: NameMemo): [string, string] {
  let first = foldName(r.first_name, memo)[0]
  let last = foldName(r.last_name, memo)[0]
  if ((!first || !last) && r.full_name) {
    const parts = tokens(fold(r.full_name))
    if (!first && parts.length > 1) first = parts[0]!
    // A one-word full name ("Beth", what a help desk shows) is a first name, not a surname as well.
    if (!last && (parts.length > 1 || (parts.length === 1 && !first))) last = parts[parts.length - 1]!
  }
  return [first, last]
}

function fillRecord(p: Prepared, i: number, r: RecordRow, memo: NameMemo): void {
  p.id[i] = r.id
  p.profile[i] = r.profile_id
  p.source[i] = r.source_id
  p.rawRow[i] = r.raw_row_id
  p.sourceKey[i] = r.source_key
  p.indexOf.set(r.id, i)
  let [fn, ln] = splitNames(r, memo)
  // No surname (a newsletter signup), or a help desk's "name" that is the mailbox (sandra.schmidt): the names
  // the mailbox spells, so blocking and comparison see a name.
  if (!ln) [fn, ln] = namesFromEmail(r.email, fn) ?? [fn, ln]
  else if (fn.includes(' ') && nameIsLocalPart(fn, emailLocalOf(r.email))) [fn, ln] = namesFromEmail(r.email, '') ?? [fn, ln]
  p.fn[i] = fn
  p.ln[i] = ln
  // Keyed by the folded name here (a name from full_name was never a raw first or last name).
  ;[, p.fnMeta[i], p.fnMeta2[i]] = foldName(fn, memo)
  ;[, p.lnMeta[i], p.lnMeta2[i]] = foldName(ln, memo)
  p.dob[i] = (r.birth_date ?? '').replace(DIGITS, '').slice(0, 8)
  const street = fold([r.street, r.street2].filter(Boolean).join(' '))
  const house = HOUSE_NO.exec(street)
  p.houseNo[i] = house ? house[1]! : ''
  const streetTokens = tokens(house ? street.slice(house[0].length) : street)
  p.street[i] = streetTokens.length > 0 ? streetTokens : NONE
  p.streetText[i] = p.street[i]!.join(' ')
  p.postcode[i] = (r.postcode ?? '').replace(/\s+/g, '').toLowerCase()
  p.city[i] = fold(r.city)
  const email = (r.email ?? '').trim().toLowerCase()
  p.email[i] = email
  p.emailMatch[i] = email
  const at = email.lastIndexOf('@')
  p.emailLocal[i] = at > 0 ? email.slice(0, at) : email
  p.emailDomain[i] = at > 0 ? email.slice(at + 1) : ''
  const phone = (r.phone ?? '').replace(DIGITS, '')
  p.phone[i] = phone
  p.phone7[i] = phone.length >= 7 ? phone.slice(-7) : ''
  const company = r.company ? tokens(fold(r.company)).filter((t) => !COMPANY_NOISE.has(t)) : NONE
  p.company[i] = company.length > 0 ? company : NONE
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
