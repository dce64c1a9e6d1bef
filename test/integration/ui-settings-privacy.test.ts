import { afterEach, describe, expect, it } from 'vitest'
import { contract, type Channel, type In, type InArg, type Out } from '../../shared/api/contract'
import type { EventPayload } from '../../shared/api/events'
import type { WorkspaceAccess } from '../../electron/core/privacy/actor'
import { listAudit } from '../../electron/core/privacy'
import { privacyHandlers } from '../../electron/core/privacy/handlers'
import { settingsHandlers } from '../../electron/core/privacy/settings-handlers'
import { getSurvivorshipRules } from '../../electron/core/profiles'
import { seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

type Scope = EventPayload<'data:changed'>['scope']
let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

/** Settings and privacy handlers over a real encrypted workspace, validated both ways against the contract as the router does. */
function setup() {
  t = tempWorkspace()
  const changed: Scope[] = []
  const access: WorkspaceAccess = { workspace: () => t.ws, changed: (s) => changed.push(s) }
  const handlers = { ...settingsHandlers(access), ...privacyHandlers(access) }
  async function call<C extends keyof typeof handlers & Channel>(channel: C, input: InArg<C>): Promise<Out<C>> {
    const parsed = contract[channel].input.parse(input) as In<C>
    const handler = handlers[channel] as unknown as (i: In<C>, c: { transport: 'test' }) => Promise<Out<C>>
    return contract[channel].output.parse(await handler(parsed, { transport: 'test' })) as Out<C>
  }
  return { call, changed }
}

describe('settings and privacy channels for the UI', () => {
  it('survivorship: groups with defaults and sources, save merges, the engine reads what was saved', async () => {
    const { call, changed } = setup()
    seedRecords(t.ws, [{ source: 'crm', first_name: 'Ann', email: 'ann@x.org' }, { source: 'shop', first_name: 'Anne', email: 'ann@x.org' }])
    const before = await call('settings:survivorship', {})
    expect(before.groups.map((g) => g.group)).toEqual(['name', 'email', 'phone', 'company', 'address', 'birth_date', 'gender'])
    expect(before.groups.find((g) => g.group === 'address')?.fields).toContain('postcode')
    expect(before.sources).toEqual(['crm', 'shop'])
    expect(before.ruleKinds).toContain('source_priority')

    const saved = await call('settings:set-survivorship', { rules: { name: { rule: 'source_priority', sources: ['shop', 'crm'] }, email: { rule: 'longest' } } })
    expect(saved.groups.find((g) => g.group === 'name')?.rule).toEqual({ rule: 'source_priority', sources: ['shop', 'crm'] })
    expect(saved.groups.find((g) => g.group === 'phone')?.rule).toEqual({ rule: 'most_recent' })
    expect(getSurvivorshipRules(t.ws).email).toEqual({ rule: 'longest' })
    expect(changed).toContain('settings')
  })

  it.each([
    { name: 'unknown group', rules: { shoe_size: { rule: 'longest' } }, error: { code: 'InvalidInput', message: expect.stringMatching(/shoe_size/) } },
  ])('survivorship refuses $name and keeps the stored rules', async ({ rules, error }) => {
    const { call } = setup()
    await expect(call('settings:set-survivorship', { rules } as InArg<'settings:set-survivorship'>)).rejects.toMatchObject(error)
    expect((await call('settings:survivorship', {})).groups.find((g) => g.group === 'email')?.rule).toEqual({ rule: 'most_recent' })
  })

  it('survivorship input: source_priority needs sources (refused at the boundary)', () => {
    expect(contract['settings:set-survivorship'].input.safeParse({ rules: { name: { rule: 'source_priority', sources: [] } } }).success).toBe(false)
    expect(contract['settings:set-survivorship'].input.safeParse({ rules: { name: { rule: 'newest' } } }).success).toBe(false)
  })

  it('default country: US until set, stored upper case, bad codes refused', async () => {
    const { call } = setup()
    expect(await call('settings:default-country', {})).toEqual({ country: 'US' })
    expect(await call('settings:set-default-country', { country: 'gb' })).toEqual({ country: 'GB' })
    expect(await call('settings:default-country', {})).toEqual({ country: 'GB' })
    expect(contract['settings:set-default-country'].input.safeParse({ country: 'GBR' }).success).toBe(false)
  })

  it('subject export: subject.json for download, per-table files, audited; unknown profile is NotFound', async () => {
    const { call, changed } = setup()
    const [rec] = seedRecords(t.ws, [{ source: 'crm', first_name: 'Ann', last_name: 'Lee', email: 'ann@x.org' }]) as [number]
    const profileId = t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(rec) as number
    const r = await call('privacy:subject-export', { profileId })
    expect(r.profiles).toEqual([profileId])
    expect(r.fileName).toMatch(new RegExp(`^subject-access-profile-${profileId}-\\d{4}-\\d{2}-\\d{2}\\.json$`))
    expect(r.files).toContain('subject.json')
    const doc = JSON.parse(Buffer.from(r.base64, 'base64').toString('utf8')) as { profiles: number[]; records: { id: number }[] }
    expect(doc.profiles).toEqual([profileId])
    expect(JSON.stringify(doc)).toContain('ann@x.org')
    expect(r.counts.records).toBe(1)
    const audit = listAudit(t.ws.sqlite, { action: 'privacy.subject-export' })
    expect(audit).toHaveLength(1)
    expect(audit[0]?.details).not.toContain('ann@x.org')
    expect(changed).toContain('privacy')
    await expect(call('privacy:subject-export', { profileId: 99999 })).rejects.toMatchObject({ code: 'NotFound' })
  })
})
