import { CdpError } from '../../../shared/api/errors'
import { referencedSegments, type SegmentRule } from '../../../shared/domain/segment-rule'
import type { Workspace } from '../db'
import { compileContext, compileRule } from './compile'
import { ensureRule, segmentMembers } from './evaluate'

/**
 * Saved segments: a name, a description and an append-only list of rule versions. The latest version
 * is the segment's definition; an export pins the version and the member snapshot it used.
 */
export interface SavedSegment {
  id: number
  name: string
  description: string
  version: number
  versionId: number
  rule: SegmentRule
  createdAt: string
  updatedAt: string
}

const NAME = /^\S(.{0,98}\S)?$/

interface Row { id: number; name: string; description: string; created_at: string; updated_at: string; version: number; version_id: number; rule: string }

const SELECT = `SELECT s.id, s.name, s.description, s.created_at, s.updated_at, v.version, v.id AS version_id, v.rule
  FROM segments s JOIN segment_versions v ON v.segment_id = s.id
  WHERE v.version = (SELECT max(version) FROM segment_versions WHERE segment_id = s.id)`

const toSaved = (r: Row): SavedSegment => ({
  id: r.id, name: r.name, description: r.description, version: r.version, versionId: r.version_id,
  rule: ensureRule(JSON.parse(r.rule)), createdAt: r.created_at, updatedAt: r.updated_at,
})

/** Every saved segment at its latest version, by name. */
export function listSegments(ws: Workspace): SavedSegment[] {
  return (ws.sqlite.prepare(`${SELECT} ORDER BY s.name`).all() as Row[]).map(toSaved)
}

/** A saved segment by name (or numeric id). Throws CdpError('NotFound'). */
export function getSegment(ws: Workspace, nameOrId: string | number): SavedSegment {
  const row = (typeof nameOrId === 'number'
    ? ws.sqlite.prepare(`${SELECT} AND s.id = ?`).get(nameOrId)
    : ws.sqlite.prepare(`${SELECT} AND s.name = ?`).get(nameOrId)) as Row | undefined
  if (!row) throw new CdpError('NotFound', `No segment named "${nameOrId}". List them with "cdp segment list".`)
  return toSaved(row)
}

/** Every version of a segment, oldest first. */
export function segmentVersions(ws: Workspace, name: string): { id: number; version: number; rule: SegmentRule; createdAt: string }[] {
  const seg = getSegment(ws, name)
  const rows = ws.sqlite.prepare('SELECT id, version, rule, created_at FROM segment_versions WHERE segment_id = ? ORDER BY version').all(seg.id) as
    { id: number; version: number; rule: string; created_at: string }[]
  return rows.map((r) => ({ id: r.id, version: r.version, rule: ensureRule(JSON.parse(r.rule)), createdAt: r.created_at }))
}

/**
 * Saves a new segment at version 1. The rule must be valid, compile (known traits, sources, segments)
 * and not refer back to itself. Throws InvalidInput or Conflict (name taken). One transaction.
 */
export function createSegment(ws: Workspace, name: string, rule: unknown, description = ''): SavedSegment {
  if (!NAME.test(name)) throw new CdpError('InvalidInput', `Invalid segment name "${name}": 1–100 characters, not starting or ending with a space.`)
  const parsed = ensureRule(rule)
  const now = new Date().toISOString()
  return ws.sqlite.transaction(() => {
    if (ws.sqlite.prepare('SELECT 1 FROM segments WHERE name = ?').get(name)) throw new CdpError('Conflict', `A segment named "${name}" already exists.`)
    checkCompiles(ws, name, parsed)
    const id = Number(ws.sqlite.prepare('INSERT INTO segments (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, description, now, now).lastInsertRowid)
    ws.sqlite.prepare('INSERT INTO segment_versions (segment_id, version, rule, created_at) VALUES (?, 1, ?, ?)').run(id, JSON.stringify(parsed), now)
    return getSegment(ws, id)
  })()
}

/** Adds a new version of the rule (older versions stay, exports keep pointing at theirs). */
export function updateSegment(ws: Workspace, name: string, rule: unknown, description?: string): SavedSegment {
  const parsed = ensureRule(rule)
  const now = new Date().toISOString()
  return ws.sqlite.transaction(() => {
    const seg = getSegment(ws, name)
    checkCompiles(ws, name, parsed)
    ws.sqlite.prepare('INSERT INTO segment_versions (segment_id, version, rule, created_at) VALUES (?, ?, ?, ?)').run(seg.id, seg.version + 1, JSON.stringify(parsed), now)
    ws.sqlite.prepare('UPDATE segments SET description = ?, updated_at = ? WHERE id = ?').run(description ?? seg.description, now, seg.id)
    return getSegment(ws, seg.id)
  })()
}

/** Deletes a segment and its versions. Throws NotFound, or Conflict while another segment refers to it. */
export function deleteSegment(ws: Workspace, name: string): void {
  ws.sqlite.transaction(() => {
    const seg = getSegment(ws, name)
    const users = listSegments(ws).filter((s) => s.id !== seg.id && referencedSegments(s.rule).includes(seg.name)).map((s) => s.name)
    if (users.length > 0) throw new CdpError('Conflict', `Segment "${name}" is used by ${users.map((u) => `"${u}"`).join(', ')}; change those first.`)
    ws.sqlite.prepare('DELETE FROM segments WHERE id = ?').run(seg.id)
  })()
}

/**
 * The members of a saved segment now, with the version that defined them: what an export writes to
 * export_members, so the same file can be reproduced later. Ids ascending.
 */
export function snapshotMembers(ws: Workspace, segmentId: number, now = new Date()): { versionId: number; profileIds: number[] } {
  const seg = getSegment(ws, segmentId)
  return { versionId: seg.versionId, profileIds: segmentMembers(ws, seg.rule, now) }
}

/** Compiling with the segment's own name on the stack rejects a rule that reaches back to it. */
function checkCompiles(ws: Workspace, name: string, rule: SegmentRule): void {
  const ctx = compileContext(ws)
  ctx.stack.push(name)
  compileRule(ctx, rule)
}
