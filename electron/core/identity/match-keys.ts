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
 */

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
  let hash = new Float64Array(1 << 16)
  let rec = new Int32Array(1 << 16)
  const start = new Uint32Array(p.n + 1)
  let len = 0
  for (let i = 0; i < p.n; i++) {
    start[i] = len
    if (which && !which[i]) continue
    for (const k of recordKeyHashes(p, i)) {
      if (len === hash.length) {
        const h2 = new Float64Array(len * 2)
        h2.set(hash)
        hash = h2
        const r2 = new Int32Array(len * 2)
        r2.set(rec)
        rec = r2
      }
      hash[len] = k.hash
      rec[len++] = i
    }
  }
  start[p.n] = len
  return { hash: hash.slice(0, len), rec: rec.slice(0, len), start }
}

/** What match_scored.keys holds for record i: its key hashes then its two name hashes (Float64Array bytes). */
export function keysBlob(p: Prepared, i: number, table?: KeyTable): Buffer {
  const keys = table ? table.hash.subarray(table.start[i]!, table.start[i + 1]!) : Float64Array.from(recordKeyHashes(p, i), (k) => k.hash)
  const arr = new Float64Array(keys.length + 2)
  arr.set(keys)
  const [f, l] = nameHashes(p, i)
  arr[keys.length] = f
  arr[keys.length + 1] = l
  return Buffer.from(arr.buffer)
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
  const find = db.prepare('SELECT k.record_id FROM match_keys k JOIN records r ON r.id = k.record_id WHERE k.key = ? LIMIT ?').pluck()
  const ids = new Set<number>()
  const oversized = new Set<number>()
  for (const [hash, { n, cap }] of newCount) {
    const found = (find.all(hash, cap + 1 + n) as number[]).filter((id) => !stale.has(`${hash}:${id}`) && !replaced.has(id))
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
  const del = db.prepare('DELETE FROM match_keys WHERE key = ? AND record_id = ?')
  const less = db.prepare('UPDATE match_name_counts SET count = count - 1 WHERE key = ?')
  for (const [id, blob] of rows) {
    const { keys, first, last } = fromBlob(blob)
    for (const h of keys) del.run(h, id)
    for (const [h, total] of [[first, FIRST_TOTAL], [last, LAST_TOTAL]] as const) {
      if (h === 0) continue
      less.run(h)
      less.run(total)
    }
  }
  db.prepare('DELETE FROM match_name_counts WHERE count <= 0').run()
}

const BATCH = 200

/**
 * Stores the keys and name counts of `p`'s records flagged in `which` (`table`: their key table, when the
 * caller has it). `rebuild`: `p` holds every record, so the tables are emptied and written afresh. Otherwise
 * the flagged records' old entries are replaced and the counts adjusted. Call before markScored (which
 * overwrites the old blobs).
 */
export function writeKeys(db: SqliteDatabase, p: Prepared, which: Uint8Array, rebuild: boolean, table = keyTable(p, which)): void {
  const delta = rebuild ? new Map<number, number>() : nameDelta(db, p, which)
  if (rebuild) {
    db.exec('DELETE FROM match_keys; DELETE FROM match_name_counts')
    for (let i = 0; i < p.n; i++) {
      const [f, l] = nameHashes(p, i)
      for (const [h, tot] of [[f, FIRST_TOTAL], [l, LAST_TOTAL]] as const) {
        if (h === 0) continue
        delta.set(h, (delta.get(h) ?? 0) + 1)
        delta.set(tot, (delta.get(tot) ?? 0) + 1)
      }
    }
  } else {
    const old = oldKeys(db, idsOf(p, which))
    const del = db.prepare('DELETE FROM match_keys WHERE key = ? AND record_id = ?')
    for (const [id, keys] of old) for (const h of keys) del.run(h, id)
  }
  insertKeys(db, p, table)
  const upsert = db.prepare('INSERT INTO match_name_counts (key, count) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET count = count + excluded.count')
  for (const [h, d] of delta) if (d !== 0) upsert.run(h, d)
}

function idsOf(p: Prepared, which: Uint8Array): number[] {
  const ids: number[] = []
  for (let i = 0; i < p.n; i++) if (which[i]) ids.push(p.id[i]!)
  return ids
}

/**
 * The table's rows in (key, record id) order, the order of match_keys' primary key, so the inserts append
 * instead of landing at random. Typed arrays only (a comparator sort of ten million rows took seconds): the
 * distinct hashes sorted natively, each row ranked by binary search, then a stable counting sort by rank;
 * rows are in record order and records in id order (prepareRecords), so ties stay in id order.
 */
export function keyOrder(table: KeyTable): Uint32Array {
  const rows = table.hash.length
  const sorted = table.hash.slice().sort()
  let u = 0
  for (let r = 0; r < rows; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[u++] = sorted[r]!
  const distinct = sorted.subarray(0, u)
  const rank = new Uint32Array(rows)
  const count = new Uint32Array(u + 1)
  for (let r = 0; r < rows; r++) {
    const h = table.hash[r]!
    let lo = 0
    let hi = u - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (distinct[mid]! < h) lo = mid + 1
      else hi = mid
    }
    rank[r] = lo
    count[lo + 1]!++
  }
  for (let k = 1; k <= u; k++) count[k]! += count[k - 1]!
  const order = new Uint32Array(rows)
  for (let r = 0; r < rows; r++) order[count[rank[r]!]!++] = r
  return order
}

/** Inserts the table's (key, record id) rows in key order, BATCH per statement. */
function insertKeys(db: SqliteDatabase, p: Prepared, table: KeyTable): void {
  const order = keyOrder(table)
  const sql = (n: number): string => `INSERT OR IGNORE INTO match_keys (key, record_id) VALUES ${new Array<string>(n).fill('(?, ?)').join(', ')}`
  const batch = db.prepare(sql(BATCH))
  const one = db.prepare(sql(1))
  const args: number[] = []
  let k = 0
  for (; k + BATCH <= order.length; k += BATCH) {
    args.length = 0
    for (let r = k; r < k + BATCH; r++) args.push(table.hash[order[r]!]!, p.id[table.rec[order[r]!]!]!)
    batch.run(...args)
  }
  for (; k < order.length; k++) one.run(table.hash[order[k]!]!, p.id[table.rec[order[k]!]!]!)
}
