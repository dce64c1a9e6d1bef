import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventName } from '../../shared/api/events'
import { headlessPlatform } from '../../electron/core/session'
import { createApi, type ApiServer } from '../../electron/ipc/api'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

const fixture = join(__dirname, '..', 'fixtures', 'presets', 'shopify-customers-v2.csv')

describe('import as a background job, through the API', () => {
  let tmp: TempDir
  let api: ApiServer
  afterEach(async () => {
    await api.session.close()
    tmp.remove()
  })

  it('imports a chosen file in a worker, reports progress by phase, and returns the report without the path', async () => {
    tmp = tempDir()
    api = createApi({ platform: headlessPlatform('test', '0'), isAllowedSender: () => true, session: { kdf: testKdf } })
    const seen: { event: EventName; payload: Record<string, unknown> }[] = []
    api.events.subscribe((event, payload) => seen.push({ event, payload: payload as Record<string, unknown> }))
    const call = async (channel: string, input: unknown = {}): Promise<unknown> => {
      const r = await api.router.call(channel, input, { transport: 'test' })
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
      return r.data
    }
    const ws = (await call('files:from-path', { path: tmp.file('w.tdb'), purpose: 'workspace-create' })) as { file: unknown }
    await call('workspace:create', { file: ws.file, passphrase: testPassphrase })
    const picked = (await call('files:from-path', { path: fixture, purpose: 'import' })) as { file: unknown; exists: boolean }
    expect(picked.exists).toBe(true)
    const { jobId } = (await call('import:start', { file: picked.file })) as { jobId: string }
    await api.session.jobs.whenIdle()
    const job = (await call('jobs:get', { jobId })) as { status: string; result: Record<string, unknown>; error: unknown }
    expect(job.error).toBeNull()
    expect(job.status).toBe('done')
    expect(job.result.file).toBe('shopify-customers-v2.csv')
    expect(JSON.stringify(job)).not.toContain(join(__dirname, '..'))
    const info = (await call('workspace:info')) as { counts: { records: number; rawRows: number } }
    expect(info.counts.rawRows).toBe(job.result.rows)
    expect(info.counts.records).toBeGreaterThan(0)
    const phases = seen.filter((s) => s.event === 'job:progress' && s.payload.jobId === jobId).map((s) => s.payload.phase)
    expect(phases[0]).toBe('hashing')
    expect(phases.at(-1)).toBe('done')
    expect(seen).toContainEqual({ event: 'job:finished', payload: { jobId, kind: 'import', status: 'done', error: null } })
  })
})
