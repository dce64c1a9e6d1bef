import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { blockingKeys, EXTERNAL_ID_KEY } from './blocking'
import type { Prepared } from './prepare'

/**
 * The stored blocking keys (migration 0010) that let an incremental run read only the records new ones can
 * pair with. Every key value is kept as a 53-bit hash of key position and value; name frequencies are counted
 * under the same hashing. The caller owns the transaction for the writes.
 *
 * Kept exact for scored records: a full (or first) run rewrites everything, an incremental run adds its new
 * records and takes out the old entries of re-imported ones. An erased record's entries stay behind (they
 * hold no values, only hashes): lookups join `records`, and its name still counts in the frequencies until
 * the next full run.
 *
 * Two regions of one table: a full run writes each hash h as itself (the base, keys ≥ 0, in key order), an
 * incremental run writes its records' entries as -1 - h (the recent region, keys < 0); a lookup reads both.
 * Hashes are random, so a few new records' entries land on nearly every page of a large base: at 288k
 * records, 10k new records dirtied 10,373 of its 11,843 pages, two thirds of everything the incremental run
 * wrote (and committing and checkpointing a page is two encryptions and a decryption). In the small recent
 * region they touch a few hundred. Once it holds more entries than the workspace has records (about an
 * eighth of the base), a run folds it into the base.
 */

/** The recent-region form of hash h (see above): negative, and exact like h. */
export const recentKey = (h: number): number => -1 - h

/** FNV-1a twice (two offsets) folded into 53 bits: exact as a JS number and as an SQLite integer. */
export function keyHash(kind: number, value: string): number {
  let h1 = 0x811c9dc5 ^ kind
  let h2 = 0x01000193 ^ (kind * 0x9e3779b1)
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff)
}

/** Kinds for name counts, after the blocking keys' positions (the external id key included). */
const FIRST_NAME = 1000
const LAST_NAME = 1001

/** The hashes of record i's blocking key values (distinct), each with the block-size cap of its key. */
export function recordKeyHashes(p: Prepared, i: number, maxBlock = 100): Array<{ hash: number; cap: number }> {
  const out = new Map<number, number>()
  for (let k = 0; k < blockingKeys.length; k++) {
    const key = blockingKeys[k]!
    const v = key.key(p, i)
    if (v !== '') out.set(keyHash(k, v), Math.min(maxBlock, key.maxBlock ?? maxBlock))
  }
  for (const id of p.extIds[i]!) out.set(keyHash(EXTERNAL_ID_KEY, id), maxBlock)
  return [...out].map(([hash, cap]) => ({ hash, cap }))
}

/**
 * Writes record i's distinct key hashes (as recordKeyHashes, in the same order) to `out` from `at`; returns
 * the new end. Nothing allocated but the key strings: a full run hashes ten million keys, and a Map and an
 * object per record were half the keys step.
 */
function writeRecordHashes(p: Prepared, i: number, out: Float64Array, at: number): number {
  let end = at
  const ext = p.extIds[i]!
  for (let k = 0; k < blockingKeys.length + ext.length; k++) {
    let h: number
    if (k < blockingKeys.length) {
      const v = blockingKeys[k]!.key(p, i)
      if (v === '') continue
      h = keyHash(k, v)
    } else h = keyHash(EXTERNAL_ID_KEY, ext[k - blockingKeys.length]!)
    let seen = false
    for (let x = at; x < end && !seen; x++) seen = out[x] === h
    if (!seen) out[end++] = h
  }
  return end
}

/** Name-count hashes of record i: [first, last] (0 when the name is empty) and the totals' hashes. */
function nameHashes(p: Prepared, i: number): [number, number] {
  return [p.fn[i] ? keyHash(FIRST_NAME, p.fn[i]!) : 0, p.ln[i] ? keyHash(LAST_NAME, p.ln[i]!) : 0]
}
const FIRST_TOTAL = keyHash(FIRST_NAME, '')
const LAST_TOTAL = keyHash(LAST_NAME, '')

/**
 * The distinct key hashes of a run's flagged records, worked out once for writeKeys and markScored (building
 * the key values is most of the cost). Rows are in record order: record i's are start[i]..start[i+1].
 */
export interface KeyTable {
  hash: Float64Array
  /** Record index of each row. */
  rec: Int32Array
  start: Uint32Array
}

/** The key table of `p`'s records flagged in `which` (every record when omitted). */
export function keyTable(p: Prepared, which?: Uint8Array): KeyTable {
  // Room for one record's keys at the end, so a record never straddles a resize.
  const room = blockingKeys.length + 1
  let hash = new Float64Array(1 << 16)
  const start = new Uint32Array(p.n + 1)
  let len = 0
  for (let i = 0; i < p.n; i++) {
    start[i] = len
    if (which && !which[i]) continue
    if (len + room + p.extIds[i]!.length > hash.length) {
      const grown = new Float64Array(Math.max(hash.length * 2, len + room + p.extIds[i]!.length))
      grown.set(hash.subarray(0, len))
      hash = grown
    }
    len = writeRecordHashes(p, i, hash, len)
  }
  start[p.n] = len
  const rec = new Int32Array(len)
  for (let i = 0; i < p.n; i++) rec.fill(i, start[i]!, start[i + 1]!)
  return { hash: hash.slice(0, len), rec, start }
}

/**
 * Writes what match_scored.keys holds for record i (Float64Array bytes: its rows of `table`, then its first
 * and last name hashes, 0 for none) to `out` from `at`; returns the new end. Lets a batch of blobs be views
 * of one buffer, with nothing allocated per record.
 */
export function writeKeysBlob(p: Prepared, i: number, table: KeyTable, out: Float64Array, at: number): number {
  let end = at
  for (let r = table.start[i]!; r < table.start[i + 1]!; r++) out[end++] = table.hash[r]!
  const [f, l] = nameHashes(p, i)
  out[end++] = f
  out[end++] = l
  return end
}

function fromBlob(blob: Buffer): { keys: Float64Array; first: number; last: number } {
  const copy = new Float64Array(new Uint8Array(blob).buffer)
  return { keys: copy.subarray(0, copy.length - 2), first: copy[copy.length - 2]!, last: copy[copy.length - 1]! }
}

/** True when every scored record has its keys stored (not so in a workspace scored before migration 0010). */
export function keysComplete(db: SqliteDatabase): boolean {
  return db.prepare('SELECT 1 FROM match_scored WHERE keys IS NULL LIMIT 1').get() === undefined
}

/**
 * Ids of the existing records that share a blocking key with one of `fresh`'s records, and the hashes of
 * blocks that are over their cap once the new records are counted in (such blocks are skipped, as in a full
 * blocking). `replaced` holds the old key hashes of re-imported records: their entries do not count.
 */
export function lookupPartners(db: SqliteDatabase, fresh: Prepared, replaced: Map<number, Float64Array>): { ids: Set<number>; oversized: Set<number> } {
  const newCount = new Map<number, { n: number; cap: number }>()
  for (let i = 0; i < fresh.n; i++) {
    for (const k of recordKeyHashes(fresh, i)) {
      const c = newCount.get(k.hash)
      if (c) c.n++
      else newCount.set(k.hash, { n: 1, cap: k.cap })
    }
  }
  const stale = new Set<string>()
  for (const [id, keys] of replaced) for (const h of keys) stale.add(`${h}:${id}`)
  const find = db.prepare('SELECT k.record_id FROM match_keys k JOIN records r ON r.id = k.record_id WHERE k.key IN (?, ?) LIMIT ?').pluck()
  const ids = new Set<number>()
  const oversized = new Set<number>()
  for (const [hash, { n, cap }] of newCount) {
    const found = (find.all(hash, recentKey(hash), cap + 1 + n) as number[]).filter((id) => !stale.has(`${hash}:${id}`) && !replaced.has(id))
    if (found.length + n > cap) {
      oversized.add(hash)
      continue
    }
    for (const id of found) ids.add(id)
  }
  return { ids, oversized }
}

/** Old key blobs of records being rescored (re-imported since their last scoring). */
export function oldKeys(db: SqliteDatabase, ids: readonly number[]): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>()
  const rows = db.prepare('SELECT record_id, keys FROM match_scored WHERE keys IS NOT NULL AND record_id IN (SELECT value FROM json_each(?))')
    .raw().all(JSON.stringify(ids)) as Array<[number, Buffer]>
  for (const [id, blob] of rows) out.set(id, fromBlob(blob).keys)
  return out
}

/**
 * Workspace-wide name frequencies for the names of `p` (its own counts replaced): the stored counts, minus
 * re-imported records' old names, plus the new records' current names.
 */
export function applyNameCounts(db: SqliteDatabase, p: Prepared, isNew: Uint8Array): void {
  const delta = nameDelta(db, p, isNew)
  const get = db.prepare('SELECT count FROM match_name_counts WHERE key = ?').pluck()
  const count = (h: number): number => ((get.get(h) as number | undefined) ?? 0) + (delta.get(h) ?? 0)
  for (const [map, kind] of [[p.fnFreq, FIRST_NAME], [p.lnFreq, LAST_NAME]] as const) {
    for (const name of map.keys()) map.set(name, Math.max(1, count(keyHash(kind, name))))
  }
  p.fnTotal = count(FIRST_TOTAL)
  p.lnTotal = count(LAST_TOTAL)
}

function nameDelta(db: SqliteDatabase, p: Prepared, isNew: Uint8Array): Map<number, number> {
  const delta = new Map<number, number>()
  const add = (h: number, d: number): void => {
    if (h !== 0) delta.set(h, (delta.get(h) ?? 0) + d)
  }
  const ids: number[] = []
  for (let i = 0; i < p.n; i++) {
    if (!isNew[i]) continue
    ids.push(p.id[i]!)
    const [f, l] = nameHashes(p, i)
    add(f, 1)
    add(l, 1)
    if (f) add(FIRST_TOTAL, 1)
    if (l) add(LAST_TOTAL, 1)
  }
  const rows = db.prepare('SELECT keys FROM match_scored WHERE keys IS NOT NULL AND record_id IN (SELECT value FROM json_each(?))').pluck()
    .all(JSON.stringify(ids)) as Buffer[]
  for (const blob of rows) {
    const { first, last } = fromBlob(blob)
    add(first, -1)
    add(last, -1)
    if (first) add(FIRST_TOTAL, -1)
    if (last) add(LAST_TOTAL, -1)
  }
  return delta
}

/**
 * Takes records about to be erased out of the stored keys: their (hashed) blocking-key entries go, and
 * their names stop counting in the name frequencies. Hashes of an email or a name still single a person
 * out; erasure must not leave them behind for the next incremental run. Call before the records (and with
 * them their match_scored rows) are deleted, in the same transaction.
 */
export function forgetKeys(db: SqliteDatabase, recordIds: readonly number[]): void {
  const rows = db.prepare('SELECT record_id, keys FROM match_scored WHERE keys IS NOT NULL AND record_id IN (SELECT value FROM json_each(?))')
    .raw().all(JSON.stringify(recordIds)) as Array<[number, Buffer]>
  const del = deleteKey(db)
  const less = db.prepare('UPDATE match_name_counts SET count = count - 1 WHERE key = ?')
  for (const [id, blob] of rows) {
    const { keys, first, last } = fromBlob(blob)
    for (const h of keys) del(h, id)
    for (const [h, total] of [[first, FIRST_TOTAL], [last, LAST_TOTAL]] as const) {
      if (h === 0) continue
      less.run(h)
      less.run(total)
    }
  }
  db.prepare('DELETE FROM match_name_counts WHERE count <= 0').run()
}

const BATCH = 200

/** Deletes record `id`'s entry for hash h, in whichever region it is. */
function deleteKey(db: SqliteDatabase): (h: number, id: number) => void {
  const del = db.prepare('DELETE FROM match_keys WHERE key IN (?, ?) AND record_id = ?')
  return (h, id) => del.run(h, recentKey(h), id)
}

/**
 * Stores the keys and name counts of `p`'s records flagged in `which` (`table`: their key table, when the
 * caller has it); returns the flags of the records whose match_scored row markScored must write. Call before
 * markScored (which overwrites the old blobs).
 *
 * `rebuild`: `p` holds every record. When most stored rows still hold what the records give now (a full run
 * after a model change or a `--full`: the values did not change, only the scores), only the records whose
 * keys changed have their entries replaced, and only the rows that differ (keys, names or raw row) are
 * marked to be written: rewriting ten million unchanged entries and a row per record cost a 1.3M-record
 * run 20 s of CPU and 90k written pages. Otherwise (a first run, keys of another blocking) both tables are
 * emptied and written afresh. Name counts are always rewritten (a few thousand rows).
 * Not `rebuild`: the flagged records' old entries are replaced and the counts adjusted.
 */
export function writeKeys(db: SqliteDatabase, p: Prepared, which: Uint8Array, rebuild: boolean, table = keyTable(p, which)): Uint8Array {
  const delta = rebuild ? nameCounts(p) : nameDelta(db, p, which)
  let write = which
  let insert = table
  if (rebuild) {
    const diff = keysComplete(db) ? diffStored(db, p, table) : null
    db.exec(diff ? 'DELETE FROM match_name_counts' : 'DELETE FROM match_keys; DELETE FROM match_name_counts')
    if (diff) {
      const del = deleteKey(db)
      for (const [id, keys] of diff.stale) for (const h of keys) del(h, id)
      write = diff.write
      insert = subTable(table, diff.rekey)
    }
  } else {
    const old = oldKeys(db, idsOf(p, which))
    const del = deleteKey(db)
    for (const [id, keys] of old) for (const h of keys) del(h, id)
  }
  insertKeys(db, p, insert, !rebuild)
  if (!rebuild) foldRecent(db)
  const upsert = db.prepare('INSERT INTO match_name_counts (key, count) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET count = count + excluded.count')
  for (const [h, d] of delta) if (d !== 0) upsert.run(h, d)
  return write
}

/** Records compared before giving up on a diff where most of them differ (keys of another blocking). */
const DIFF_SAMPLE = 2000

/**
 * The stored rows of a whole-workspace run's records against what they give now, both in id order:
 * `write` flags records whose match_scored row differs or is missing, `rekey` those whose key entries must be
 * replaced (entries of other hashes, or none), `stale` the stored entries to take out (of those records, and
 * of stored rows whose record is gone). Null when rewriting everything is the better way: no stored rows, a
 * sample mostly changed, or records out of id order.
 */
function diffStored(db: SqliteDatabase, p: Prepared, table: KeyTable):
  { write: Uint8Array; rekey: Uint8Array; stale: Array<[number, Float64Array]> } | null {
  for (let i = 1; i < p.n; i++) if (p.id[i]! <= p.id[i - 1]!) return null
  const write = new Uint8Array(p.n).fill(1)
  const rekey = new Uint8Array(p.n).fill(1)
  const stale: Array<[number, Float64Array]> = []
  let scratch = new Float64Array(64)
  let compared = 0
  let same = 0
  let i = 0
  const rows = db.prepare('SELECT record_id, raw_row_id, keys FROM match_scored ORDER BY record_id').raw().iterate() as IterableIterator<[number, number, Buffer]>
  for (const [id, raw, blob] of rows) {
    while (i < p.n && p.id[i]! < id) i++
    const stored = fromBlob(blob)
    if (i === p.n || p.id[i] !== id) {
      stale.push([id, stored.keys])
      continue
    }
    const need = table.start[i + 1]! - table.start[i]! + 2
    if (need > scratch.length) scratch = new Float64Array(need * 2)
    const end = writeKeysBlob(p, i, table, scratch, 0)
    const keysSame = end === stored.keys.length + 2 && stored.keys.every((h, k) => h === scratch[k])
    if (keysSame) rekey[i] = 0
    else stale.push([id, stored.keys])
    if (keysSame && stored.first === scratch[end - 2] && stored.last === scratch[end - 1] && raw === p.rawRow[i]) {
      write[i] = 0
      same++
    }
    if (++compared === DIFF_SAMPLE && same * 2 < compared) {
      rows.return?.()
      return null
    }
  }
  return compared === 0 ? null : { write, rekey, stale }
}

/** The rows of `table` of the records flagged in `flags`. */
function subTable(table: KeyTable, flags: Uint8Array): KeyTable {
  const n = table.start.length - 1
  const start = new Uint32Array(n + 1)
  let len = 0
  for (let i = 0; i < n; i++) {
    start[i] = len
    if (flags[i]) len += table.start[i + 1]! - table.start[i]!
  }
  start[n] = len
  const hash = new Float64Array(len)
  const rec = new Int32Array(len)
  for (let i = 0; i < n; i++) {
    if (!flags[i]) continue
    hash.set(table.hash.subarray(table.start[i]!, table.start[i + 1]!), start[i]!)
    rec.fill(i, start[i]!, start[i + 1]!)
  }
  return { hash, rec, start }
}

/**
 * Every record's names counted, by hash (the counts a rebuild writes). Counted by name first and each distinct
 * name hashed once: a Map keyed by 53-bit numbers (heap numbers, not small integers) for 2.6 million names
 * took 1.6 s at 1.3M records.
 */
function nameCounts(p: Prepared): Map<number, number> {
  const out = new Map<number, number>()
  for (const [names, kind, total] of [[p.fn, FIRST_NAME, FIRST_TOTAL], [p.ln, LAST_NAME, LAST_TOTAL]] as const) {
    const byName = new Map<string, number>()
    let all = 0
    for (let i = 0; i < p.n; i++) {
      const name = names[i]!
      if (!name) continue
      byName.set(name, (byName.get(name) ?? 0) + 1)
      all++
    }
    for (const [name, count] of byName) {
      const h = keyHash(kind, name)
      out.set(h, (out.get(h) ?? 0) + count)
    }
    if (all > 0) out.set(total, all)
  }
  return out
}

function idsOf(p: Prepared, which: Uint8Array): number[] {
  const ids: number[] = []
  for (let i = 0; i < p.n; i++) if (which[i]) ids.push(p.id[i]!)
  return ids
}

/**
 * The table's rows in (key, record id) order, the order of match_keys' primary key, so the inserts append
 * instead of landing at random. A stable LSD radix sort of the 53-bit hashes (16, 16, 11 and 10 bits) over
 * typed arrays: a comparator sort of ten million rows took seconds, and a native sort of the hashes plus a
 * binary search per row about a second at 2.5 million. Rows are in record order and records in id order
 * (prepareRecords), so ties stay in id order.
 */
export function keyOrder(table: KeyTable): Uint32Array {
  const rows = table.hash.length
  // Each pass reads the digits in the current order and carries them along (a gather through `order` missed
  // the CPU cache on every row: 2.0 against 1.3 s for 11 million rows).
  let lo = new Uint32Array(rows)
  let hi = new Uint32Array(rows)
  for (let r = 0; r < rows; r++) {
    const h = table.hash[r]!
    lo[r] = h >>> 0
    hi[r] = (h - lo[r]!) / 0x100000000
  }
  let order = new Uint32Array(rows)
  for (let r = 0; r < rows; r++) order[r] = r
  let nextOrder = new Uint32Array(rows)
  let nextLo = new Uint32Array(rows)
  let nextHi = new Uint32Array(rows)
  const count = new Uint32Array(0x10001)
  for (const [high, shift, mask] of [[false, 0, 0xffff], [false, 16, 0xffff], [true, 0, 0x7ff], [true, 11, 0x3ff]] as const) {
    const digits = high ? hi : lo
    count.fill(0)
    for (let r = 0; r < rows; r++) count[((digits[r]! >>> shift) & mask) + 1]!++
    for (let d = 1; d <= mask + 1; d++) count[d]! += count[d - 1]!
    for (let x = 0; x < rows; x++) {
      const to = count[(digits[x]! >>> shift) & mask]!++
      nextOrder[to] = order[x]!
      nextLo[to] = lo[x]!
      nextHi[to] = hi[x]!
    }
    ;[order, nextOrder, lo, nextLo, hi, nextHi] = [nextOrder, order, nextLo, lo, nextHi, hi]
  }
  return order
}

/**
 * Inserts the table's (key, record id) rows in the order of the stored keys, BATCH per statement: the base
 * form in hash order, or (`recent`) the recent form, whose order is the hashes' reversed.
 */
function insertKeys(db: SqliteDatabase, p: Prepared, table: KeyTable, recent: boolean): void {
  const order = keyOrder(table)
  if (recent) order.reverse()
  const sql = (n: number): string => `INSERT OR IGNORE INTO match_keys (key, record_id) VALUES ${new Array<string>(n).fill('(?, ?)').join(', ')}`
  const batch = db.prepare(sql(BATCH))
  const one = db.prepare(sql(1))
  const key = (r: number): number => (recent ? recentKey(table.hash[r]!) : table.hash[r]!)
  const args: number[] = []
  let k = 0
  for (; k + BATCH <= order.length; k += BATCH) {
    args.length = 0
    for (let r = k; r < k + BATCH; r++) args.push(key(order[r]!), p.id[table.rec[order[r]!]!]!)
    batch.run(...args)
  }
  for (; k < order.length; k++) one.run(key(order[k]!), p.id[table.rec[order[k]!]!]!)
}

/**
 * Folds the recent region into the base once it holds more entries than the workspace has records: past
 * that, its own pages are no longer few, and lookups pay a second seek into a large tree. Rare (an eighth
 * of the base at about 8 keys a record), and the same work as inserting those entries into the base directly.
 */
function foldRecent(db: SqliteDatabase): void {
  const recent = db.prepare('SELECT count(*) FROM match_keys WHERE key < 0').pluck().get() as number
  if (recent <= (db.prepare('SELECT count(*) FROM records').pluck().get() as number)) return
  // -1 - key ascending is key descending: the base receives them in its own order.
  db.exec(`INSERT OR IGNORE INTO match_keys (key, record_id) SELECT -1 - key, record_id FROM match_keys WHERE key < 0 ORDER BY key DESC, record_id;
    DELETE FROM match_keys WHERE key < 0`)
}
