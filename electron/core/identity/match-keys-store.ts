import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import type { Prepared } from './prepare'
import {
  CROWDED_MARKER, FIRST_NAME, FIRST_TOTAL, fromBlob, keyHash, type KeyTable, keyTable, keysComplete, LAST_NAME, LAST_TOTAL, nameDelta, oldKeys,
  recentKey, writeKeysBlob,
} from './match-keys'

/**
 * Writing the stored blocking keys and name counts (see match-keys.ts for what they are and how an
 * incremental run reads them): a run's rewrite or additions, the fold of the recent region into the base,
 * and erasure's removal. The caller owns the transaction.
 */

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
export function writeKeys(db: SqliteDatabase, p: Prepared, which: Uint8Array, rebuild: boolean, table = keyTable(p, which),
  crowded?: Float64Array): Uint8Array {
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
  insertKeys(db, p, insert, !rebuild, rebuild ? crowded : undefined)
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
  for (let i = 0; i < n; i++) if (flags[i]) hash.set(table.hash.subarray(table.start[i]!, table.start[i + 1]!), start[i]!)
  return { hash, start }
}

/**
 * Every record's names counted, by hash (the counts a rebuild writes). `p` holds every record, so its name
 * frequencies (prepareRecords counts them, in record order) are these counts: each distinct name is hashed
 * once. A Map keyed by 53-bit numbers (heap numbers, not small integers) for 2.6 million names took 1.6 s at
 * 1.3M records, and counting the names again here 0.17 s at 300k.
 */
function nameCounts(p: Prepared): Map<number, number> {
  const out = new Map<number, number>()
  for (const [byName, all, kind, total] of [[p.fnFreq, p.fnTotal, FIRST_NAME, FIRST_TOTAL], [p.lnFreq, p.lnTotal, LAST_NAME, LAST_TOTAL]] as const) {
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
 * instead of landing at random. One counting pass on the hashes' top bits (hashes are uniform: a few rows a
 * bucket), then an insertion sort of each bucket by the whole hash. Rows are in record order and records in
 * id order (prepareRecords), and both passes are stable, so ties stay in id order. A comparator sort of ten
 * million rows took seconds, and a four-pass LSD radix sort 0.46 s at 2.75 million rows.
 */
export function keyOrder(table: KeyTable): Uint32Array {
  return orderRows(table.hash, null, 0, HASH_SPAN)
}

/**
 * keyOrder a part of the hash range at a time: `parts` (a power of two) orders, ascending, whose concatenation
 * is keyOrder's. The rows are first grouped by part (one array of them), then each part is ordered while the
 * caller uses it: a first run's 12M rows in eight parts hold 66 MB of temporaries at once, not keyOrder's 144.
 */
export function* keyOrderParts(table: KeyTable, parts: number): Generator<Uint32Array> {
  const hash = table.hash
  const span = HASH_SPAN / parts
  const start = new Uint32Array(parts + 1)
  for (let r = 0; r < hash.length; r++) start[Math.floor(hash[r]! / span) + 1]!++
  for (let k = 1; k <= parts; k++) start[k]! += start[k - 1]!
  // A hash outside [0, 2^53) would be in no part: never leave a key out unnoticed.
  if (start[parts] !== hash.length) throw new Error(`match_keys: ${hash.length - start[parts]!} key hashes outside the hash range`)
  const fill = start.slice(0, parts)
  const rows = new Uint32Array(hash.length)
  for (let r = 0; r < hash.length; r++) rows[fill[Math.floor(hash[r]! / span)]!++] = r
  for (let k = 0; k < parts; k++) yield orderRows(hash, rows.subarray(start[k]!, start[k + 1]!), k * span, (k + 1) * span)
}

/** Hashes are below 2^53 (see keyHash). */
const HASH_SPAN = 2 ** 53

/**
 * `rows` (ascending row indexes; null: every row) whose hashes are in [lo, hi), ordered by (hash, row).
 * About eight rows a bucket (measured against four and sixteen), at most 2^22 buckets. Each row's bucket is
 * worked out twice rather than kept: an array of them was 48 MB at 12M rows, and no faster.
 */
function orderRows(hash: Float64Array, rows: Uint32Array | null, lo: number, hi: number): Uint32Array {
  const n = rows ? rows.length : hash.length
  const bits = Math.min(22, Math.max(1, Math.ceil(Math.log2(n / 8 + 1))))
  const scale = (hi - lo) / 2 ** bits
  const count = new Uint32Array((1 << bits) + 1)
  for (let x = 0; x < n; x++) count[Math.floor((hash[rows ? rows[x]! : x]! - lo) / scale) + 1]!++
  for (let b = 1; b < count.length; b++) count[b]! += count[b - 1]!
  const order = new Uint32Array(n)
  const sorted = new Float64Array(n)
  for (let x = 0; x < n; x++) {
    const r = rows ? rows[x]! : x
    const h = hash[r]!
    const to = count[Math.floor((h - lo) / scale)]!++
    order[to] = r
    sorted[to] = h
  }
  // count[b] is now where bucket b ends (the next one's start).
  let from = 0
  for (let b = 0; b < count.length - 1; b++) {
    const to = count[b]!
    for (let x = from + 1; x < to; x++) {
      const h = sorted[x]!
      const r = order[x]!
      let y = x - 1
      for (; y >= from && sorted[y]! > h; y--) {
        sorted[y + 1] = sorted[y]!
        order[y + 1] = order[y]!
      }
      sorted[y + 1] = h
      order[y + 1] = r
    }
    from = to
  }
  return order
}

/**
 * Rows insertKeys orders at a time (see keyOrderParts). Resolve writes the keys while its scoring worker holds
 * its own copy of the records: that is the run's peak memory.
 */
const ORDER_PART_ROWS = 2_000_000

/**
 * Inserts the table's (key, record id) rows in the order of the stored keys, BATCH per statement: the base
 * form in hash order, or (`recent`) the recent form, whose order is the hashes' reversed. Rows of a `crowded`
 * block (ascending hashes, base form only) are left out for one marker row (key, CROWDED_MARKER): lookups
 * need no more to know the block is over its cap (see lookupPartners).
 */
function insertKeys(db: SqliteDatabase, p: Prepared, table: KeyTable, recent: boolean, crowded: Float64Array = new Float64Array(0)): void {
  const sql = (n: number): string => `INSERT OR IGNORE INTO match_keys (key, record_id) VALUES ${new Array<string>(n).fill('(?, ?)').join(', ')}`
  const batch = db.prepare(sql(BATCH))
  const one = db.prepare(sql(1))
  // The record id of each row (the table holds only where each record's rows start).
  const id = new Int32Array(table.hash.length)
  for (let i = 0; i < p.n; i++) id.fill(p.id[i]!, table.start[i]!, table.start[i + 1]!)
  const args: number[] = []
  const push = (key: number, record: number): void => {
    args.push(key, record)
    if (args.length === BATCH * 2) {
      batch.run(...args)
      args.length = 0
    }
  }
  if (recent) {
    // The recent form (an incremental run's records) goes in the order of the hashes reversed.
    const order = keyOrder(table).reverse()
    for (const r of order) push(recentKey(table.hash[r]!), id[r]!)
  } else {
    let c = 0
    let marked = -1
    let parts = 1
    while (table.hash.length / parts > ORDER_PART_ROWS) parts *= 2
    for (const order of keyOrderParts(table, parts)) {
      for (const r of order) {
        const h = table.hash[r]!
        while (c < crowded.length && crowded[c]! < h) c++
        if (c < crowded.length && crowded[c] === h) {
          if (marked !== h) push(h, CROWDED_MARKER)
          marked = h
        } else push(h, id[r]!)
      }
    }
  }
  for (let k = 0; k < args.length; k += 2) one.run(args[k], args[k + 1])
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
