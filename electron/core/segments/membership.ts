import { sql } from 'kysely'
import type { Workspace } from '../db'
import { compileContext, compileRule } from './compile'
import { listSegments } from './saved'

/**
 * The saved segments one profile belongs to now: each rule evaluated against that one summary row
 * (a primary-key lookup per segment, cheap for a profile page).
 */
export function segmentsOfProfile(ws: Workspace, profileId: number, now = new Date()): { id: number; name: string; version: number }[] {
  const out: { id: number; name: string; version: number }[] = []
  for (const seg of listSegments(ws)) {
    const q = sql`SELECT 1 FROM profile_facts s WHERE s.profile_id = ${profileId} AND ${compileRule(compileContext(ws, now), seg.rule)}`.compile(ws.db)
    if (ws.sqlite.prepare(q.sql).get(...q.parameters)) out.push({ id: seg.id, name: seg.name, version: seg.version })
  }
  return out
}
