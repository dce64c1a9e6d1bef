/**
 * Position of `value` among the first `length` entries of `sorted` (ascending), or -1. The run's record ids
 * are found this way rather than through a Map with a million entries.
 */
export function indexOfSorted(sorted: ArrayLike<number>, value: number, length = sorted.length): number {
  let lo = 0
  let hi = length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const v = sorted[mid]!
    if (v === value) return mid
    if (v < value) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
