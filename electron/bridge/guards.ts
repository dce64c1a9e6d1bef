import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * The bridge's request checks, as pure functions so tests can assert them directly. The bridge listens on
 * 127.0.0.1 only; these stop the other ways in: a web page in the same browser (DNS rebinding: its host
 * name resolves to 127.0.0.1 but the Host header carries the attacker's name; cross-origin requests carry
 * their Origin) and any local process that does not know the per-launch token.
 */

/** Host headers this bridge answers to: its own loopback address and port, nothing else. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase())
}

/** A request with no Origin (same-origin GET, curl) passes; one with an Origin must be the bridge's own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`)
}

/** Constant-time token comparison (a timing side channel must not reveal the token byte by byte). */
export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const tokenHeader = 'x-tessera-token'
export const tokenCookie = (port: number): string => `tessera_token_${port}`

/** The token a request carries: header (API calls), `token` query (the printed URL, WebSocket), or cookie (assets). */
export function requestToken(req: IncomingMessage, port: number): string | undefined {
  const header = req.headers[tokenHeader]
  if (typeof header === 'string') return header
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const query = url.searchParams.get('token')
  if (query) return query
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim()) ?? []
  const name = `${tokenCookie(port)}=`
  return cookies.find((c) => c.startsWith(name))?.slice(name.length)
}
