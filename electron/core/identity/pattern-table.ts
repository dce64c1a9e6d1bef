/**
 * Numbering of level patterns packed into whole numbers (see train.ts numberKey), shared by training and
 * weighing: both look a pattern up once per candidate pair.
 */

const hashKey = (key: number): number => Math.imul(key | 0, 0x9e3779b1) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b)

/**
 * Numbered distinct keys (numberKey's: whole numbers from 0 below 2^53) in an open-addressing table of typed
 * arrays: a Map keyed by numbers over 2^31 hashes boxed doubles, and a few thousand patterns are looked up
 * once per candidate pair.
 */
export class PatternTable {
  private keys = new Float64Array(1 << 12).fill(-1)
  private slots = new Int32Array(1 << 12)
  size = 0

  /** The number of `key` (0, 1, … in first-seen order), adding it when new. */
  numberOf(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow()
    const mask = this.keys.length - 1
    let h = hashKey(key) & mask
    for (;;) {
      const at = this.keys[h]!
      if (at === key) return this.slots[h]!
      if (at === -1) break
      h = (h + 1) & mask
    }
    this.keys[h] = key
    this.slots[h] = this.size
    return this.size++
  }

  private grow(): void {
    const [keys, slots] = [this.keys, this.slots]
    this.keys = new Float64Array(keys.length * 2).fill(-1)
    this.slots = new Int32Array(keys.length * 2)
    const mask = this.keys.length - 1
    for (let x = 0; x < keys.length; x++) {
      if (keys[x] === -1) continue
      let h = hashKey(keys[x]!) & mask
      while (this.keys[h] !== -1) h = (h + 1) & mask
      this.keys[h] = keys[x]!
      this.slots[h] = slots[x]!
    }
  }
}
