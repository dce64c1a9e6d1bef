import type { Workspace } from '../db'

/**
 * Consent per channel and purpose, as the sources stated it: every statement with its value, time and
 * source row, and the state that counts (the latest by observed_at; undated statements lose to dated ones,
 * among equals the later-written row wins). Statements that disagree with the winner stay visible as conflicts.
 */
export interface ConsentStatement {
  id: number
  recordId: number
  channel: string
  purpose: string
  value: 'granted' | 'denied' | 'unknown'
  observedAt: string | null
  source: string
  rawRowId: number | null
  rowNumber: number | null
  importId: number | null
}

export interface ConsentRecord {
  channel: string
  purpose: string
  value: ConsentStatement['value']
  observedAt: string | null
  source: string
  rawRowId: number | null
  statements: ConsentStatement[]
  conflicts: ConsentStatement[]
}

/** Every consent statement of a profile's records, oldest first. */
export function consentStatements(ws: Workspace, profileId: number): ConsentStatement[] {
  return ws.sqlite.prepare(`SELECT c.id, c.record_id AS recordId, c.channel, c.purpose, c.value, c.observed_at AS observedAt, s.name AS source,
      c.raw_row_id AS rawRowId, rr.row_number AS rowNumber, rr.import_id AS importId
    FROM consents c JOIN records r ON r.id = c.record_id JOIN sources s ON s.id = r.source_id LEFT JOIN raw_rows rr ON rr.id = c.raw_row_id
    WHERE r.profile_id = ? ORDER BY coalesce(c.observed_at, ''), c.id`).all(profileId) as ConsentStatement[]
}

/** Latest-wins consent per channel and purpose, with the conflicting statements. */
export function consentRecords(statements: readonly ConsentStatement[]): ConsentRecord[] {
  const groups = new Map<string, ConsentStatement[]>()
  for (const s of statements) {
    const key = `${s.channel}\u0000${s.purpose}`
    groups.set(key, [...(groups.get(key) ?? []), s])
  }
  return [...groups.values()].map((all) => {
    const win = all.reduce((a, b) => ((b.observedAt ?? '') > (a.observedAt ?? '') || ((b.observedAt ?? '') === (a.observedAt ?? '') && b.id > a.id) ? b : a))
    return {
      channel: win.channel, purpose: win.purpose, value: win.value, observedAt: win.observedAt, source: win.source, rawRowId: win.rawRowId,
      statements: all, conflicts: all.filter((s) => s.value !== win.value),
    }
  }).sort((a, b) => a.channel.localeCompare(b.channel) || a.purpose.localeCompare(b.purpose))
}
