/**
 * Shared plumbing for the per-source row builders: id counters, named cells → header-ordered CSV lines,
 * and the row groups (one person's consecutive lines) that the generator shuffles and writes.
 */
import { csvLine } from './csv'
import { headerLines, type SourceFile } from './headers'
import type { Rng } from './rng'

/** Lines that stay together in the file (an order's line items) and the person they belong to. */
export interface RowGroup {
  person: string
  lines: string[]
}

/** Unique, increasing ids per source; sequential use keeps them reproducible for a seed. */
export class IdCounters {
  private readonly counts = new Map<string, number>()

  next(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1
    this.counts.set(key, n)
    return n
  }
}

export interface RowContext {
  rng: Rng
  ids: IdCounters
}

const indexCache = new Map<SourceFile, Map<string, number>>()

function columnIndex(file: SourceFile): Map<string, number> {
  let index = indexCache.get(file)
  if (!index) {
    index = new Map(headerLines[file].split(',').map((h, i) => [h.replace(/^"|"$/g, ''), i] as const))
    indexCache.set(file, index)
  }
  return index
}

/**
 * One CSV line for `file`, with the cells of `parts` placed under their header names and every other
 * column empty. Throws on a name the header does not have, so a misspelt column cannot go unnoticed.
 */
export function lineFor(file: SourceFile, ...parts: Readonly<Record<string, string>>[]): string {
  const index = columnIndex(file)
  const cells = new Array<string>(index.size).fill('')
  for (const part of parts) {
    for (const key in part) {
      const i = index.get(key)
      if (i === undefined) throw new Error(`${file} has no column '${key}'`)
      cells[i] = part[key] ?? ''
    }
  }
  return csvLine(cells)
}

/** Money with two decimals, as exports print it. */
export const money = (cents: number): string => (cents / 100).toFixed(2)

/** Shopify's guard against spreadsheets eating leading zeros and plus signs. */
export const apostrophe = (value: string): string => (value === '' ? '' : `'${value}`)

export const yesNo = (rng: Rng, pYes: number): string => (rng.chance(pYes) ? 'yes' : 'no')
