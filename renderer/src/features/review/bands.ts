/**
 * Score bands the review queue filters by: probability ranges (inclusive) of the resolver's pairs.
 * Pure data and helpers, shared by the filter, the bulk actions and their tests.
 */
export interface ScoreBand {
  id: string
  label: string
  min: number
  max: number
}

export const scoreBands: readonly ScoreBand[] = [
  { id: 'all', label: 'All', min: 0, max: 1 },
  { id: 'likely', label: '≥ 70%', min: 0.7, max: 1 },
  { id: 'unsure', label: '50–70%', min: 0.5, max: 0.7 },
  { id: 'doubtful', label: '30–50%', min: 0.3, max: 0.5 },
  { id: 'unlikely', label: '< 30%', min: 0, max: 0.3 },
]

/** The band with this id; unknown ids (an old saved state) fall back to All. */
export function bandById(id: string): ScoreBand {
  return scoreBands.find((b) => b.id === id) ?? (scoreBands[0] as ScoreBand)
}

/** The id of the item to show after `currentId` leaves the list: the next one, else the previous, else none. */
export function nextAfter(ids: readonly number[], currentId: number | undefined): number | undefined {
  if (currentId === undefined) return ids[0]
  const i = ids.indexOf(currentId)
  if (i < 0) return ids[0]
  return ids[i + 1] ?? ids[i - 1]
}

/** Moves the selection by `delta` within `ids`, clamped at the ends. */
export function moveSelection(ids: readonly number[], currentId: number | undefined, delta: number): number | undefined {
  if (ids.length === 0) return undefined
  const i = currentId === undefined ? -1 : ids.indexOf(currentId)
  const next = Math.min(Math.max((i < 0 ? 0 : i + delta), 0), ids.length - 1)
  return ids[next]
}

/** A waterfall bar: the step's label, its weight and the range it spans on the running total (log2). */
export interface WaterfallBar {
  label: string
  detail: string
  weight: number
  range: [number, number]
}

/** Turns the engine's waterfall steps (weight and running total) into floating bars for a chart. */
export function waterfallBars(steps: readonly { label: string; level: string | null; weight: number; total: number }[]): WaterfallBar[] {
  return steps.map((s) => {
    const before = s.total - s.weight
    return { label: s.label, detail: s.level ?? '', weight: s.weight, range: [Math.min(before, s.total), Math.max(before, s.total)] }
  })
}
