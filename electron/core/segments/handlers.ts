import type { segmentChannels } from '../../../shared/api/channels/segments'
import type { HandlerMap, Out } from '../../../shared/api/contract'
import type { Workspace } from '../db'
import { listCustomTraits, refreshDirtyProfiles } from '../profiles'
import type { WorkspaceAccess } from '../privacy/actor'
import { overlapSegments, sampleSegment } from './evaluate'
import { countSegmentParallel, type SegmentCounter } from './parallel-count'
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment, type SavedSegment } from './saved'

/** What segment handlers need of the session: the workspace, and the counter that counts on a second core. */
export interface SegmentAccess extends WorkspaceAccess {
  segmentCounter?(): SegmentCounter | undefined
}

/** The open workspace with its dirty profiles refreshed: counts then match `cdp segment count`. */
function fresh(access: WorkspaceAccess): Workspace {
  const ws = access.workspace()
  refreshDirtyProfiles(ws)
  return ws
}

async function view(access: SegmentAccess, ws: Workspace, s: SavedSegment): Promise<Out<'segments:get'>> {
  return {
    id: s.id, name: s.name, description: s.description, version: s.version, rule: s.rule,
    count: await countSegmentParallel(ws, access.segmentCounter?.(), s.rule), createdAt: s.createdAt, updatedAt: s.updatedAt,
  }
}

/**
 * Distinct event types by index seeks (each step is `min(type) > previous` on events_by_type_time), so
 * a workspace with millions of events answers in a handful of lookups rather than a scan.
 */
function eventTypes(ws: Workspace): string[] {
  const next = ws.sqlite.prepare('SELECT min(type) FROM events WHERE type > ?').pluck()
  const out: string[] = []
  let prev = ''
  for (let i = 0; i < 200; i++) {
    const t = next.get(prev) as string | null
    if (t === null) break
    out.push(t)
    prev = t
  }
  return out
}

/**
 * `segments:*`: live preview, saved segments (create or new version), overlap and the builder's
 * vocabulary. Engine errors (InvalidInput with the node path, NotFound, Conflict) pass through.
 */
export function segmentHandlers(access: SegmentAccess): HandlerMap<keyof typeof segmentChannels> {
  return {
    'segments:preview': async ({ rule, sample }) => {
      const ws = fresh(access)
      return { count: await countSegmentParallel(ws, access.segmentCounter?.(), rule), sample: sample > 0 ? sampleSegment(ws, rule, sample) : [] }
    },
    'segments:list': async () => {
      const ws = fresh(access)
      const out: Out<'segments:get'>[] = []
      for (const s of listSegments(ws)) out.push(await view(access, ws, s))
      return out
    },
    'segments:get': async ({ name }) => {
      const ws = fresh(access)
      return view(access, ws, getSegment(ws, name))
    },
    'segments:save': async ({ name, description, rule, replace }) => {
      const ws = fresh(access)
      const exists = ws.sqlite.prepare('SELECT 1 FROM segments WHERE name = ?').get(name) !== undefined
      const saved = exists && replace ? updateSegment(ws, name, rule, description) : createSegment(ws, name, rule, description)
      access.changed('segments')
      return view(access, ws, saved)
    },
    'segments:delete': async ({ name }) => {
      deleteSegment(access.workspace(), name)
      access.changed('segments')
      return { deleted: true as const }
    },
    'segments:overlap': async ({ a, b }) => {
      const ws = fresh(access)
      return overlapSegments(ws, getSegment(ws, a).rule, getSegment(ws, b).rule)
    },
    'segments:vocabulary': async () => {
      const ws = access.workspace()
      return {
        sources: ws.sqlite.prepare('SELECT name FROM sources ORDER BY name').pluck().all() as string[],
        eventTypes: eventTypes(ws),
        customTraits: listCustomTraits(ws).map((t) => `custom:${t.name}`),
        segments: listSegments(ws).map((s) => s.name),
      }
    },
  }
}
