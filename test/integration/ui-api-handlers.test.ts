import { afterEach, describe, expect, it } from 'vitest'
import { contract, type Channel, type In, type InArg, type Out } from '../../shared/api/contract'
import type { EventPayload } from '../../shared/api/events'
import { exportHandlers } from '../../electron/core/activation/handlers'
import { reviewHandlers } from '../../electron/core/identity/review/handlers'
import { seedPair } from '../../electron/core/identity/review/testing'
import type { WorkspaceAccess } from '../../electron/core/privacy/actor'
import { privacyHandlers } from '../../electron/core/privacy/handlers'
import { settingsHandlers } from '../../electron/core/privacy/settings-handlers'
import { segmentHandlers } from '../../electron/core/segments/handlers'
import { seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

type Scope = EventPayload<'data:changed'>['scope']
let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

/** The UI-facing handlers over a real encrypted workspace, each call validated both ways against the contract (as the router does). */
function setup() {
  t = tempWorkspace()
  const changed: Scope[] = []
  const access: WorkspaceAccess = { workspace: () => t.ws, changed: (s) => changed.push(s) }
  const handlers = {
    ...reviewHandlers(access), ...segmentHandlers(access), ...settingsHandlers(access), ...privacyHandlers(access),
    ...exportHandlers(access, { path: () => { throw new Error('no refs in this test') } }, { enqueue: () => 'job-1' }),
  }
  async function call<C extends keyof typeof handlers & Channel>(channel: C, input: InArg<C>): Promise<Out<C>> {
    const parsed = contract[channel].input.parse(input) as In<C>
    const handler = handlers[channel] as unknown as (i: In<C>, c: { transport: 'test' }) => Promise<Out<C>>
    const out = await handler(parsed, { transport: 'test' })
    return contract[channel].output.parse(out) as Out<C>
  }
  return { call, changed }
}

function seedQueue() {
  const [a, b, c, d] = seedRecords(t.ws, [
    { source: 'crm', first_name: 'Ann', last_name: 'Lee', email: 'ann@x.org', city: 'Leeds' },
    { source: 'shop', first_name: 'Anne', last_name: 'Lee', email: 'ann@x.org', city: 'Leeds' },
    { source: 'shop', first_name: 'Bob', last_name: 'Ray', email: 'bob@x.org', city: 'York' },
    { source: 'crm', first_name: 'Rob', last_name: 'Ray', email: 'bob@x.org', city: 'York' },
  ]) as [number, number, number, number]
  const one = seedPair(t.ws, { a, b, probability: 0.9, priority: 0.5 }).reviewId!
  const two = seedPair(t.ws, { a: c, b: d, probability: 0.6, priority: 0.8 }).reviewId!
  return { one, two }
}

describe('UI API handlers', () => {
  it('review: list with counts, detail, approve, undo, band reject', async () => {
    const { call, changed } = setup()
    const { one, two } = seedQueue()
    const list = await call('review:list', {})
    expect(list.items.map((i) => i.id)).toEqual([two, one])
    expect(list.counts).toEqual({ pending: 2, approved: 0, rejected: 0, skipped: 0 })
    const detail = await call('review:get', { id: one })
    expect(detail.records.map((r) => r.source)).toEqual(['crm', 'shop'])
    expect(detail.agreement.find((r) => r.field === 'email')?.agreement).toBe('same')
    expect(detail.waterfall.steps.length).toBeGreaterThan(0)

    expect((await call('review:approve', { id: one })).status).toBe('approved')
    expect(changed).toContain('review')
    expect((await call('review:list', { status: 'all' })).counts).toMatchObject({ pending: 1, approved: 1 })
    expect(await call('review:undo', {})).toMatchObject({ decision: 'approve', reviewIds: [one] })
    expect(await call('review:decide-band', { min: 0.5, max: 0.7, decision: 'reject' })).toMatchObject({ matched: 1, rejected: 1 })
    expect((await call('review:list', { band: { min: 0.5, max: 0.7 } })).total).toBe(0)
    await expect(call('review:get', { id: 999 })).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('segments: preview, save and new version, overlap, vocabulary; a bad rule names its node', async () => {
    const { call } = setup()
    seedQueue()
    const leeds = { kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute: 'city', test: { op: 'equals', value: 'Leeds' } }] }
    const preview = await call('segments:preview', { rule: leeds })
    expect(preview.count).toBe(2)
    expect(preview.sample).toHaveLength(2)
    await expect(call('segments:preview', { rule: { kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute: 'city', test: { op: 'gt', value: 1 } }] } }))
      .rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/children\[0\]/) })
    expect(await call('segments:save', { name: 'Leeds', rule: leeds })).toMatchObject({ name: 'Leeds', version: 1, count: 2 })
    await expect(call('segments:save', { name: 'Leeds', rule: leeds })).rejects.toMatchObject({ code: 'Conflict' })
    expect(await call('segments:save', { name: 'Leeds', rule: leeds, replace: true, description: 'v2' })).toMatchObject({ version: 2, description: 'v2' })
    await call('segments:save', { name: 'Everyone', rule: { kind: 'group', op: 'all', children: [] } })
    expect(await call('segments:overlap', { a: 'Leeds', b: 'Everyone' })).toMatchObject({ both: 2, onlyA: 0, onlyB: 2 })
    expect(await call('segments:vocabulary', {})).toMatchObject({ sources: ['crm', 'shop'], segments: ['Everyone', 'Leeds'] })
  })

  it('exports: presets, preview, run into the session folder, download, history without paths', async () => {
    const { call } = setup()
    seedQueue()
    await call('segments:save', { name: 'Everyone', rule: { kind: 'group', op: 'all', children: [] } })
    expect((await call('exports:presets', {})).find((p) => p.id === 'meta')).toMatchObject({ hashable: true, consent: ['ads'] })
    const preview = await call('exports:preview', { segment: 'Everyone', preset: 'csv', columns: ['profile_id', 'email'] })
    expect(preview).toMatchObject({ members: 4, included: 4, columns: ['profile_id', 'email'] })
    const run = await call('exports:run', { segment: 'Everyone', preset: 'csv', columns: ['email'], fileName: '../../escape.csv' })
    expect(run.fileName).toBe('escape.csv')
    const file = await call('exports:download', { exportId: run.exportId })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(text.trim().split(/\r?\n/)).toEqual(['email', 'ann@x.org', 'ann@x.org', 'bob@x.org', 'bob@x.org'])
    const history = await call('exports:history', {})
    expect(history).toMatchObject([{ id: run.exportId, segment: 'Everyone', preset: 'csv', included: 4, fileName: 'escape.csv', sha256: run.sha256 }])
    expect(JSON.stringify(history)).not.toMatch(/\//)
    await expect(call('exports:download', { exportId: 999 })).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('settings and privacy: thresholds, audit chain, forget', async () => {
    const { call } = setup()
    seedQueue()
    expect(await call('settings:set-thresholds', { autoMerge: 0.9, review: 0.4 })).toEqual({ autoMerge: 0.9, review: 0.4 })
    expect(await call('settings:thresholds', {})).toEqual({ autoMerge: 0.9, review: 0.4 })
    await expect(call('settings:set-thresholds', { autoMerge: 0.3, review: 0.4 })).rejects.toMatchObject({ code: 'InvalidInput' })
    const forgot = await call('privacy:forget', { target: { email: 'bob@x.org' } })
    expect(forgot.records).toBe(2)
    const audit = await call('audit:list', { action: 'privacy' })
    expect(audit.length).toBeGreaterThan(0)
    expect(await call('audit:verify', {})).toMatchObject({ ok: true })
    expect((await call('segments:preview', { rule: { kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute: 'email', test: { op: 'equals', value: 'bob@x.org' } }] } })).count).toBe(0)
  })
})
