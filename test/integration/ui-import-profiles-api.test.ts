import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, InArg } from '../../shared/api/contract'
import { headlessPlatform, Session } from '../../electron/core/session'
import { importFile } from '../../electron/core/import'
import { resolve } from '../../electron/core/identity'
import { createHandlers } from '../../electron/ipc/handlers'
import { createRouter } from '../../electron/ipc/router'
import { EventHub } from '../../electron/ipc/api'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

// The channels the import wizard and the profile screens use, through the real router and session on a
// real encrypted workspace: what crosses is JSON-safe, masked and path-free.
const data = join(__dirname, '..', 'e2e', 'data')

describe('import wizard and profiles channels', () => {
  let tmp: TempDir
  let session: Session
  let call: <C extends Channel>(channel: C, input: InArg<C>) => Promise<unknown>
  beforeAll(async () => {
    tmp = tempDir()
    const events = new EventHub()
    session = new Session({ emit: events.emit, kdf: testKdf })
    const router = createRouter({ handlers: createHandlers({ session, platform: headlessPlatform('test', '0.0.0') }), isAllowedSender: () => true })
    call = async (channel, input) => {
      const r = await router.call(channel, input, { transport: 'test' })
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
      return r.data
    }
    await session.create(tmp.file('w.tessera'), testPassphrase, false)
    for (const f of ['crm-contacts.csv', 'shop-customers.csv']) await importFile(session.workspace(), join(data, f))
    await resolve(session.workspace())
  })
  afterAll(async () => {
    await session.close()
    tmp.remove()
  })

  it('inspects a file: preset, column profiles, raw → normalised preview', async () => {
    const file = session.files.register(join(data, 'crm-contacts.csv'))
    const r = (await call('import:inspect', { file })) as { preset: { id: string }; columns: { name: string; fillRate: number }[]; preview: { outcome: string; normalised: Record<string, string> }[] }
    expect(r.preset.id).toBe('hubspot-contacts')
    expect(r.columns.find((c) => c.name === 'Email')?.fillRate).toBeCloseTo(8 / 9)
    expect(r.preview[0]?.normalised.email).toBe('amelia.hartley@mail.example')
    expect(r.preview.map((p) => p.outcome)).toContain('quarantined')
  })

  it('lists quarantined rows with their reason', async () => {
    const q = (await call('import:quarantine', { importId: 1 })) as { total: number; rows: { reason: string; cells: string[] }[]; header: string[] }
    expect(q.total).toBe(1)
    expect(q.rows[0]?.reason).toBe('no-identity')
    expect(q.header[0]).toBe('Record ID')
  })

  it('pages, searches and filters profiles with contact details masked', async () => {
    const all = (await call('profiles:list', { limit: 5 })) as { total: number; rows: { email: string | null; sources: string[] }[] }
    expect(all.total).toBe(9)
    expect(all.rows).toHaveLength(5)
    expect(all.rows[0]?.email).toBe('a***@mail.example')
    expect(all.rows[0]?.sources).toEqual(['crm-contacts', 'shop-customers'])
    const found = (await call('profiles:list', { search: 'nakamura' })) as { total: number }
    expect(found.total).toBe(1)
    const shop = (await call('profiles:list', { source: 'shop-customers' })) as { total: number }
    expect(shop.total).toBe(4)
  })

  it('shows a profile with provenance by file name only, and reveals it with an audit entry', async () => {
    const p = (await call('profiles:get', { id: 1 })) as { golden: { attribute: string; value: string; masked: boolean; provenance: { fileName: string; source: string } }[] }
    const email = p.golden.find((g) => g.attribute === 'email')
    expect(email).toMatchObject({ masked: true, value: 'a***@mail.example' })
    for (const g of p.golden) expect(g.provenance.fileName).not.toContain('/')
    const before = session.workspace().sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'pii.reveal'").pluck().get() as number
    const shown = (await call('profiles:reveal', { id: 1 })) as { golden: Record<string, string>; rawRows: { header: string[]; cells: string[] }[] }
    expect(shown.golden.email).toMatch(/^amelia\.hartley@mail\.example$/)
    expect(shown.rawRows).toHaveLength(2)
    const after = session.workspace().sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'pii.reveal'").pluck().get() as number
    expect(after).toBe(before + 1)
  })

  it('shows the score histogram with bands and which sources share people', async () => {
    const h = (await call('identity:histogram', { bins: 10 })) as { bins: unknown[]; bands: { auto: number; review: number; non: number }; total: number }
    expect(h.bins).toHaveLength(10)
    expect(h.bands.auto + h.bands.review + h.bands.non).toBe(h.total)
    const everything = (await call('identity:histogram', { bins: 10, thresholds: { autoMerge: 0.01, review: 0 } })) as { bands: { auto: number }; total: number }
    expect(everything.bands.auto).toBe(everything.total)
    const o = (await call('identity:overlap', {})) as { sources: { name: string; records: number }[]; pairs: { a: string; b: string; profiles: number }[] }
    expect(o.sources.map((s) => [s.name, s.records])).toEqual([['crm-contacts', 8], ['shop-customers', 4]])
    expect(o.pairs).toEqual([{ a: 'crm-contacts', b: 'shop-customers', profiles: 3 }])
  })

  it('removes a record from a profile into a profile of its own', async () => {
    const p = (await call('profiles:get', { id: 2 })) as { records: { id: number }[] }
    expect(p.records).toHaveLength(2)
    const r = (await call('profiles:remove-record', { recordId: p.records[1]!.id })) as { profiles: number[] }
    expect(r.profiles).toHaveLength(2)
    const again = (await call('profiles:get', { id: 2 })) as { records: unknown[] }
    expect(again.records).toHaveLength(1)
  })
})
