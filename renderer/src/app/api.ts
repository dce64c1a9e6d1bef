import type { Channel, InArg, Out } from '../../../shared/api/contract'
import type { FileRef } from '../../../shared/api/channels/common'
import type { ErrorCode, Result } from '../../../shared/api/errors'
import type { EventName, EventPayload } from '../../../shared/api/events'

/**
 * The renderer's one way to reach the engine: `window.api` in Electron (preload), or the loopback bridge
 * (HTTP POST /api/:channel + WebSocket /api/events) in a browser. Both carry the same typed contract.
 */

/** A failed call: the stable code from shared/api/errors.ts and a message a person can act on. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

interface RawTransport {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(event: string, handler: (payload: unknown) => void): () => void
}

/** The typed client every screen uses (through `useApi()` or the exported `api`). */
export interface ApiClient {
  readonly shell: 'electron' | 'bridge'
  /** Calls a channel; resolves with its typed output or rejects with an ApiError. */
  invoke<C extends Channel>(channel: C, input: InArg<C>): Promise<Out<C>>
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void
  /**
   * Uploads a file the analyst dropped or picked in the browser (the bridge stores it in its private
   * temp folder) and returns its ref. Electron never needs this: dropped files arrive as refs already.
   */
  upload(file: File): Promise<FileRef>
}

function isResult(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean'
}

function unwrap<T>(r: unknown): T {
  if (!isResult(r)) throw new ApiError('Internal', 'The app answered in an unexpected shape.')
  if (!r.ok) throw new ApiError(r.error.code, r.error.message)
  return r.data as T
}

const tokenKey = 'tessera.token'

/**
 * The bridge's token: the printed URL carries it once; it is kept for this tab only (sessionStorage, so a
 * reload still works) and taken out of the address bar. The HttpOnly cookie the bridge sets is a fallback.
 */
function takeBridgeToken(): string | undefined {
  const url = new URL(window.location.href)
  const token = url.searchParams.get('token') ?? undefined
  if (token) {
    sessionStorage.setItem(tokenKey, token)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return token
  }
  return sessionStorage.getItem(tokenKey) ?? undefined
}

const unreachable = { ok: false as const, error: { code: 'Internal' as const, message: 'Tessera is not reachable: is `cdp serve` still running?' } }
const refused = { ok: false as const, error: { code: 'Forbidden' as const, message: 'This page has no access: open the address printed by `cdp serve` again.' } }

function bridgeTransport(): RawTransport & { upload(file: File): Promise<unknown> } {
  const token = takeBridgeToken()
  const headers = (type: string): Record<string, string> => ({ 'content-type': type, ...(token ? { 'x-tessera-token': token } : {}) })
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let socket: WebSocket | undefined
  let retry = 500
  const connect = (): void => {
    const q = token ? `?token=${encodeURIComponent(token)}` : ''
    socket = new WebSocket(`ws://${window.location.host}/api/events${q}`)
    socket.onopen = () => {
      retry = 500
    }
    socket.onmessage = (m) => {
      let msg: unknown
      try {
        msg = JSON.parse(String(m.data))
      } catch {
        return
      }
      if (typeof msg !== 'object' || msg === null) return
      const { event, payload } = msg as { event?: unknown; payload?: unknown }
      if (typeof event !== 'string') return
      for (const l of listeners.get(event) ?? []) l(payload)
    }
    // The bridge may restart or the laptop sleep: reconnect with a capped back-off, then tell screens to refetch.
    socket.onclose = () => {
      setTimeout(() => {
        connect()
        for (const l of listeners.get('data:changed') ?? []) l({ scope: 'workspace' })
      }, retry)
      retry = Math.min(retry * 2, 10_000)
    }
  }
  connect()
  const post = async (path: string, body: BodyInit, contentType: string): Promise<unknown> => {
    try {
      const res = await fetch(path, { method: 'POST', headers: headers(contentType), credentials: 'same-origin', body })
      if (res.status === 401 || res.status === 403) return refused
      if (!res.ok) return { ok: false, error: { code: 'Internal', message: await res.text() } }
      return (await res.json()) as unknown
    } catch {
      return unreachable
    }
  }
  return {
    invoke: (channel, input) => post(`/api/${encodeURIComponent(channel)}`, JSON.stringify(input ?? {}), 'application/json'),
    on(event, handler) {
      const set = listeners.get(event) ?? new Set()
      set.add(handler)
      listeners.set(event, set)
      return () => set.delete(handler)
    },
    upload: (file) => post(`/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream'),
  }
}

function electronTransport(): RawTransport | undefined {
  const candidate = (window as unknown as { api?: unknown }).api
  if (typeof candidate !== 'object' || candidate === null) return undefined
  const t = candidate as Partial<RawTransport>
  return typeof t.invoke === 'function' && typeof t.on === 'function' ? (t as RawTransport) : undefined
}

function createClient(): ApiClient {
  const electron = electronTransport()
  const bridge = electron ? undefined : bridgeTransport()
  const raw: RawTransport = electron ?? (bridge as RawTransport)
  return {
    shell: electron ? 'electron' : 'bridge',
    async invoke(channel, input) {
      return unwrap(await raw.invoke(channel, input))
    },
    on(event, handler) {
      return raw.on(event, (p) => handler(p as EventPayload<typeof event>))
    },
    async upload(file) {
      if (!bridge) throw new ApiError('UnsupportedFile', 'Drop the file on the window, or use Choose file.')
      return unwrap<{ file: FileRef }>(await bridge.upload(file)).file
    },
  }
}

/** The one client of this page. */
export const api: ApiClient = createClient()

/** Hook form, so components depend on the client explicitly (and tests of hooks could swap it). */
export function useApi(): ApiClient {
  return api
}

/** A message to show for anything thrown by an API call. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
