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
  /** The key value of record i, or '' when the record has none. */
  key(p: Prepared, i: number): string
}

const join = (...parts: string[]): string => (parts.some((x) => x === '') ? '' : parts.join('|'))

export const blockingKeys: readonly BlockingKey[] = [
  { name: 'email', key: (p, i) => p.email[i]! },
  { name: 'email_folded', key: (p, i) => (p.emailMatch[i] !== p.email[i] ? p.emailMatch[i]! : '') },
  { name: 'phone', key: (p, i) => p.phone[i]! },
  { name: 'phone_last7', key: (p, i) => p.phone7[i]! },
  { name: 'surname_phonetic_postcode', key: (p, i) => join(p.lnMeta[i]!, p.postcode[i]!) },
  { name: 'initial_surname_city', key: (p, i) => join(p.fn[i]!.slice(0, 1), p.ln[i]!, p.city[i]!) },
  { name: 'dob_surname_phonetic', key: (p, i) => join(p.dob[i]!, p.lnMeta[i]!) },
  { name: 'dob_first_phonetic', key: (p, i) => join(p.dob[i]!, p.fnMeta[i]!) },
  { name: 'house_postcode', key: (p, i) => join(p.houseNo[i]!, p.postcode[i]!) },
  { name: 'first_surname_phonetic', key: (p, i) => join(p.fnMeta[i]!, p.lnMeta[i]!), maxBlock: 50 },
  { name: 'street_surname', key: (p, i) => join(p.streetText[i]!, p.lnMeta[i]!) },
  { name: 'dob', key: (p, i) => p.dob[i]!, maxBlock: 20 },
  { name: 'surname', key: (p, i) => p.ln[i]!, maxBlock: 20 },
  { name: 'first_phonetic_postcode', key: (p, i) => join(p.fnMeta[i]!, p.postcode[i]!) },
  { name: 'first_phonetic_city', key: (p, i) => join(p.fnMeta[i]!, p.city[i]!) },
  { name: 'email_local', key: (p, i) => (p.emailLocal[i]!.length >= 4 ? p.emailLocal[i]! : '') },
  { name: 'dob_year_first_initial_surname_initial', key: (p, i) => join(p.dob[i]!.slice(0, 4), p.fn[i]!.slice(0, 1), p.ln[i]!.slice(0, 1)), maxBlock: 30 },
]

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
  const maxBlock = opts.maxBlock ?? 100
  const out = new PairBuffer(p.n)
  const pairsByKey: Record<string, number> = {}
  const skippedBlocks: Record<string, number> = {}
  const keys: BlockingKey[] = [...blockingKeys, { name: 'external_id', key: () => '' }]
  for (let kx = 0; kx < keys.length; kx++) {
    const k = keys[kx]!
    opts.signal?.throwIfAborted()
    const blocks = new Map<string, number[]>()
    for (let i = 0; i < p.n; i++) {
      if (k.name === 'external_id') {
        for (const id of p.extIds[i]!) addTo(blocks, id, i)
        continue
      }
      const v = k.key(p, i)
      if (v !== '') addTo(blocks, v, i)
    }
    let made = 0
    let skipped = 0
    for (const [value, members] of blocks) {
      if (members.length < 2) continue
      if (members.length > Math.min(maxBlock, k.maxBlock ?? maxBlock) || opts.oversized?.(kx, value) === true) {
        skipped++
        continue
      }
      made += emitBlock(members, out, opts.isNew)
    }
    pairsByKey[k.name] = made
    skippedBlocks[k.name] = skipped
  }
  const { a, b } = out.unique()
  return { a, b, pairsByKey, skippedBlocks }
}

function addTo(blocks: Map<string, number[]>, key: string, i: number): void {
  const list = blocks.get(key)
  if (list) list.push(i)
  else blocks.set(key, [i])
}

function emitBlock(members: number[], out: PairBuffer, isNew: Uint8Array | undefined): number {
  let made = 0
  for (let x = 0; x < members.length; x++) {
    const i = members[x]!
    for (let y = x + 1; y < members.length; y++) {
      const j = members[y]!
      if (i === j) continue
      if (isNew && !isNew[i] && !isNew[j]) continue
      out.push(i < j ? i : j, i < j ? j : i)
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
