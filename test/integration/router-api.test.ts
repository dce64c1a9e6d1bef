import { afterEach, describe, expect, it } from 'vitest'
import type { CallInfo } from '../../shared/api/contract'
import type { EventName } from '../../shared/api/events'
import { headlessPlatform, Session } from '../../electron/core/session'
import { createHandlers } from '../../electron/ipc/handlers'
import { createRouter, type Handlers } from '../../electron/ipc/router'
import { EventHub } from '../../electron/ipc/api'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

const test: CallInfo = { transport: 'test' }

function setup(override: Partial<Handlers> = {}) {
  const events = new EventHub()
  const seen: { event: EventName; payload: unknown }[] = []
  events.subscribe((event, payload) => seen.push({ event, payload }))
  const session = new Session({ emit: events.emit, kdf: testKdf })
  const logged: string[] = []
  const router = createRouter({
    handlers: { ...createHandlers({ session, platform: headlessPlatform('test', '9.9.9') }), ...override },
    isAllowedSender: (c) => c.transport === 'test',
    onCall: () => session.touch(),
    log: (_level, m) => logged.push(m),
  })
  return { session, router, seen, logged }
}

describe('router', () => {
  let tmp: TempDir | undefined
  let env: ReturnType<typeof setup> | undefined
  afterEach(async () => {
    await env?.session.close()
    tmp?.remove()
  })

  it.each([
    ['an unknown channel', 'nope:nothing', {}, 'NotFound', /Unknown API channel "nope:nothing"/],
    ['a prototype key', 'toString', {}, 'NotFound', /Unknown API channel/],
    ['a non-string channel', 42, {}, 'NotFound', /Unknown API channel/],
    ['input of the wrong type', 'jobs:get', { jobId: 7 }, 'InvalidInput', /jobId/],
    ['an extra field', 'app:version', { extra: true }, 'InvalidInput', /app:version/],
    ['a workspace call while locked', 'workspace:info', {}, 'WorkspaceLocked', /locked/],
    ['a file ref nobody issued', 'workspace:open', { file: { ref: 'deadbeefdeadbeef', name: 'x' } }, 'NotFound', /choose it again/],
  ])('turns %s into an error Result', async (_what, channel, input, code, message) => {
    env = setup()
    const r = await env.router.call(channel, input, test)
    expect(r).toMatchObject({ ok: false, error: { code } })
    if (!r.ok) expect(r.error.message).toMatch(message)
  })

  it('answers a valid call, treating a missing input as {}', async () => {
    env = setup()
    expect(await env.router.call('app:version', undefined, test)).toEqual({ ok: true, data: { version: '9.9.9', shell: 'test' } })
  })

  it('hands files the OS gave before the window listened to the renderer once, as refs', async () => {
    env = setup()
    const file = env.session.files.register('/home/ann/Downloads/customers.csv')
    env.session.inbox.put({ intent: 'import', files: [file] })
    expect(await env.router.call('files:take-opened', {}, test)).toEqual({ ok: true, data: [{ intent: 'import', files: [{ ref: file.ref, name: 'customers.csv' }] }] })
    expect(await env.router.call('files:take-opened', {}, test)).toEqual({ ok: true, data: [] })
  })

  it('refuses a sender the transport does not trust, before looking at anything else', async () => {
    env = setup()
    const r = await env.router.call('app:version', {}, { transport: 'ipc', frameUrl: 'https://evil.example/' })
    expect(r).toMatchObject({ ok: false, error: { code: 'Forbidden' } })
  })

  it('turns an unexpected handler error into Internal without leaking the stack, and logs it', async () => {
    env = setup({ 'app:version': async () => Promise.reject(new Error('boom at /secret/path.ts:12')) })
    const r = await env.router.call('app:version', {}, test)
    expect(r).toEqual({ ok: false, error: { code: 'Internal', message: 'Unexpected error: boom at /secret/path.ts:12' } })
    expect(env.logged.join('\n')).toMatch(/app:version failed: Error: boom/)
  })

  it.each([
    ['a field the contract does not name (a key must never slip through)', { version: '1', shell: 'test', keyHex: 'abcd' }],
    ['a wrong shape', { version: 1 }],
  ])('enforces output schemas: %s becomes Internal, and is logged', async (_what, output) => {
    env = setup({ 'app:version': async () => output as never })
    const r = await env.router.call('app:version', {}, test)
    expect(r).toMatchObject({ ok: false, error: { code: 'Internal' } })
    expect(JSON.stringify(r)).not.toContain('abcd')
    expect(env.logged.join('\n')).toMatch(/outside the contract/)
  })

  it('creates, locks, refuses a wrong passphrase, unlocks, and never returns the path or key', async () => {
    env = setup()
    tmp = tempDir()
    const call = (c: string, i: unknown = {}) => env!.router.call(c, i, test)
    const picked = await call('files:from-path', { path: tmp.file('shop.tdb'), purpose: 'workspace-create' })
    expect(picked).toMatchObject({ ok: true, data: { exists: false, file: { name: 'shop.tdb' } } })
    if (!picked.ok) throw new Error('unreachable')
    const { file } = picked.data as { file: { ref: string; name: string } }
    expect(file.ref).not.toContain(tmp.dir)
    const created = await call('workspace:create', { file, passphrase: testPassphrase })
    expect(created).toMatchObject({ ok: true, data: { state: 'open', file, remembered: false, canRemember: false } })
    expect(JSON.stringify(created)).not.toContain(tmp.dir)
    expect(await call('workspace:info')).toMatchObject({ ok: true, data: { counts: { profiles: 0 } } })
    expect(await call('workspace:lock')).toMatchObject({ ok: true, data: { state: 'locked', file } })
    expect(env.seen.some((s) => s.event === 'workspace:locked')).toBe(true)
    expect(await call('workspace:info')).toMatchObject({ ok: false, error: { code: 'WorkspaceLocked' } })
    expect(await call('workspace:unlock', { passphrase: 'not it at all' })).toMatchObject({ ok: false, error: { code: 'WrongPassphrase' } })
    expect(await call('workspace:unlock', { passphrase: testPassphrase })).toMatchObject({ ok: true, data: { state: 'open' } })
    expect(await call('workspace:recent')).toMatchObject({ ok: true, data: [{ file, exists: true, remembered: false }] })
    expect(await call('workspace:create', { file, passphrase: testPassphrase })).toMatchObject({ ok: false, error: { code: 'WorkspaceExists' } })
  })

  it('changes the passphrase only with the right current one', async () => {
    env = setup()
    tmp = tempDir()
    const path = tmp.file('w.tdb')
    await env.session.create(path, testPassphrase, false)
    const call = (c: string, i: unknown = {}) => env!.router.call(c, i, test)
    expect(await call('workspace:change-passphrase', { current: 'wrong one', next: 'a new passphrase' })).toMatchObject({ ok: false, error: { code: 'WrongPassphrase' } })
    expect(await call('workspace:change-passphrase', { current: testPassphrase, next: 'a new passphrase' })).toMatchObject({ ok: true })
    await call('workspace:lock')
    expect(await call('workspace:unlock', { passphrase: testPassphrase })).toMatchObject({ ok: false, error: { code: 'WrongPassphrase' } })
    expect(await call('workspace:unlock', { passphrase: 'a new passphrase' })).toMatchObject({ ok: true, data: { state: 'open' } })
    const audit = env.session.workspace().sqlite.prepare('SELECT action, details FROM audit_log').all()
    expect(audit).toEqual([{ action: 'workspace.change-passphrase', details: '{}' }])
  })

  it('locks itself after inactivity, and API calls count as activity', async () => {
    env = setup()
    tmp = tempDir()
    await env.session.create(tmp.file('w.tdb'), testPassphrase, false)
    env.session.setAutoLock(0.005) // 300 ms
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 150))
      expect(await env.router.call('workspace:status', {}, test)).toMatchObject({ ok: true, data: { state: 'open' } })
    }
    await new Promise((r) => setTimeout(r, 500))
    expect(env.session.status().state).toBe('locked')
    expect(env.seen).toContainEqual({ event: 'workspace:locked', payload: { reason: 'idle' } })
  })

  it('starts, lists and cancels jobs through the API', async () => {
    env = setup()
    tmp = tempDir()
    await env.session.create(tmp.file('w.tdb'), testPassphrase, false)
    const call = (c: string, i: unknown = {}) => env!.router.call(c, i, test)
    expect(await call('jobs:kinds')).toMatchObject({ ok: true, data: expect.arrayContaining(['selftest']) })
    expect(await call('jobs:start', { kind: 'selftest', params: { steps: 'x' } })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
    // A kind whose params hold a path is started only through its own channel (file refs, never raw paths).
    const raw = await call('jobs:start', { kind: 'import', params: { path: '/etc/passwd' } })
    expect(raw).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringMatching(/its own screen/) } })
    const started = await call('jobs:start', { kind: 'selftest', params: { steps: 1000, stepMs: 5 } })
    if (!started.ok) throw new Error(started.error.message)
    const { jobId } = started.data as { jobId: string }
    expect(await call('jobs:cancel', { jobId })).toMatchObject({ ok: true, data: { id: jobId } })
    await env.session.jobs.whenIdle()
    expect(await call('jobs:list', { status: ['cancelled'] })).toMatchObject({ ok: true, data: [{ id: jobId, kind: 'selftest', status: 'cancelled' }] })
    expect(await call('jobs:get', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NotFound' } })
  })
})
