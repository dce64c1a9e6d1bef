import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { cspHeader } from '../../shared/api/security'
import type { FileRef } from '../../shared/api/channels'
import { toErrorResult } from '../../shared/api/errors'
import type { EventName } from '../../shared/api/events'
import type { Router } from '../ipc/router'
import { isAllowedHost, isAllowedOrigin, requestToken, tokenCookie, tokenMatches } from './guards'
import { notBuiltPage, resolveStatic, sendFile } from './static'
import { receiveUpload } from './upload'

export interface BridgeOptions {
  router: Router
  /** Subscribes to push events; returns the unsubscribe function. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void
  /** The built renderer (out/renderer). When it is missing, pages say how to build it; the API still works. */
  staticDir: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Turns an uploaded file's path into a ref (the session's FileRefs). Without it, uploads are refused. */
  registerFile?(path: string): FileRef
  /** Fixed token for tests; by default 32 random bytes per launch. */
  token?: string
  log?(level: 'info' | 'warn' | 'error', message: string): void
}

export interface Bridge {
  readonly port: number
  readonly token: string
  /** The URL to open: it carries the token. */
  readonly url: string
  close(): Promise<void>
}

/** 1 MiB is far more than any API input; files travel as refs, never in JSON. */
const maxBody = 1024 * 1024

const baseHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

/**
 * Serves the built renderer and the API contract (POST /api/:channel, WebSocket /api/events) on
 * 127.0.0.1 only. Every request passes the Host check (DNS rebinding), the Origin check, and the per-launch
 * token; no CORS headers are ever sent, so other origins cannot read anything.
 */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(32).toString('base64url')
  const log = opts.log ?? (() => undefined)
  const sockets = new Set<Socket>()
  // Files uploaded from the browser (it has no paths): private to this launch, removed on close.
  const uploadDir = mkdtempSync(join(tmpdir(), 'tessera-uploads-'))
  let port = 0
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 })
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log('error', `bridge request failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
      if (!res.headersSent) plain(res, 500, 'Internal error')
      else res.destroy()
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return plain(res, 403, 'Forbidden host')
    if (!isAllowedOrigin(req.headers.origin, port)) return plain(res, 403, 'Forbidden origin')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const authorised = tokenMatches(requestToken(req, port), token)
    if (url.pathname === '/upload') {
      if (!authorised) return plain(res, 401, 'Missing or wrong token')
      if (req.method !== 'POST') return plain(res, 405, 'Use POST')
      return upload(req, res, url.searchParams.get('name'))
    }
    if (url.pathname.startsWith('/api/')) {
      if (!authorised) return plain(res, 401, 'Missing or wrong token')
      if (req.method !== 'POST') return plain(res, 405, 'Use POST')
      return api(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed')
    if (!authorised) return plain(res, 401, 'Open Tessera with the address printed by `cdp serve`: it carries the access token.')
    const headers: Record<string, string> = { ...baseHeaders, 'content-security-policy': cspHeader(wsOrigins()) }
    // The printed URL carries the token once; a strict, HttpOnly cookie lets the page load its assets.
    if (url.searchParams.has('token')) headers['set-cookie'] = `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
    const file = resolveStatic(opts.staticDir, url.pathname)
    if (file) return sendFile(res, file, headers)
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(notBuiltPage)
      return
    }
    return plain(res, 404, 'Not found')
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return plain(res, 415, 'Send JSON (content-type: application/json)')
    const body = await readBody(req)
    if (body === undefined) return plain(res, 413, 'Request too large')
    let input: unknown
    try {
      input = body.length === 0 ? undefined : (JSON.parse(body) as unknown)
    } catch {
      return json(res, 400, { ok: false, error: { code: 'InvalidInput', message: 'The request body is not valid JSON.' } })
    }
    json(res, 200, await opts.router.call(channel, input, { transport: 'bridge' }))
  }

  /** POST /upload?name=FILE with the raw bytes: answers a Result with the file's ref. */
  async function upload(req: IncomingMessage, res: ServerResponse, name: string | null): Promise<void> {
    if (!opts.registerFile) return plain(res, 404, 'Uploads are not available')
    if (!/^application\/octet-stream\b/i.test(req.headers['content-type'] ?? '')) return plain(res, 415, 'Send the file as application/octet-stream')
    try {
      const path = await receiveUpload(req, uploadDir, name)
      json(res, 200, { ok: true, data: { file: opts.registerFile(path) } })
    } catch (e) {
      json(res, 200, toErrorResult(e))
    }
  }

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const ok = url.pathname === '/api/events' && isAllowedHost(req.headers.host, port) && isAllowedOrigin(req.headers.origin, port)
    if (!ok || !tokenMatches(requestToken(req, port), token)) {
      socket.end(`HTTP/1.1 ${ok ? '401 Unauthorized' : '403 Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws))
  })

  function onSocket(ws: WebSocket): void {
    const unsubscribe = opts.subscribe((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }))
    })
    ws.on('close', unsubscribe)
    ws.on('error', unsubscribe)
    // The socket is push-only: anything the page sends is ignored.
  }

  const wsOrigins = (): string[] => [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: opts.port ?? 0, host: '127.0.0.1', exclusive: true }, () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      for (const c of wss.clients) c.terminate()
      wss.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
      rmSync(uploadDir, { recursive: true, force: true })
    },
  }
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end(message)
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...baseHeaders, 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // Past the limit, keep draining (so the 413 answer arrives) but keep nothing.
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= maxBody) chunks.push(c)
    })
    req.on('end', () => resolve(size > maxBody ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
