import type { Workspace } from '../db'

/**
 * Planner statistics (sqlite_stat1) for the derived tables segment counts read. Without them SQLite
 * assumes an equality on any index matches about ten rows, so "country = FR" (a third of all profiles)
 * looked cheaper than the few thousand profiles an event condition yields, and a segment of a segment
 * walked the country range instead of looking those profiles up. ANALYZE samples (analysis_limit) rather
 * than reading every row: under a second at 400,000 profiles.
 *
 * Re-analysed when there are no statistics yet or when the profiles refreshed since the last ANALYZE add
 * up to a fifth of the profiles it saw, so a workspace grown by many small imports is re-measured too.
 */
const STATS_KEY = 'profiles.plannerStats'
const SAMPLE_ROWS = 1000
const STALE_SHARE = 0.2

interface StatsState {
  rowsAtAnalyze: number
  changedSince: number
  /** Per event type, the profile id that splits its events in two equal halves (see eventCountSplits). */
  eventSplits?: Record<string, number>
}

function readState(ws: Workspace): StatsState | undefined {
  const raw = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATS_KEY) as string | undefined
  return raw === undefined ? undefined : JSON.parse(raw) as StatsState
}

/**
 * Per event type, the profile id at or below which half of its events lie, as of the last statistics
 * update. A parallel segment count (segments/parallel-count.ts) splits the profiles there so that both
 * threads walk as many events: events are not spread evenly over profile ids (long-standing customers,
 * the low ids, have placed more orders). Empty until the first refresh that measures statistics.
 */
export function eventCountSplits(ws: Workspace): Record<string, number> {
  return readState(ws)?.eventSplits ?? {}
}

function measureEventSplits(ws: Workspace): Record<string, number> {
  const db = ws.sqlite
  const next = db.prepare('SELECT min(type) FROM profile_events WHERE type > ?').pluck()
  const count = db.prepare('SELECT count(*) FROM profile_events INDEXED BY profile_events_by_type_profile_time WHERE type = ?').pluck()
  const nth = db.prepare(`SELECT profile_id FROM profile_events INDEXED BY profile_events_by_type_profile_time WHERE type = ?
    ORDER BY type, profile_id LIMIT 1 OFFSET ?`).pluck()
  const splits: Record<string, number> = {}
  for (let type = next.get('') as string | null, i = 0; type !== null && i < 200; type = next.get(type) as string | null, i++) {
    const n = count.get(type) as number
    const id = nth.get(type, Math.floor(n / 2)) as number | undefined
    if (id !== undefined) splits[type] = id
  }
  return splits
}

export function updatePlannerStats(ws: Workspace, refreshed: number): void {
  const db = ws.sqlite
  const previous = readState(ws)
  const state: StatsState = previous ?? { rowsAtAnalyze: 0, changedSince: 0 }
  state.changedSince += refreshed
  if (previous === undefined || state.eventSplits === undefined || state.changedSince > STALE_SHARE * state.rowsAtAnalyze) {
    const limit = db.pragma('analysis_limit', { simple: true }) as number
    db.pragma(`analysis_limit = ${SAMPLE_ROWS}`)
    try {
      db.exec('ANALYZE profile_facts; ANALYZE profile_events')
    } finally {
      db.pragma(`analysis_limit = ${limit}`)
    }
    state.rowsAtAnalyze = db.prepare('SELECT count(*) FROM profile_facts').pluck().get() as number
    state.eventSplits = measureEventSplits(ws)
    state.changedSince = 0
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(STATS_KEY, JSON.stringify(state))
}
