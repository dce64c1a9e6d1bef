import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { blockingKeys, EXTERNAL_ID_KEY, keyHash, keyTable, keyValue } from './blocking'
import type { KeyTable } from './blocking-arrays'
import type { Prepared } from './prepare'

/**
 * The stored blocking keys (migration 0010) that let an incremental run read only the records new ones can
 * pair with. Every key value is kept as a 53-bit hash of key position and value; name frequencies are counted
 * under the same hashing. This file computes and reads them; match-keys-store.ts writes them.
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

// Hashing and the key table belong to blocking, which groups records by these hashes; re-exported for the stores.
export { keyHash, type KeyTable, keyTable }

/** The recent-region form of hash h (see above): negative, and exact like h. */
export const recentKey = (h: number): number => -1 - h

/**
 * The record id of a crowded block's marker: a run over every record stores, for a block more than CROWDED times
 * over its cap, this one row instead of its entries (blocking.ts). It names no record (it sorts before every
 * record id of its key), and holds no more than the entries it replaces: the hash of a value many share.
 */
export const CROWDED_MARKER = -1

/** Kinds for name counts, after the blocking keys' positions (the external id key included). */
export const FIRST_NAME = 1000
export const LAST_NAME = 1001

/** The hashes of record i's blocking key values (distinct), each with the block-size cap of its key. */
export function recordKeyHashes(p: Prepared, i: number, maxBlock = 100): Array<{ hash: number; cap: number }> {
  const out = new Map<number, number>()
  for (let k = 0; k < blockingKeys.length; k++) {
    const key = blockingKeys[k]!
    const v = keyValue(key, p, i)
    if (v !== '') out.set(keyHash(k, v), Math.min(maxBlock, key.maxBlock ?? maxBlock))
  }
  for (const id of p.extIds[i]!) out.set(keyHash(EXTERNAL_ID_KEY, id), maxBlock)
  return [...out].map(([hash, cap]) => ({ hash, cap }))
}

/** Name-count hashes of record i: [first, last] (0 when the name is empty) and the totals' hashes. */
function nameHashes(p: Prepared, i: number): [number, number] {
  return [p.fn[i] ? keyHash(FIRST_NAME, p.fn[i]!) : 0, p.ln[i] ? keyHash(LAST_NAME, p.ln[i]!) : 0]
}
export const FIRST_TOTAL = keyHash(FIRST_NAME, '')
export const LAST_TOTAL = keyHash(LAST_NAME, '')

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

export function fromBlob(blob: Buffer): { keys: Float64Array; first: number; last: number } {
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
  // A crowded block's marker comes first in its key's rows: found, the block is over its cap.
  const find = db.prepare(`SELECT k.record_id FROM match_keys k WHERE k.key IN (?, ?)
    AND (k.record_id = ${CROWDED_MARKER} OR EXISTS (SELECT 1 FROM records r WHERE r.id = k.record_id)) LIMIT ?`).pluck()
  const ids = new Set<number>()
  const oversized = new Set<number>()
  for (const [hash, { n, cap }] of newCount) {
    const all = find.all(hash, recentKey(hash), cap + 1 + n) as number[]
    const found = all.filter((id) => !stale.has(`${hash}:${id}`) && !replaced.has(id))
    if (all[0] === CROWDED_MARKER || found.length + n > cap) {
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

export function nameDelta(db: SqliteDatabase, p: Prepared, isNew: Uint8Array): Map<number, number> {
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
