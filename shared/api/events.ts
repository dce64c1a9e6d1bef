import { z } from 'zod'
import { fileRef } from './channels/common'
import { jobStatus, theme } from './channels'

/**
 * Every push event from the engine/shell to the renderer, with its payload schema. Same rules as the
 * contract: JSON-safe payloads, no keys, no paths. Add new events at the end of the map.
 */
export const events = {
  /** Throttled (≤ 10 per second per job); `done` never decreases within a phase. */
  'job:progress': z.strictObject({
    jobId: z.string(),
    kind: z.string(),
    phase: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative().nullable(),
  }),
  'job:finished': z.strictObject({
    jobId: z.string(),
    kind: z.string(),
    status: jobStatus,
    error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  }),
  /** Something in the workspace changed: screens showing `scope` refetch (no polling). */
  'data:changed': z.strictObject({
    scope: z.enum(['workspace', 'jobs', 'sources', 'records', 'profiles', 'review', 'segments', 'exports', 'privacy', 'settings']),
  }),
  'workspace:locked': z.strictObject({ reason: z.enum(['idle', 'menu', 'api', 'shutdown']) }),
  /** Files handed to the app from outside (dropped on the window or dock, second launch, "Open with").
   *  Files that arrived before the window could listen are fetched once with `files:take-opened`. */
  'files:opened': z.strictObject({ intent: z.enum(['import', 'open-workspace']), files: z.array(fileRef) }),
  /** A native menu item the renderer carries out (it owns the wizards and screens). */
  'menu:command': z.strictObject({
    command: z.enum(['new-workspace', 'open-workspace', 'import', 'export', 'backup', 'lock', 'about', 'settings']),
  }),
  'theme:changed': z.strictObject({ effective: theme }),
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
}

/** Where events are sent: each transport subscribes and forwards them to its renderer(s). */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void
