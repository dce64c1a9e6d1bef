import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startBridge, type Bridge } from '../../electron/bridge'
import { headlessPlatform } from '../../electron/core/session'
import { createApi, type ApiServer } from '../../electron/ipc/api'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so tests control Host, Origin and the path byte for byte. */
function http(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: opts.host ?? '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: !opts.headers?.host },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('loopback bridge', () => {
  let tmp: TempDir
  let api: ApiServer
  let bridge: Bridge
  const post = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
    http(bridge.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'content-type': 'application/json', 'x-tessera-token': bridge.token, ...headers },
      body: JSON.stringify(input),
    })

  beforeEach(async () => {
    tmp = tempDir()
    const staticDir = tmp.file('renderer')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tessera</title><script src="/assets/app.js"></script>')
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(tmp.file('secret.txt'), 'outside the bundle')
    api = createApi({ platform: headlessPlatform('bridge', '1.2.3'), isAllowedSender: (c) => c.transport === 'bridge' || c.transport === 'test', session: { kdf: testKdf } })
    bridge = await startBridge({ router: api.router, subscribe: (l) => api.events.subscribe(l), staticDir, registerFile: (p) => api.session.files.register(p) })
  })
  afterEach(async () => {
    await bridge.close()
    await api.session.close()
    tmp.remove()
  })

  it('binds 127.0.0.1 only, and prints a URL that carries the token', async () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`)
    expect(bridge.token.length).toBeGreaterThanOrEqual(40)
    const others = Object.values(networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal)
    for (const other of others) {
      await expect(http(bridge.port, { path: '/', host: other!.address })).rejects.toThrow(/ECONNREFUSED/)
    }
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-tessera-token': 'x'.repeat(43) }],
  ])('answers 401 to an API call with %s', async (_what, headers) => {
    const r = await http(bridge.port, { method: 'POST', path: '/api/app:version', headers: { 'content-type': 'application/json', ...headers }, body: '{}' })
    expect(r.status).toBe(401)
  })

  it('answers 401 to a page request without the token, and serves it with the token (setting a strict cookie)', async () => {
    expect((await http(bridge.port, { path: '/' })).status).toBe(401)
    const page = await http(bridge.port, { path: `/?token=${bridge.token}` })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Tessera</title>')
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${bridge.port}`)
    expect(page.headers['content-security-policy']).toContain("script-src 'self';")
    const cookie = String(page.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/)
    const asset = await http(bridge.port, { path: '/assets/app.js', headers: { cookie: cookie.split(';')[0]! } })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
  })

  it.each([
    ['another host name (DNS rebinding)', { host: `evil.example:PORT` }],
    ['another port', { host: '127.0.0.1:1' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
  ])('refuses %s with 403 even with the token', async (_what, extra) => {
    const headers = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v.replace('PORT', String(bridge.port))]))
    const r = await post('app:version', {}, headers)
    expect(r.status).toBe(403)
  })

  it('sends no CORS headers and refuses preflights', async () => {
    const pre = await http(bridge.port, { method: 'OPTIONS', path: '/api/app:version', headers: { origin: `http://127.0.0.1:${bridge.port}`, 'x-tessera-token': bridge.token } })
    expect(pre.status).toBe(405)
    const ok = await post('app:version', {}, { origin: `http://127.0.0.1:${bridge.port}` })
    expect(ok.status).toBe(200)
    for (const r of [pre, ok]) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('never serves a file outside the bundle', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await http(bridge.port, { path: `${path}?token=${bridge.token}` })
      expect(r.body).not.toContain('outside the bundle')
    }
  })

  it('refuses non-JSON bodies and answers malformed JSON with an InvalidInput Result', async () => {
    expect((await post('app:version', {}, { 'content-type': 'text/plain' })).status).toBe(415)
    const bad = await http(bridge.port, { method: 'POST', path: '/api/app:version', headers: { 'content-type': 'application/json', 'x-tessera-token': bridge.token }, body: '{nope' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
  })

  it('takes an upload (the browser has no paths) and hands back only a ref that the API accepts', async () => {
    const csv = 'email,first_name\nann@example.com,Ann\n'
    const up = (headers: Record<string, string>, name = '../../etc/evil name?.csv') =>
      http(bridge.port, { method: 'POST', path: `/upload?name=${encodeURIComponent(name)}`, headers: { 'content-type': 'application/octet-stream', ...headers }, body: csv })
    expect((await up({})).status).toBe(401)
    const r = await up({ 'x-tessera-token': bridge.token })
    const result = JSON.parse(r.body) as { ok: boolean; data: { file: { ref: string; name: string } } }
    expect(result.ok).toBe(true)
    expect(result.data.file.name).toMatch(/^[0-9a-f]{12}-evil name_.csv$/)
    expect(r.body).not.toContain(tmp.dir)
    const path = api.session.files.path(result.data.file)
    expect(path.startsWith(tmp.dir)).toBe(false)
    const { readFileSync: read } = await import('node:fs')
    expect(read(path, 'utf8')).toBe(csv)
  })

  it('gives the same Results as the in-process router', async () => {
    const created = await api.router.call('files:from-path', { path: tmp.file('w.tdb'), purpose: 'workspace-create' }, { transport: 'test' })
    if (!created.ok) throw new Error(created.error.message)
    const { file } = created.data as { file: unknown }
    await api.router.call('workspace:create', { file, passphrase: testPassphrase }, { transport: 'test' })
    const calls: [string, unknown][] = [
      ['app:version', {}],
      ['workspace:status', {}],
      ['workspace:info', {}],
      ['jobs:list', {}],
      ['jobs:get', { jobId: 'missing' }],
      ['nope:nope', {}],
      ['workspace:unlock', { passphrase: 42 }],
    ]
    for (const [channel, input] of calls) {
      const viaBridge = JSON.parse((await post(channel, input)).body) as unknown
      expect(viaBridge).toEqual(await api.router.call(channel, input, { transport: 'test' }))
    }
  })

  it('pushes job progress and the finish over the WebSocket, and refuses a socket without the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events`)
    await expect(new Promise((_, reject) => refused.on('error', reject))).rejects.toThrow(/401/)
    await api.session.create(tmp.file('w.tdb'), testPassphrase, false)
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events?token=${bridge.token}`)
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject))
    const got: { event: string; payload: { jobId?: string; done?: number; status?: string } }[] = []
    const finished = new Promise<void>((resolve) =>
      ws.on('message', (m: Buffer) => {
        const msg = JSON.parse(m.toString('utf8')) as (typeof got)[number]
        got.push(msg)
        if (msg.event === 'job:finished') resolve()
      }),
    )
    const r = JSON.parse((await post('jobs:start', { kind: 'selftest', params: { steps: 20, stepMs: 10 } })).body) as { ok: true; data: { jobId: string } }
    await finished
    ws.close()
    const progress = got.filter((g) => g.event === 'job:progress')
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every((p) => p.payload.jobId === r.data.jobId)).toBe(true)
    expect(progress.at(-1)!.payload.done).toBe(20)
    expect(got.find((g) => g.event === 'job:finished')!.payload).toMatchObject({ jobId: r.data.jobId, status: 'done' })
  })
})

describe('cdp serve', () => {
  it('unlocks the workspace with CDP_PASSPHRASE, prints the URL, answers the API, and stops cleanly on SIGINT', async () => {
    const tmp = tempDir()
    try {
      const { cdp } = await import('../helpers/cli')
      const db = tmp.file('w.tdb')
      expect(cdp(['init', '--db', db]).code).toBe(0)
      const child = spawn(process.execPath, [join(__dirname, '../../bin/cdp.js'), 'serve', '--db', db], {
        env: { ...process.env, CDP_PASSPHRASE: testPassphrase },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8')
          const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)
          if (m) resolve(m[1]!)
        })
        child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${out}`)))
      })
      const u = new URL(url)
      const res = await http(Number(u.port), {
        method: 'POST',
        path: '/api/workspace:status',
        headers: { 'content-type': 'application/json', 'x-tessera-token': u.searchParams.get('token')! },
        body: '{}',
      })
      expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { state: 'open', file: { name: 'w.tdb' } } })
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
      child.kill('SIGINT')
      expect(await exit).toBe(0)
    } finally {
      tmp.remove()
    }
  })
})
