import type { FileRef } from '../../../shared/api/channels'
import type { ApiTransport, Channel, InArg, Out } from '../../../shared/api/contract'
import type { Result } from '../../../shared/api/errors'
import type { EventName, EventPayload } from '../../../shared/api/events'

/**
 * The renderer's one typed API. In the desktop app it wraps `window.api` (the preload); in a browser it
 * talks to the loopback bridge (`cdp serve`): POST /api/:channel and a WebSocket for push events. Both
 * carry the same contract, so screens never know which shell they run in.
 *
 * Files: in the app, `files:choose` opens a native dialog and dropped files arrive as a `files:opened`
 * event (the preload reads their paths; this page never does). In the browser there are no native dialogs
 * (`files:choose` answers `supported: false`): use `upload(file)` for a picked or dropped File, or
 * `files:from-path` for a path the analyst types.
 */
export interface Api {
  readonly shell: 'electron' | 'bridge'
  invoke<C extends Channel>(channel: C, input: InArg<C>): Promise<Result<Out<C>>>
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void
  /** Browser only: sends a File's bytes to the bridge and returns its ref. Undefined in the desktop app. */
  upload?(file: Blob & { name: string }): Promise<Result<{ file: FileRef }>>
}

declare global {
  interface Window {
    api?: ApiTransport
  }
}

const tokenKey = 'tessera.token'

/** Builds the client for wherever this page runs. */
export function createApiClient(): Api {
  const native = window.api
  if (native) {
    return {
      shell: 'electron',
      invoke: (channel, input) => native.invoke(channel, input) as Promise<Result<never>>,
      on: (event, handler) => native.on(event, handler as (p: unknown) => void),
    }
  }
  return bridgeClient(takeToken())
}

/** The token arrives once in the URL (`?token=`); keep it for this tab only and take it out of the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(tokenKey) ?? ''
}

const unreachable = { ok: false as const, error: { code: 'Internal' as const, message: 'Tessera is not reachable: is `cdp serve` still running?' } }
const refused = { ok: false as const, error: { code: 'Forbidden' as const, message: 'This page has no access: open the address printed by `cdp serve` again.' } }

function bridgeClient(token: string): Api {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let socket: WebSocket | undefined
  let retry = 250

  const connect = (): void => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
    socket = new WebSocket(`${scheme}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`)
    socket.onmessage = (m: MessageEvent<string>) => {
      const msg = JSON.parse(m.data) as { event: string; payload: unknown }
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload)
    }
    socket.onopen = () => {
      retry = 250
    }
    socket.onclose = () => {
      socket = undefined
      // Reconnect while anyone listens (the bridge restarted, the laptop slept).
      if ([...listeners.values()].some((s) => s.size > 0)) setTimeout(connect, (retry = Math.min(retry * 2, 5000)))
    }
  }

  const post = async (path: string, body: BodyInit, contentType: string): Promise<Result<never>> => {
    try {
      const res = await fetch(path, { method: 'POST', headers: { 'content-type': contentType, 'x-tessera-token': token }, body })
      if (res.status === 401 || res.status === 403) return refused
      return (await res.json()) as Result<never>
    } catch {
      return unreachable
    }
  }

  return {
    shell: 'bridge',
    invoke: (channel, input) => post(`/api/${encodeURIComponent(channel)}`, JSON.stringify(input ?? {}), 'application/json'),
    on(event, handler) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(handler as (p: unknown) => void)
      if (!socket) connect()
      return () => set.delete(handler as (p: unknown) => void)
    },
    upload: (file) => post(`/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream'),
  }
}
