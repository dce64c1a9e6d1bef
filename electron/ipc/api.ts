import type { CallInfo } from '../../shared/api/contract'
import type { EventName, EventPayload, EventSink } from '../../shared/api/events'
import { Session, type SessionOptions, type ShellPlatform } from '../core/session'
import { createHandlers } from './handlers'
import { createRouter, type Router } from './router'

/** Fans push events out to every transport listening (the Electron window, bridge WebSockets, tests). */
export class EventHub {
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>()

  readonly emit: EventSink = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const l of this.listeners) {
      try {
        l(event, payload)
      } catch {
        // One broken listener (a closed socket) must not stop the others or the engine.
      }
    }
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export interface ApiServer {
  session: Session
  router: Router
  events: EventHub
}

/**
 * Builds the whole API for one process: the session, the event hub, the handlers and the router. Both
 * transports (Electron IPC and the bridge) call `router.call` with their own sender check.
 */
export function createApi(opts: {
  platform: ShellPlatform
  isAllowedSender(call: CallInfo): boolean
  session?: Omit<SessionOptions, 'emit'>
  log?(level: 'info' | 'warn' | 'error', message: string): void
}): ApiServer {
  const events = new EventHub()
  const session = new Session({ ...opts.session, emit: events.emit, ...(opts.log ? { log: opts.log } : {}) })
  const router = createRouter({
    handlers: createHandlers({ session, platform: opts.platform }),
    isAllowedSender: opts.isAllowedSender,
    onCall: () => session.touch(),
    ...(opts.log ? { log: opts.log } : {}),
  })
  return { session, router, events }
}
