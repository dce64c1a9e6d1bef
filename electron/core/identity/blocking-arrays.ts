/**
 * Blocking's typed-array machinery (blocking.ts): a key's (hash, record) entries grouped into blocks, the key
 * table kept for saving, and the buffer that unions the pairs. Millions of entries at 1.3M records: no object
 * or array per record or per block.
 */

/**
 * Records' distinct key hashes (blocking keys in order, then external ids; a repeated hash kept where it first
 * occurs), the rows a run stores (match-keys.ts). Rows are in record order: record i's are start[i]..start[i+1].
 * A run holds it from blocking to saving, so it holds nothing more (12 million rows at 1.3M records: a record
 * index per row would be another 47 MB through scoring and the saving's peak).
 */
export interface KeyTable {
  hash: Float64Array
  start: Uint32Array
}

/** Digit counts of KeyEntries' radix passes, shared (one sort at a time: blocking is synchronous). */
const digitCount = new Uint32Array(0x10001)

/**
 * One key's (hash, record) entries, grouped into blocks of equal hash by a stable LSD radix sort over typed
 * arrays, instead of a Map of value strings per key (a Map keyed by the 53-bit hashes would hold heap numbers).
 * Two 16-bit passes sort by the hash's low 32 bits; the rare run of equal low halves with several high
 * halves is re-sorted by them. Stable, so a block's records stay in record order.
 */
export class KeyEntries {
  lo: Uint32Array
  hi: Uint32Array
  rec: Int32Array
  length = 0
  private spare: [Uint32Array, Uint32Array, Int32Array]

  constructor(capacity: number) {
    this.lo = new Uint32Array(capacity)
    this.hi = new Uint32Array(capacity)
    this.rec = new Int32Array(capacity)
    this.spare = [new Uint32Array(capacity), new Uint32Array(capacity), new Int32Array(capacity)]
  }

  push(hash: number, rec: number): void {
    // Only external ids (several per record) can outgrow the capacity given.
    if (this.length === this.lo.length) this.grow()
    const lo = hash >>> 0
    this.lo[this.length] = lo
    this.hi[this.length] = (hash - lo) / 0x100000000
    this.rec[this.length++] = rec
  }

  /** Sorts the entries and calls `visit` with each block's range (over `rec`) and hash, in hash order. */
  forEachBlock(visit: (from: number, to: number, hash: number) => void): void {
    this.pass(0)
    this.pass(16)
    const { lo, hi, length } = this
    for (let s = 0; s < length;) {
      let e = s + 1
      while (e < length && lo[e] === lo[s]) e++
      if (e - s < 2) {
        s = e
        continue
      }
      let mixed = false
      for (let x = s + 1; x < e && !mixed; x++) mixed = hi[x] !== hi[s]
      if (mixed) this.sortHigh(s, e)
      for (let b = s; b < e;) {
        let f = b + 1
        while (f < e && hi[f] === hi[b]) f++
        if (f - b > 1) visit(b, f, hi[b]! * 0x100000000 + lo[b]!)
        b = f
      }
      s = e
    }
  }

  /** One stable counting pass on 16 bits of the low half, into the spare arrays (then swapped in). */
  private pass(shift: number): void {
    const { lo, hi, rec, length } = this
    const [toLo, toHi, toRec] = this.spare
    const count = digitCount.fill(0)
    for (let r = 0; r < length; r++) count[((lo[r]! >>> shift) & 0xffff) + 1]!++
    for (let d = 1; d <= 0xffff; d++) count[d]! += count[d - 1]!
    for (let r = 0; r < length; r++) {
      const to = count[(lo[r]! >>> shift) & 0xffff]!++
      toLo[to] = lo[r]!
      toHi[to] = hi[r]!
      toRec[to] = rec[r]!
    }
    this.spare = [lo, hi, rec]
    this.lo = toLo
    this.hi = toHi
    this.rec = toRec
  }

  /** Entries s..e (equal low halves) stably by high half: a 32-bit collision, about a hundred per million values. */
  private sortHigh(s: number, e: number): void {
    const idx = Array.from({ length: e - s }, (_v, x) => s + x).sort((x, y) => this.hi[x]! - this.hi[y]! || x - y)
    const hi = idx.map((x) => this.hi[x]!)
    const rec = idx.map((x) => this.rec[x]!)
    this.hi.set(hi, s)
    this.rec.set(rec, s)
  }

  private grow(): void {
    const size = this.lo.length * 2 + 16
    const lo = new Uint32Array(size)
    const hi = new Uint32Array(size)
    const rec = new Int32Array(size)
    lo.set(this.lo)
    hi.set(this.hi)
    rec.set(this.rec)
    this.lo = lo
    this.hi = hi
    this.rec = rec
    this.spare = [new Uint32Array(size), new Uint32Array(size), new Int32Array(size)]
  }
}

/**
 * The flagged records' key hashes as blocking makes them, key after key, then laid out as their KeyTable. Nothing
 * is kept without flags.
 */
export class KeptRows {
  private hash = new Float64Array(0)
  private rec = new Int32Array(0)
  private len = 0

  constructor(private readonly n: number, private readonly which: Uint8Array | undefined) {
    if (which) {
      // About ten keys a record (9.2 at 300k).
      const room = which.reduce((s, f) => s + (f ? 10 : 0), 64)
      this.hash = new Float64Array(room)
      this.rec = new Int32Array(room)
    }
  }

  /** Appends the flagged records' rows of one key (entries in record order, not yet sorted). */
  add(entries: KeyEntries): void {
    const { which } = this
    if (!which) return
    if (this.len + entries.length > this.hash.length) this.grow(this.len + entries.length)
    const { hash, rec } = this
    for (let x = 0; x < entries.length; x++) {
      const i = entries.rec[x]!
      if (!which[i]) continue
      hash[this.len] = entries.hi[x]! * 0x100000000 + entries.lo[x]!
      rec[this.len++] = i
    }
  }

  /**
   * The rows by record (a stable counting sort: key order within a record), each record's repeats dropped where
   * they recur (the order match-keys.ts's recordKeyHashes lists them in). Drops the rows kept.
   */
  table(): KeyTable {
    const { n, len } = this
    const { start, at } = countingStarts(this.rec, len, n)
    let hash = new Float64Array(len)
    for (let r = 0; r < len; r++) hash[at[this.rec[r]!]!++] = this.hash[r]!
    this.hash = new Float64Array(0)
    this.rec = new Int32Array(0)
    // Repeats: an external id listed twice, or two keys' values of one hash.
    let end = 0
    let from = 0
    for (let i = 0; i < n; i++) {
      const to = start[i + 1]!
      start[i] = end
      for (let r = from; r < to; r++) {
        const h = hash[r]!
        let seen = false
        for (let x = start[i]!; x < end && !seen; x++) seen = hash[x] === h
        if (seen) continue
        hash[end++] = h
      }
      from = to
    }
    start[n] = end
    if (end < len) hash = hash.slice(0, end)
    return { hash, start }
  }

  private grow(least: number): void {
    const size = Math.max(least, Math.ceil(this.hash.length * 1.5))
    const hash = new Float64Array(size)
    const rec = new Int32Array(size)
    hash.set(this.hash.subarray(0, this.len))
    rec.set(this.rec.subarray(0, this.len))
    this.hash = hash
    this.rec = rec
  }
}

/**
 * The pairs every key made (a < b, repeated across keys), made unique once: a counting sort by the first
 * record and an insertion sort of each record's few partners. A native sort of the pairs coded as floats
 * (a·n + b) took 0.25 s at 300k records.
 */
export class PairBuffer {
  private a = new Int32Array(1 << 16)
  private b = new Int32Array(1 << 16)
  private len = 0
  constructor(private readonly n: number) {}

  push(a: number, b: number): void {
    if (this.len === this.a.length) {
      const a2 = new Int32Array(this.len * 2)
      const b2 = new Int32Array(this.len * 2)
      a2.set(this.a)
      b2.set(this.b)
      this.a = a2
      this.b = b2
    }
    this.a[this.len] = a
    this.b[this.len++] = b
  }

  /** The distinct pairs ordered by a, then b. Empties the buffer. */
  unique(): { a: Int32Array; b: Int32Array } {
    const { n, len } = this
    const { start, at } = countingStarts(this.a, len, n)
    const partner = new Int32Array(len)
    for (let k = 0; k < len; k++) partner[at[this.a[k]!]!++] = this.b[k]!
    this.a = new Int32Array(0)
    this.b = new Int32Array(0)
    let m = 0
    for (let i = 0; i < n; i++) {
      const from = start[i]!
      const to = start[i + 1]!
      if (to - from > 32) partner.subarray(from, to).sort()
      else insertionSort(partner, from, to)
      // Compacted in place (m never passes x); partner[m - 1] is the last pair kept of this record.
      start[i] = m
      for (let x = from; x < to; x++) {
        const j = partner[x]!
        if (x > from && j === partner[m - 1]) continue
        partner[m++] = j
      }
    }
    start[n] = m
    const a = new Int32Array(m)
    for (let i = 0; i < n; i++) a.fill(i, start[i]!, start[i + 1]!)
    return { a, b: partner.slice(0, m) }
  }
}

/**
 * A counting sort's offsets for the first `len` entries of `keys` (values in 0..n): bucket i runs from start[i]
 * to start[i + 1], and `at` (a copy of the first n starts) is each bucket's next free place.
 */
function countingStarts(keys: Int32Array, len: number, n: number): { start: Uint32Array; at: Uint32Array } {
  const start = new Uint32Array(n + 1)
  for (let k = 0; k < len; k++) start[keys[k]! + 1]!++
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!
  return { start, at: start.slice(0, n) }
}

function insertionSort(v: Int32Array, from: number, to: number): void {
  for (let x = from + 1; x < to; x++) {
    const e = v[x]!
    let y = x - 1
    for (; y >= from && v[y]! > e; y--) v[y + 1] = v[y]!
    v[y + 1] = e
  }
}
