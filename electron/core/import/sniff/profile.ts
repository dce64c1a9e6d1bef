import { cleanCell, decideDateOrder } from '../normalize'
import type { ColumnProfile } from '../types'
import { detectValueType } from './detect-type'

const MAX_SAMPLES = 5

/**
 * Profiles each column of a sample of rows: fill rate (non-empty share of the rows, 0 when there are none), distinct
 * non-empty values, up to 5 distinct sample values, the detected type, and for date/datetime columns the day/month
 * order the data shows. Rows shorter than the header count as empty cells. The caller chooses the sample (the first
 * few thousand rows is typical); the cost is linear in its size. Never throws.
 */
export function profileColumns(header: string[], rows: string[][]): ColumnProfile[] {
  return header.map((name, index) => {
    const raw = rows.map((row) => row[index] ?? '')
    const nonEmpty: string[] = []
    const distinct = new Set<string>()
    for (const cell of raw) {
      const value = cleanCell(cell).value
      if (value === '') continue
      nonEmpty.push(value)
      distinct.add(value)
    }
    const detected = detectValueType(nonEmpty, name)
    const profile: ColumnProfile = {
      index,
      name,
      fillRate: rows.length === 0 ? 0 : nonEmpty.length / rows.length,
      distinct: distinct.size,
      samples: [...distinct].slice(0, MAX_SAMPLES),
      detected,
    }
    if (detected === 'date' || detected === 'datetime') profile.dateOrder = decideDateOrder(nonEmpty).order
    return profile
  })
}
