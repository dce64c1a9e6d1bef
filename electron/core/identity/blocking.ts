import { FREE_MAIL } from './compare'
import { KeptRows, KeyEntries, type KeyTable, PairBuffer } from './blocking-arrays'
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
  /** True for keys on a phone or an address: the ones a buyer-detail record whose owner is not loaded blocks on (see keyValue). */
  readonly details?: true
  /** When set, the key pairs only records of which at least one passes this test, in blocks of any size. */
  readonly pairsWith?: (p: Prepared, i: number) => boolean
  /**
   * keyHash(kx, key(p, i)) without building the string (-1 for none): parts joined by '|' are hashed one after
   * another, where concatenating and flattening them cost blocking a string per record and key.
   */
  readonly hash?: (p: Prepared, i: number, kx: number) => number
}

/**
 * Record i's value of key k ('' for none). A record kept from an order's buyer details (Prepared.detailOnly)
 * shares most of its values with its owner, in the same profile: on those keys it would meet everyone its
 * owner meets a second time (and fill name blocks up to their caps). It blocks only where it adds something:
 * a key whose value differs from its owner's (a new phone or address, the mailbox the order was placed from,
 * the name as the order spells it). Without its owner in the run, it blocks on the phone and address keys.
 */
export function keyValue(k: BlockingKey, p: Prepared, i: number): string {
  if (p.detailOnly[i] !== 1) return k.key(p, i)
  const owner = p.detailOwner[i]!
  if (owner < 0) return k.details ? k.key(p, i) : ''
  const v = k.key(p, i)
  return v !== '' && v === k.key(p, owner) ? '' : v
}

/** keyHash of key kx's value for record i (see keyValue), -1 for none. */
export function keyHashAt(k: BlockingKey, kx: number, p: Prepared, i: number): number {
  if (p.detailOnly[i] !== 1) return valueHash(k, kx, p, i)
  const owner = p.detailOwner[i]!
  if (owner < 0) return k.details ? valueHash(k, kx, p, i) : -1
  const h = valueHash(k, kx, p, i)
  return h !== -1 && h === valueHash(k, kx, p, owner) ? -1 : h
}

function valueHash(k: BlockingKey, kx: number, p: Prepared, i: number): number {
  if (k.hash) return k.hash(p, i, kx)
  const v = k.key(p, i)
  return v === '' ? -1 : keyHash(kx, v)
}

type Part = (p: Prepared, i: number) => string

/** A key of two or three parts joined by '|' (none when a part is missing), with its allocation-free hash. */
function joined(name: string, parts: readonly [Part, Part] | readonly [Part, Part, Part], opts: Partial<Omit<BlockingKey, 'name' | 'key' | 'hash'>> = {}): BlockingKey {
  const [a, b, c] = parts
  return {
    name, ...opts,
    key: (p, i) => join(a(p, i), b(p, i), c?.(p, i)),
    hash: (p, i, kx) => joinHash(kx, a(p, i), b(p, i), c?.(p, i)),
  }
}

/** keyHash(kind, join(a, b, c)), hashing the parts in turn; -1 when a part is missing. */
export function joinHash(kind: number, a: string, b: string, c?: string): number {
  if (a === '' || b === '' || c === '') return -1
  let h1 = 0x811c9dc5 ^ kind
  let h2 = 0x01000193 ^ (kind * 0x9e3779b1)
  const parts = c === undefined ? 2 : 3
  for (let part = 0; part < parts; part++) {
    const s = part === 0 ? a : part === 1 ? b : c!
    if (part > 0) {
      h1 = Math.imul(h1 ^ 124, 0x01000193)
      h2 = Math.imul(h2 ^ 124, 0x5bd1e995)
    }
    for (let x = 0; x < s.length; x++) {
      const ch = s.charCodeAt(x)
      h1 = Math.imul(h1 ^ ch, 0x01000193)
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995)
    }
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff)
}

const fn: Part = (p, i) => p.fn[i]!
const ln: Part = (p, i) => p.ln[i]!
const fnMeta: Part = (p, i) => p.fnMeta[i]!
const lnMeta: Part = (p, i) => p.lnMeta[i]!
const dob: Part = (p, i) => p.dob[i]!
const postcode: Part = (p, i) => p.postcode[i]!
const city: Part = (p, i) => p.city[i]!
const region: Part = (p, i) => p.region[i]!

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
  { name: 'phone', key: (p, i) => p.phone[i]!, details: true },
  { name: 'phone_last7', key: (p, i) => p.phone7[i]!, details: true },
  joined('dob_surname_phonetic', [dob, lnMeta]),
  joined('dob_first_phonetic', [dob, fnMeta]),
  joined('house_postcode', [(p, i) => p.houseNo[i]!, postcode], { details: true }),
  joined('first_surname', [fn, ln], { maxBlock: 40, denseMaxBlock: 10 }),
  // A state is compared only where one side has no other place (see addressLevelOf): a newsletter signup's
  // geolocated region, a help-desk user placed by their phone. Two full addresses with one name and state meet
  // through the address and name keys already, so this key pairs only a placeless record with its block.
  joined('first_surname_region', [fn, ln, region], { maxBlock: 6, details: true, pairsWith: placeless }),
  { name: 'name_domain', key: (p, i) => (FREE_MAIL.has(p.emailDomain[i]!) ? '' : join(p.fnMeta[i]!, p.lnMeta[i]!, p.emailDomain[i]!)), maxBlock: 50 },
  joined('first_surname_phonetic', [fnMeta, lnMeta], { maxBlock: 8 }),
  { name: 'dob', key: (p, i) => p.dob[i]!, maxBlock: 10 },
  { name: 'surname', key: (p, i) => p.ln[i]!, maxBlock: 10 },
  joined('first_phonetic_postcode', [fnMeta, postcode], { maxBlock: 6, details: true }),
  { name: 'email_local', key: (p, i) => (p.emailLocal[i]!.length >= 4 ? p.emailLocal[i]! : ''), maxBlock: 8 },
  joined('dob_year_first_initial_surname_initial', [(p, i) => p.dob[i]!.slice(0, 4), (p, i) => p.fn[i]!.slice(0, 1), (p, i) => p.ln[i]!.slice(0, 1)], { maxBlock: 10 }),
  joined('surname_phonetic_postcode', [lnMeta, postcode], { maxBlock: 6, details: true }),
  joined('initial_surname_city', [(p, i) => p.fn[i]!.slice(0, 1), ln, city], { maxBlock: 6, details: true }),
  joined('street_surname', [(p, i) => p.streetText[i]!, lnMeta], { maxBlock: 6, details: true }),
  joined('first_phonetic_city', [fnMeta, city], { maxBlock: 6, details: true }),
]

/**
 * The key list's names and caps, in order. Stored keys (match-keys.ts) are hashed by key position, and an
 * incremental run trusts that earlier runs scored every pair the keys make: both hold only for the blocking
 * that wrote them, so a run whose latest run stored another shape must be a full one.
 */
export const blockingShape: string = [
  ...blockingKeys.map((k) => `${k.name}:${k.maxBlock ?? ''}${k.denseMaxBlock === undefined ? '' : `/${k.denseMaxBlock}`}${k.pairsWith ? `+${k.pairsWith.name}` : ''}`),
  'external_id',
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
  /** The key table of the records flagged in BlockingOptions.keysOf (no rows without it). */
  keys: KeyTable
  /**
   * Hashes of the blocks more than CROWDED times their cap, ascending: a run over every record stores one marker
   * for each instead of its entries (see match-keys-store.ts). Only meaningful when every record was blocked.
   */
  crowded: Float64Array
}

/**
 * A block this many times over its cap is over it for good: a third of the stored key entries at 1.3M records
 * sat in such blocks (surnames, first names with a city), where no lookup ever uses them but to see the block
 * is too big. Records leave a block only by erasure or re-import, never half of a block's.
 */
export const CROWDED = 2

export interface BlockingOptions {
  maxBlock?: number
  /** When given, only pairs with at least one record flagged here are generated (an incremental run). */
  isNew?: Uint8Array
  /**
   * Blocks known to be over their cap in the whole workspace when only part of it is loaded (an incremental
   * run): the block's keyHash → true to skip it, as a full blocking would.
   */
  oversized?: (hash: number) => boolean
  /** Records whose distinct key hashes candidatePairs returns (`keys`): those a run stores keys for. */
  keysOf?: Uint8Array
  signal?: AbortSignal
}

/**
 * FNV-1a twice (two offsets) folded into 53 bits: exact as a JS number and as an SQLite integer. Blocking
 * groups records by the hash of (key position, value), and the stored keys (match-keys.ts) are these hashes.
 */
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

/**
 * Generates the union of candidate pairs over all keys (plus extIds, one key per system), and the key table of
 * the records flagged in `opts.keysOf` (empty without it). Each key value is built and hashed once, key by
 * key; a key's blocks are its equal hashes. 53 bits: two of a key's 1.3 million values collide with odds of
 * about one in ten thousand, which would join their blocks (more pairs to score, or a block over its cap),
 * and the stored keys already take that chance.
 */
export function candidatePairs(p: Prepared, opts: BlockingOptions = {}): CandidatePairs {
  const out = new PairBuffer(p.n)
  const pairsByKey: Record<string, number> = {}
  const skippedBlocks: Record<string, number> = {}
  const push = (i: number, j: number): void => out.push(i, j)
  const entries = new KeyEntries(p.n)
  const kept = new KeptRows(p.n, opts.keysOf)
  const crowded: number[] = []
  for (let kx = 0; kx <= EXTERNAL_ID_KEY; kx++) {
    opts.signal?.throwIfAborted()
    hashKey(p, kx, entries)
    kept.add(entries)
    const { made, skipped } = pairsOfKey(p, kx, entries, opts, push, crowded)
    pairsByKey[keyName(kx)] = made
    skippedBlocks[keyName(kx)] = skipped
  }
  const keys = kept.table()
  const { a, b } = out.unique()
  return { a, b, pairsByKey, skippedBlocks, keys, crowded: Float64Array.from(crowded).sort() }
}

/**
 * The key table of `p`'s records flagged in `which` (every record when omitted): the rows candidatePairs hands
 * back with `keysOf`, hashed the same way without making pairs. For callers without a blocking's table.
 */
export function keyTable(p: Prepared, which?: Uint8Array): KeyTable {
  const entries = new KeyEntries(p.n)
  const kept = new KeptRows(p.n, which ?? new Uint8Array(p.n).fill(1))
  for (let kx = 0; kx <= EXTERNAL_ID_KEY; kx++) {
    hashKey(p, kx, entries)
    kept.add(entries)
  }
  return kept.table()
}

/** Name of the key at position `kx` (EXTERNAL_ID_KEY included). */
export const keyName = (kx: number): string => (kx === EXTERNAL_ID_KEY ? 'external_id' : blockingKeys[kx]!.name)

/**
 * Calls `emit(i, j)` (i < j, possibly repeated across keys, never within one) for every pair key `kx` makes;
 * returns how many it made and how many blocks it skipped over their cap. The analysis harness measures one
 * key at a time through this; candidatePairs unions them.
 */
export function forEachKeyPair(p: Prepared, kx: number, opts: BlockingOptions, emit: (i: number, j: number) => void): { made: number; skipped: number } {
  const entries = new KeyEntries(p.n)
  hashKey(p, kx, entries)
  return pairsOfKey(p, kx, entries, opts, emit)
}

/**
 * Sets `entries` to key kx's value hashes, in record order. Key by key: building and hashing one key for every
 * record took half the time of every key for one record after another.
 */
function hashKey(p: Prepared, kx: number, entries: KeyEntries): void {
  entries.length = 0
  const k = kx === EXTERNAL_ID_KEY ? undefined : blockingKeys[kx]!
  for (let i = 0; i < p.n; i++) {
    if (!k) {
      for (const id of p.extIds[i]!) entries.push(keyHash(kx, id), i)
      continue
    }
    const h = keyHashAt(k, kx, p, i)
    if (h !== -1) entries.push(h, i)
  }
}

/** Emits the pairs of one key's blocks (its entries' equal hashes); returns pairs made and blocks skipped. */
function pairsOfKey(p: Prepared, kx: number, entries: KeyEntries, opts: BlockingOptions, emit: (i: number, j: number) => void,
  crowded?: number[]): { made: number; skipped: number } {
  const maxBlock = opts.maxBlock ?? 100
  const k = kx === EXTERNAL_ID_KEY ? undefined : blockingKeys[kx]!
  const cap = Math.min(maxBlock, k?.maxBlock ?? maxBlock)
  const dense = k?.denseMaxBlock ?? cap
  let made = 0
  let skipped = 0
  entries.forEachBlock((from, to, hash) => {
    const size = to - from
    if (size > cap || opts.oversized?.(hash) === true) {
      skipped++
      if (size > CROWDED * cap) crowded?.push(hash)
      return
    }
    const block = entries.rec.subarray(from, to)
    if (k?.pairsWith) made += emitBlockWith(p, block, emit, opts.isNew, k.pairsWith)
    else made += size > dense ? emitBlockWith(p, block, emit, opts.isNew, isSparse) : emitBlock(block, emit, opts.isNew)
  })
  return { made, skipped }
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

/** A record without a street, postcode or city: at most a region (its own, or its phone's). */
function placeless(p: Prepared, i: number): boolean {
  return p.postcode[i] === '' && p.city[i] === '' && p.streetText[i] === ''
}

const passes = new Uint8Array(256)

/** Like emitBlock, for the pairs with at least one record that passes `test`. */
function emitBlockWith(p: Prepared, members: Int32Array, emit: (i: number, j: number) => void, isNew: Uint8Array | undefined,
  test: (p: Prepared, i: number) => boolean): number {
  // One scratch array for every block (blocks are at most 100 records by default): a million blocks of the
  // region key allocated an array each.
  const sparse = members.length <= passes.length ? passes : new Uint8Array(members.length)
  for (let x = 0; x < members.length; x++) sparse[x] = test(p, members[x]!) ? 1 : 0
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
