import { afterEach, describe, expect, it } from 'vitest'
import { headlessPlatform } from '../../electron/core/session'
import { createApi, type ApiServer } from '../../electron/ipc/api'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

describe('a job that holds the write lock (as an import does, for the whole file)', () => {
  let tmp: TempDir
  let api: ApiServer
  afterEach(async () => {
    await api.session.close()
    tmp.remove()
  })

  it('never stalls the UI connection: writes fail fast as Conflict, jobs still queue, progress stays live', async () => {
    tmp = tempDir()
    api = createApi({ platform: headlessPlatform('test', '0'), isAllowedSender: () => true, session: { kdf: testKdf } })
    const call = (channel: string, input: unknown = {}) => api.router.call(channel, input, { transport: 'test' })
    await api.session.create(tmp.file('w.tdb'), testPassphrase, false)
    const first = await call('jobs:start', { kind: 'selftest', params: { steps: 30, stepMs: 20, holdLock: true, write: true } })
    if (!first.ok) throw new Error(first.error.message)
    const { jobId } = first.data as { jobId: string }
    // Wait until the worker has taken the lock and reported progress.
    await expect.poll(async () => ((await call('jobs:get', { jobId })) as { data: { progress: unknown } }).data.progress, { timeout: 15_000 }).not.toBeNull()

    // A write on the UI connection meets the lock and gives up quickly (not after SQLite's 5 s default).
    const t0 = performance.now()
    const write = () => api.session.workspace().sqlite.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run()
    expect(write).toThrow(/locked/)
    expect(performance.now() - t0).toBeLessThan(1000)

    // Queuing another job still works: its row is written when the lock is free.
    const second = await call('jobs:start', { kind: 'selftest', params: { steps: 2 } })
    expect(second).toMatchObject({ ok: true })
    const secondId = (second as { data: { jobId: string } }).data.jobId
    expect(await call('jobs:get', { jobId: secondId })).toMatchObject({ ok: true, data: { status: 'queued' } })
    expect(await call('jobs:list', {})).toMatchObject({ ok: true, data: [{ id: secondId }, { id: jobId, status: 'running' }] })

    await api.session.jobs.whenIdle()
    expect(await call('jobs:get', { jobId })).toMatchObject({ ok: true, data: { status: 'done', progress: { done: 30, total: 30 } } })
    expect(await call('jobs:get', { jobId: secondId })).toMatchObject({ ok: true, data: { status: 'done' } })
    const rows = api.session.workspace().sqlite.prepare('SELECT count(*) FROM jobs').pluck().get()
    expect(rows).toBe(2)
  })
})
