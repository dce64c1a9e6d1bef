/** No key is this (keys are integers). */
const EMPTY = -0.5

/**
 * A memo of 32-bit integers by integer keys up to 2^53 in size (the name-comparison memo's
 * code-pair keys, about 2^50): open addressing over typed arrays. A Map keyed by such numbers holds a heap
 * number per key besides its entry, about 45 bytes an entry; at 1.3M records both scoring threads filled
 * theirs to a couple of million entries while the run was at its peak. Here an entry takes 12 bytes a slot,
 * slots at most three quarters full.
 */
export class NumberMemo {
  private keys = new Float64Array(1 << 10).fill(EMPTY)
  private values = new Int32Array(1 << 10)
  private count = 0

  get size(): number {
    return this.count
  }

  get(key: number): number | undefined {
    const mask = this.keys.length - 1
    for (let s = slotOf(key, mask); ; s = (s + 1) & mask) {
      const k = this.keys[s]!
      if (k === key) return this.values[s]!
      if (k === EMPTY) return undefined
    }
  }

  set(key: number, value: number): this {
    if ((this.count + 1) * 4 > this.keys.length * 3) this.resize(this.keys.length * 2)
    const mask = this.keys.length - 1
    let s = slotOf(key, mask)
    while (this.keys[s] !== EMPTY && this.keys[s] !== key) s = (s + 1) & mask
    if (this.keys[s] === EMPTY) this.count++
    this.keys[s] = key
    this.values[s] = value
    return this
  }

  private resize(slots: number): void {
    const keys = this.keys
    const values = this.values
    this.keys = new Float64Array(slots).fill(EMPTY)
    this.values = new Int32Array(slots)
    const mask = slots - 1
    for (let t = 0; t < keys.length; t++) {
      const k = keys[t]!
      if (k === EMPTY) continue
      let s = slotOf(k, mask)
      while (this.keys[s] !== EMPTY) s = (s + 1) & mask
      this.keys[s] = k
      this.values[s] = values[t]!
    }
  }
}

/** The home slot of a key: its low and high 32 bits mixed (keys are code pairs: the low bits alone repeat). */
function slotOf(key: number, mask: number): number {
  const lo = key >>> 0
  const hi = (key / 4294967296) >>> 0
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 15
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 13
  return h & mask
}
