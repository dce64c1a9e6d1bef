import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventName, EventPayload } from '../../shared/api/events'
import { openWorkspace, Passphrase, type Workspace } from '../../electron/core/db'
import { resolve } from '../../electron/core/identity'
import { importFile } from '../../electron/core/import'
import { refreshDirtyProfiles } from '../../electron/core/profiles'
import { restoreWorkspace } from '../../electron/core/privacy'
import { runExport } from '../../electron/core/activation'
import { createSegment } from '../../electron/core/segments'
import { headlessPlatform } from '../../electron/core/session'
import { createApi, type ApiServer } from '../../electron/ipc/api'
import { seedFebrl } from '../helpers/seed-febrl'
import { tempDir, tempWorkspace, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

// Every job kind beyond import runs in a worker thread against a real encrypted workspace, started through
// the same router the app and the bridge use, and gives what the direct engine call gives.

const fixture = join(__dirname, '..', 'fixtures', 'presets', 'shopify-customers-v1.csv')

const firsts = ['Ada', 'Bo', 'Cy', 'Di', 'Eve', 'Finn', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai', 'Lea']
const lasts = ['Quill', 'Ng', 'Moss', 'Park', 'Stone', 'Berg', 'Rossi', 'Lund']

/** The same 24 people as a Shopify customer export and a Klaviyo profile export: cross-source merges. */
function writeSources(tmp: TempDir): { shop: string; klav: string } {
  const people = Array.from({ length: 24 }, (_, i) => ({ first: firsts[i % firsts.length]!, last: lasts[i % lasts.length]!, i }))
  const email = (p: { first: string; last: string; i: number }): string => `${p.first}.${p.last}${p.i}@mail.example`.toLowerCase()
  const shop = [
    'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address City,Default Address Country Code,Phone,Total Spent,Total Orders',
    ...people.map((p) => `'${7000 + p.i},${p.first},${p.last},${email(p)},yes,Boston,US,'+1617555${String(1000 + p.i)},${p.i * 10}.00,${p.i % 4}`),
  ].join('\n')
  const klav = [
    'Email,Phone Number,First Name,Last Name,Organization,Title,Address,Address 2,City,State / Region,Zip Code,Country,Klaviyo ID,Email Marketing Consent,SMS Consent,Profile Created On,Last Updated',
    ...people.filter((p) => p.i % 3 !== 0).map((p) => `${email(p).toUpperCase()},,${p.first},${p.last},,,,,Boston,,,United States,01K${p.i},SUBSCRIBED,,2024-01-01 10:00:00,`),
  ].join('\n')
  writeFileSync(tmp.file('shop.csv'), `${shop}\n`)
  writeFileSync(tmp.file('klaviyo.csv'), `${klav}\n`)
  return { shop: tmp.file('shop.csv'), klav: tmp.file('klaviyo.csv') }
}

interface Env {
  api: ApiServer
  tmp: TempDir
  call(channel: string, input?: unknown): Promise<unknown>
  progress(jobId: string): EventPayload<'job:progress'>[]
  job(jobId: string): Promise<{ status: string; result: Record<string, unknown>; error: unknown; kind: string }>
  pick(path: string, purpose: string): Promise<unknown>
  ws(): Workspace
}

async function openEnv(tmp: TempDir): Promise<Env> {
  const api = createApi({ platform: headlessPlatform('test', '0'), isAllowedSender: () => true, session: { kdf: testKdf } })
  const seen: { event: EventName; payload: unknown }[] = []
  api.events.subscribe((event, payload) => seen.push({ event, payload }))
  const call = async (channel: string, input: unknown = {}): Promise<unknown> => {
    const r = await api.router.call(channel, input, { transport: 'test' })
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.data
  }
  const pick = async (path: string, purpose: string): Promise<unknown> => ((await call('files:from-path', { path, purpose })) as { file: unknown }).file
  await call('workspace:create', { file: await pick(tmp.file('w.tdb'), 'workspace-create'), passphrase: testPassphrase })
  return {
    api, tmp, call, pick,
    progress: (jobId) => seen.filter((s) => s.event === 'job:progress').map((s) => s.payload as EventPayload<'job:progress'>).filter((p) => p.jobId === jobId),
    job: async (jobId) => (await call('jobs:get', { jobId })) as Awaited<ReturnType<Env['job']>>,
    ws: () => api.session.workspace(),
  }
}

/** Which records share a profile, independent of ids: each profile as its sorted record emails. */
function partition(ws: Workspace): string[] {
  const rows = ws.sqlite.prepare(`SELECT group_concat(lower(coalesce(email, '')), ' ') AS m FROM
    (SELECT profile_id, email FROM records ORDER BY profile_id, lower(email)) GROUP BY profile_id`).pluck().all() as string[]
  return rows.map((r) => r.split(' ').sort().join(' ')).sort()
}

function phasesOf(progress: EventPayload<'job:progress'>[]): string[] {
  return progress.map((p) => p.phase).filter((p, i, all) => i === 0 || all[i - 1] !== p)
}

describe('background job kinds: resolve, refresh-profiles, export, backup', () => {
  let env: Env | undefined
  const cleanup: (() => void)[] = []
  afterEach(async () => {
    await env?.api.session.close()
    env?.tmp.remove()
    env = undefined
    for (const c of cleanup.splice(0)) c()
  })

  it('import → resolve (with refresh) chained in workers: progress in phase order, the same profiles as the direct engine calls', async () => {
    env = await openEnv(tempDir())
    const { shop, klav } = writeSources(env.tmp)
    await importFile(env.ws(), shop)
    const started = (await env.call('import:start', { file: await env.pick(klav, 'import'), followUp: 'resolve' })) as { jobId: string; followUpJobId: string }
    await env.api.session.jobs.whenIdle()
    expect((await env.job(started.jobId)).status).toBe('done')
    const job = await env.job(started.followUpJobId)
    expect(job).toMatchObject({ kind: 'resolve', status: 'done', error: null })
    expect(phasesOf(env.progress(started.followUpJobId))).toEqual(['prepare', 'blocking', 'scoring', 'training', 'clustering', 'saving', 'refreshing', 'done'])

    const twin = tempWorkspace()
    cleanup.push(() => twin.dispose())
    await importFile(twin.ws, shop)
    await importFile(twin.ws, klav)
    const direct = await resolve(twin.ws)
    const refreshed = refreshDirtyProfiles(twin.ws)
    const { seconds: _s, runId: _r, ...same } = direct
    expect(job.result).toMatchObject({ ...same, refreshed: refreshed.refreshed, removed: refreshed.removed })
    expect(direct.merged).toBeGreaterThan(10)
    expect(partition(env.ws())).toEqual(partition(twin.ws))
    const summaries = (ws: Workspace): unknown => ws.sqlite.prepare('SELECT count(*) FROM profile_summary').pluck().get()
    expect(summaries(env.ws())).toEqual(summaries(twin.ws))
  })

  it('refresh-profiles equals refreshDirtyProfiles; a follow-up of a job that did not succeed is skipped; path-taking kinds refuse jobs:start', async () => {
    env = await openEnv(tempDir())
    const twin = tempWorkspace()
    cleanup.push(() => twin.dispose())
    await importFile(env.ws(), fixture)
    await importFile(twin.ws, fixture)
    const { jobId } = (await env.call('profiles:refresh-start', {})) as { jobId: string }
    // A follow-up runs only if the job it follows succeeded: this one follows a job cancelled while queued.
    const { jobId: doomed } = (await env.call('jobs:start', { kind: 'selftest', params: { steps: 1 } })) as { jobId: string }
    const { jobId: follower } = (await env.call('jobs:start', { kind: 'refresh-profiles', params: { after: doomed } })) as { jobId: string }
    await env.call('jobs:cancel', { jobId: doomed })
    await env.api.session.jobs.whenIdle()
    expect((await env.job(doomed)).status).toBe('cancelled')
    expect(await env.job(follower)).toMatchObject({ status: 'cancelled', result: null })
    expect(env.progress(follower)).toEqual([])
    const direct = refreshDirtyProfiles(twin.ws)
    expect(direct.refreshed).toBeGreaterThan(0)
    expect(await env.job(jobId)).toMatchObject({ status: 'done', result: { refreshed: direct.refreshed, removed: direct.removed, all: false } })
    expect(phasesOf(env.progress(jobId))).toEqual(['refreshing', 'done'])
    // Nothing changed since: the next refresh has nothing to do (the watermark moved in the worker's commit).
    expect(refreshDirtyProfiles(env.ws())).toMatchObject({ refreshed: 0, removed: 0 })
    expect(await env.call('jobs:kinds')).toEqual(['backup', 'export', 'import', 'refresh-profiles', 'resolve', 'selftest'])


    for (const kind of ['export', 'backup']) {
      await expect(env.call('jobs:start', { kind, params: { out: env.tmp.file('x') } })).rejects.toThrow(/its own screen/)
    }
  })

  it('export: written by a worker to the private folder (downloadable) or to a chosen file, same bytes as runExport, no paths in results', async () => {
    env = await openEnv(tempDir())
    await importFile(env.ws(), fixture)
    createSegment(env.ws(), 'Everyone', { kind: 'group', op: 'all', children: [] })
    const request = { segment: 'Everyone', preset: 'csv' }
    const a = (await env.call('exports:start', request)) as { jobId: string }
    const chosen = env.tmp.file('everyone.csv')
    const b = (await env.call('exports:start', { ...request, file: await env.pick(chosen, 'export') })) as { jobId: string }
    await env.api.session.jobs.whenIdle()
    const [ja, jb] = [await env.job(a.jobId), await env.job(b.jobId)]
    expect(ja).toMatchObject({ kind: 'export', status: 'done', error: null })
    expect(phasesOf(env.progress(a.jobId))).toEqual(['refreshing', 'writing', 'done'])
    expect(JSON.stringify([ja, jb])).not.toContain(env.tmp.dir)
    expect(jb.result.fileName).toBe('everyone.csv')

    const direct = await runExport(env.ws(), { ...request, out: env.tmp.file('direct.csv'), actor: 'test' })
    const { exportId: _id, file: _f, segment: _seg, ...same } = direct
    expect(ja.result).toMatchObject(same)
    expect(jb.result.sha256).toBe(direct.sha256)
    const download = (await env.call('exports:download', { exportId: ja.result.exportId })) as { base64: string; fileName: string }
    expect(Buffer.from(download.base64, 'base64')).toEqual(readFileSync(direct.file))
    expect(readFileSync(chosen)).toEqual(readFileSync(direct.file))
  })

  it('backup: an encrypted file at the chosen ref that restores to the same workspace; a failure does not reveal the folder', async () => {
    env = await openEnv(tempDir())
    await importFile(env.ws(), fixture)
    const out = env.tmp.file('w.backup')
    const nowhere = env.tmp.file(join('no-such-folder', 'w.backup'))
    const failing = (await env.call('workspace:backup-start', { file: await env.pick(nowhere, 'backup') })) as { jobId: string }
    const { jobId } = (await env.call('workspace:backup-start', { file: await env.pick(out, 'backup') })) as { jobId: string }
    await env.api.session.jobs.whenIdle()
    // The failure names the file, never its folder: job errors reach the renderer.
    const failed = await env.job(failing.jobId)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'Internal', message: expect.stringContaining('w.backup') } })
    expect(JSON.stringify(failed)).not.toContain(env.tmp.dir)
    const job = await env.job(jobId)
    expect(job).toMatchObject({ kind: 'backup', status: 'done', result: { fileName: 'w.backup', bytes: readFileSync(out).length } })
    expect(phasesOf(env.progress(jobId))).toEqual(['copying', 'done'])
    expect(job.result.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'))
    const target = env.tmp.file('restored.tdb')
    restoreWorkspace(target, out, testPassphrase, 'test')
    const restored = openWorkspace(target, new Passphrase(testPassphrase))
    const counts = (ws: Workspace): unknown => ws.sqlite.prepare('SELECT (SELECT count(*) FROM records), (SELECT count(*) FROM raw_rows)').raw().get()
    try {
      expect(counts(restored)).toEqual(counts(env.ws()))
    } finally {
      restored.close()
    }
  })

  it('a cancelled resolve ends cancelled and leaves nothing half-done', async () => {
    env = await openEnv(tempDir())
    seedFebrl(env.ws(), ['dataset1.csv'])
    const state = (ws: Workspace): unknown => ws.sqlite.prepare(`SELECT (SELECT count(*) FROM match_runs), (SELECT count(*) FROM match_pairs),
      (SELECT count(*) FROM membership_history), (SELECT count(*) FROM profiles WHERE status = 'active'), (SELECT count(*) FROM match_scored)`).raw().get()
    const before = state(env.ws())
    const { jobId } = (await env.call('identity:resolve-start', {})) as { jobId: string }
    const current = env
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (current.progress(jobId).length === 0) return
        clearInterval(poll)
        void current.call('jobs:cancel', { jobId }).then(() => done())
      }, 2)
    })
    await env.api.session.jobs.whenIdle()
    expect((await env.job(jobId)).status).toBe('cancelled')
    expect(env.progress(jobId).map((p) => p.phase)).not.toContain('saving')
    expect(state(env.ws())).toEqual(before)
    expect(existsSync(env.tmp.file('w.tdb'))).toBe(true)
  })
})
