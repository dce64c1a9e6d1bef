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

interface StatsState { rowsAtAnalyze: number; changedSince: number }

export function updatePlannerStats(ws: Workspace, refreshed: number): void {
  const db = ws.sqlite
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATS_KEY) as string | undefined
  const state: StatsState = raw ? JSON.parse(raw) as StatsState : { rowsAtAnalyze: 0, changedSince: 0 }
  state.changedSince += refreshed
  if (raw === undefined || state.changedSince > STALE_SHARE * state.rowsAtAnalyze) {
    const limit = db.pragma('analysis_limit', { simple: true }) as number
    db.pragma(`analysis_limit = ${SAMPLE_ROWS}`)
    try {
      db.exec('ANALYZE profile_facts; ANALYZE profile_events')
    } finally {
      db.pragma(`analysis_limit = ${limit}`)
    }
    state.rowsAtAnalyze = db.prepare('SELECT count(*) FROM profile_facts').pluck().get() as number
    state.changedSince = 0
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(STATS_KEY, JSON.stringify(state))
}
