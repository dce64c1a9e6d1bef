import { FREE_MAIL } from './compare'
import type { Prepared } from './prepare'

/**
 * Blocking: candidate pairs are records that agree exactly on at least one blocking key. Several keys are
 * unioned so a typo in one field does not lose the pair; each key is built and dropped in turn so memory
 * holds one key's index at a time. Blocks larger than `maxBlock` are skipped (junk values such as a
 * shared "noreply@" address must not explode into millions of pairs) and counted.
 */
export interface BlockingKey {
  readonly name: string
  /** A tighter block-size cap for broad keys (a surname alone): they only help for rarer values. */
  readonly maxBlock?: number
  /**
   * Blocks above this size (and up to maxBlock) pair only records with a sparse one (no address, phone or
   * birth date: a newsletter signup, a help-desk user), whose only evidence is the name: two full records that
   * share a common name need a second field in common, which other keys block on.
   */
  readonly denseMaxBlock?: number
  /** The key value of record i, or '' when the record has none. */
  key(p: Prepared, i: number): string
}

/** Key parts joined, or '' when one is missing (two and three parts without a rest array: 20M calls at 1.3M records). */
function join(a: string, b: string, c?: string): string {
  if (a === '' || b === '' || c === '') return ''
  return c === undefined ? `${a}|${b}` : `${a}|${b}|${c}`
}

/**
 * The keys, chosen by test/eval/harness/blocking-coverage.ts against the generator's truth: at 300k records
 * the accepted true pairs (review or auto band) only a name key finds are records with nothing but a name and
 * an email (a newsletter signup against a customer), so the name keys carry the sparse rule and the broad
 * address keys (initial + surname + city, first name + city, street + surname, surname + postcode) keep a
 * small cap: no generator pair needs them in a larger block, and the small reference sets (FEBRL 4) still do.
 * Caps are absolute, not relative to the workspace: a name shared by 50 records is as weak evidence at 1.3M
 * records as at 300k (the prior odds fall as the pairs grow), so a larger block only adds pairs never accepted.
 */
export const blockingKeys: readonly BlockingKey[] = [
  // The mailbox: the email with gmail's dots and every +tag folded away (import keeps both forms). One key
  // for both: a key on the folded form of only the addresses that fold never met the plain address it
  // folds to (john.smith92@gmail.com and johnsmith92@gmail.com shared no key), and the folded form of two
  // equal addresses is equal.
  { name: 'email', key: (p, i) => p.emailMatch[i]! },
  { name: 'phone', key: (p, i) => p.phone[i]! },
  { name: 'phone_last7', key: (p, i) => p.phone7[i]! },
  { name: 'dob_surname_phonetic', key: (p, i) => join(p.dob[i]!, p.lnMeta[i]!) },
  { name: 'dob_first_phonetic', key: (p, i) => join(p.dob[i]!, p.fnMeta[i]!) },
  { name: 'house_postcode', key: (p, i) => join(p.houseNo[i]!, p.postcode[i]!) },
  { name: 'first_surname', key: (p, i) => join(p.fn[i]!, p.ln[i]!), maxBlock: 40, denseMaxBlock: 10 },
  { name: 'name_domain', key: (p, i) => (FREE_MAIL.has(p.emailDomain[i]!) ? '' : join(p.fnMeta[i]!, p.lnMeta[i]!, p.emailDomain[i]!)), maxBlock: 50 },
  { name: 'first_surname_phonetic', key: (p, i) => join(p.fnMeta[i]!, p.lnMeta[i]!), maxBlock: 8 },
  { name: 'dob', key: (p, i) => p.dob[i]!, maxBlock: 10 },
  { name: 'surname', key: (p, i) => p.ln[i]!, maxBlock: 10 },
  { name: 'first_phonetic_postcode', key: (p, i) => join(p.fnMeta[i]!, p.postcode[i]!), maxBlock: 6 },
  { name: 'email_local', key: (p, i) => (p.emailLocal[i]!.length >= 4 ? p.emailLocal[i]! : ''), maxBlock: 8 },
  { name: 'dob_year_first_initial_surname_initial', key: (p, i) => join(p.dob[i]!.slice(0, 4), p.fn[i]!.slice(0, 1), p.ln[i]!.slice(0, 1)), maxBlock: 10 },
  { name: 'surname_phonetic_postcode', key: (p, i) => join(p.lnMeta[i]!, p.postcode[i]!), maxBlock: 6 },
  { name: 'initial_surname_city', key: (p, i) => join(p.fn[i]!.slice(0, 1), p.ln[i]!, p.city[i]!), maxBlock: 6 },
  { name: 'street_surname', key: (p, i) => join(p.streetText[i]!, p.lnMeta[i]!), maxBlock: 6 },
  { name: 'first_phonetic_city', key: (p, i) => join(p.fnMeta[i]!, p.city[i]!), maxBlock: 6 },
]

/**
 * The key list's names and caps, in order. Stored keys (match-keys.ts) are hashed by key position, and an
 * incremental run trusts that earlier runs scored every pair the keys make: both hold only for the blocking
 * that wrote them, so a run whose latest run stored another shape must be a full one.
 */
export const blockingShape: string = [
  ...blockingKeys.map((k) => `${k.name}:${k.maxBlock ?? ''}${k.denseMaxBlock === undefined ? '' : `/${k.denseMaxBlock}`}`), 'external_id',
].join(';')

/** The blocking shape a run stored with its model (match_runs.model JSON, field `blocking`); null when none or unreadable. */
export function storedBlockingShape(modelJson: string | undefined): string | null {
  if (modelJson === undefined) return null
  try {
    const v: unknown = JSON.parse(modelJson)
    const shape = typeof v === 'object' && v !== null ? (v as Record<string, unknown>).blocking : undefined
    return typeof shape === 'string' ? shape : null
  } catch {
    return null
  }
}

/** Position of the external-id key (one block per "system:value"), after the keys above. */
export const EXTERNAL_ID_KEY = blockingKeys.length

export interface CandidatePairs {
  /** Indexes into the prepared arrays, a[k] < b[k], unique. */
  a: Int32Array
  b: Int32Array
  /** Pairs each key generated (before the union removed duplicates). */
  pairsByKey: Record<string, number>
  /** Blocks skipped for being larger than the cap, per key. */
  skippedBlocks: Record<string, number>
}

export interface BlockingOptions {
  maxBlock?: number
  /** When given, only pairs with at least one record flagged here are generated (an incremental run). */
  isNew?: Uint8Array
  /**
   * Blocks known to be over their cap in the whole workspace when only part of it is loaded (an incremental
   * run): key position and value → true to skip the block, as a full blocking would.
   */
  oversized?: (key: number, value: string) => boolean
  signal?: AbortSignal
}

/** Generates the union of candidate pairs over all keys (plus extIds, one key per system). */
export function candidatePairs(p: Prepared, opts: BlockingOptions = {}): CandidatePairs {
  const out = new PairBuffer(p.n)
  const pairsByKey: Record<string, number> = {}
  const skippedBlocks: Record<string, number> = {}
  const push = (i: number, j: number): void => out.push(i, j)
  for (let kx = 0; kx <= EXTERNAL_ID_KEY; kx++) {
    opts.signal?.throwIfAborted()
    const { made, skipped } = forEachKeyPair(p, kx, opts, push)
    pairsByKey[keyName(kx)] = made
    skippedBlocks[keyName(kx)] = skipped
  }
  const { a, b } = out.unique()
  return { a, b, pairsByKey, skippedBlocks }
}

/** Name of the key at position `kx` (EXTERNAL_ID_KEY included). */
export const keyName = (kx: number): string => (kx === EXTERNAL_ID_KEY ? 'external_id' : blockingKeys[kx]!.name)

/**
 * Calls `emit(i, j)` (i < j, possibly repeated across keys, never within one) for every pair key `kx` makes;
 * returns how many it made and how many blocks it skipped over their cap. The analysis harness measures one
 * key at a time through this; candidatePairs unions them.
 */
export function forEachKeyPair(p: Prepared, kx: number, opts: BlockingOptions, emit: (i: number, j: number) => void): { made: number; skipped: number } {
  const maxBlock = opts.maxBlock ?? 100
  const k = kx === EXTERNAL_ID_KEY ? undefined : blockingKeys[kx]!
  const { start, members, values } = groupByKey(p, k)
  let made = 0
  let skipped = 0
  const cap = Math.min(maxBlock, k?.maxBlock ?? maxBlock)
  const dense = k?.denseMaxBlock ?? cap
  for (let blk = 0; blk < values.length; blk++) {
    const from = start[blk]!
    const size = start[blk + 1]! - from
    if (size < 2) continue
    if (size > cap || opts.oversized?.(kx, values[blk]!) === true) {
      skipped++
      continue
    }
    const block = members.subarray(from, from + size)
    made += size > dense ? emitSparseBlock(p, block, emit, opts.isNew) : emitBlock(block, emit, opts.isNew)
  }
  return { made, skipped }
}

/**
 * The records grouped by key value: block b holds `values[b]` and its members are
 * `members[start[b] .. start[b + 1])`, in record order. A value → block-number Map and a counting sort into
 * one typed array, instead of an array per distinct value (most values are one record's: a million small
 * arrays per key at 1.3M records).
 */
function groupByKey(p: Prepared, k: BlockingKey | undefined): { start: Int32Array; members: Int32Array; values: string[] } {
  const blockOf = new Map<string, number>()
  const values: string[] = []
  let rec = new Int32Array(p.n)
  let blk = new Int32Array(p.n)
  let len = 0
  const add = (v: string, i: number): void => {
    let b = blockOf.get(v)
    if (b === undefined) {
      b = values.length
      blockOf.set(v, b)
      values.push(v)
    }
    if (len === rec.length) {
      // Only external ids (several per record) can outgrow one entry per record.
      const r2 = new Int32Array(len * 2 + 16)
      r2.set(rec)
      rec = r2
      const b2 = new Int32Array(len * 2 + 16)
      b2.set(blk)
      blk = b2
    }
    rec[len] = i
    blk[len++] = b
  }
  for (let i = 0; i < p.n; i++) {
    if (!k) {
      for (const id of p.extIds[i]!) add(id, i)
      continue
    }
    const v = k.key(p, i)
    if (v !== '') add(v, i)
  }
  const start = new Int32Array(values.length + 1)
  for (let e = 0; e < len; e++) start[blk[e]! + 1]!++
  for (let b = 0; b < values.length; b++) start[b + 1]! += start[b]!
  const at = start.slice(0, values.length)
  const members = new Int32Array(len)
  for (let e = 0; e < len; e++) members[at[blk[e]!]!++] = rec[e]!
  return { start, members, values }
}

function emitBlock(members: Int32Array, emit: (i: number, j: number) => void, isNew: Uint8Array | undefined): number {
  let made = 0
  for (let x = 0; x < members.length; x++) {
    const i = members[x]!
    for (let y = x + 1; y < members.length; y++) {
      const j = members[y]!
      if (i === j) continue
      if (isNew && !isNew[i] && !isNew[j]) continue
      emit(i < j ? i : j, i < j ? j : i)
      made++
    }
  }
  return made
}

/** A record with nothing to compare but its name and email. */
const isSparse = (p: Prepared, i: number): boolean => p.postcode[i] === '' && p.city[i] === '' && p.streetText[i] === '' && p.phone[i] === '' && p.dob[i] === ''

/** Like emitBlock, for the pairs with at least one sparse record. */
function emitSparseBlock(p: Prepared, members: Int32Array, emit: (i: number, j: number) => void, isNew: Uint8Array | undefined): number {
  const sparse = Array.from(members, (i) => isSparse(p, i))
  let made = 0
  for (let x = 0; x < members.length; x++) {
    const i = members[x]!
    for (let y = x + 1; y < members.length; y++) {
      const j = members[y]!
      if (i === j || (!sparse[x] && !sparse[y])) continue
      if (isNew && !isNew[i] && !isNew[j]) continue
      emit(i < j ? i : j, i < j ? j : i)
      made++
    }
  }
  return made
}

/** Pairs encoded as one float (a·n + b, exact below 2^53) in a growable typed array; sorted and de-duplicated once. */
class PairBuffer {
  private buf = new Float64Array(1 << 16)
  private len = 0
  constructor(private readonly n: number) {}

  push(a: number, b: number): void {
    if (this.len === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2)
      next.set(this.buf)
      this.buf = next
    }
    this.buf[this.len++] = a * this.n + b
  }

  unique(): { a: Int32Array; b: Int32Array } {
    const v = this.buf.subarray(0, this.len).sort()
    let m = 0
    for (let i = 0; i < v.length; i++) if (i === 0 || v[i] !== v[i - 1]) v[m++] = v[i]!
    const a = new Int32Array(m)
    const b = new Int32Array(m)
    for (let i = 0; i < m; i++) {
      a[i] = Math.floor(v[i]! / this.n)
      b[i] = v[i]! - a[i]! * this.n
    }
    this.buf = new Float64Array(0)
    return { a, b }
  }
}
