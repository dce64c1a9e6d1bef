import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../electron/core/import'
import { mergeProfiles } from '../../electron/core/identity/membership'
import { forgetPerson, verifyAudit } from '../../electron/core/privacy'
import { refreshAllProfiles, searchProfiles } from '../../electron/core/profiles'
import { createSegment } from '../../electron/core/segments'
import { runExport } from '../../electron/core/activation'
import { tempWorkspace } from '../helpers/temp-workspace'

// A workspace built through the real import pipeline: two CRM exports (so older raw rows exist that no
// record points at), orders (one quarantined), a newsletter source, a merge, a review item, an export.
let t: ReturnType<typeof tempWorkspace>
const EMAIL = 'zephyrine.q@mail.example'
const needles = ['zephyrine', 'quillfeather', EMAIL, '4155550199', 'zq-ref-77']
const crm = { kind: 'person', system: 'crm', columns: { id: 'source_key', first: 'first_name', last: 'last_name', email: 'email', phone: 'phone', dob: 'birth_date', optin: 'consent_email' } }
const news = { kind: 'person', columns: { mail: 'email', name: 'full_name', ref: 'attribute:referrer' } }
const orders = { kind: 'event', eventType: 'order', columns: { order: 'event_key', email: 'email', date: 'occurred_at', total: 'amount' }, currency: 'USD' }
const write = (name: string, lines: string[]): string => t.tmp.lines(name, lines)
const q = (sql: string, ...args: unknown[]): unknown => t.ws.sqlite.prepare(sql).pluck().get(...args)

/** Every row of every table (FTS shadow tables included), as text, lower-cased. */
function everything(): Map<string, string> {
  const tables = t.ws.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
  const out = new Map<string, string>()
  for (const name of tables) {
    const rows = t.ws.sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]
    out.set(name, rows.map((r) => Object.values(r).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))).join('|')).join('\n').toLowerCase())
  }
  return out
}

let zeph: number
let ann: number
beforeAll(async () => {
  t = tempWorkspace()
  const header = 'id,first,last,email,phone,dob,optin'
  await importFile(t.ws, write('crm-1.csv', [header, `1,Zephyrine,Quillfeather,${EMAIL},+1 415 555 0199,1980-01-31,yes`, '2,Ann,Lee,ann@mail.example,+14155550142,1975-12-01,yes']), { source: 'CRM', mapping: crm })
  await importFile(t.ws, write('crm-2.csv', [header, `1,Zephyrine,Quillfeather,${EMAIL},+1 415 555 0199,1980-02-01,no`, '2,Ann,Lee,ann@mail.example,+14155550142,1975-12-01,yes']), { source: 'CRM', mapping: crm })
  await importFile(t.ws, write('orders.csv', ['order,email,date,total', `A1,${EMAIL},2024-03-01,10.00`, 'A2,ann@mail.example,2024-03-02,5.00', `A3,${EMAIL},not a date,5.00`]), { source: 'Orders', mapping: orders })
  await importFile(t.ws, write('news.csv', ['mail,name,ref', `${EMAIL.toUpperCase()},Zephyrine Q,zq-ref-77`, `ann@mail.example,Ann Lee,${EMAIL}`]), { source: 'Newsletter', mapping: news })
  const db = t.ws.sqlite
  const recordOf = (source: string, email: string): number => q('SELECT r.id FROM records r JOIN sources s ON s.id = r.source_id WHERE s.name = ? AND r.email = ?', source, email) as number
  const [zCrm, zNews, aCrm] = [recordOf('CRM', EMAIL), recordOf('Newsletter', EMAIL), recordOf('CRM', 'ann@mail.example')]
  const profileOf = (r: number): number => q('SELECT profile_id FROM records WHERE id = ?', r) as number
  zeph = mergeProfiles(db, profileOf(zCrm), profileOf(zNews), { cause: 'review', actor: 'analyst', reason: 'Zephyrine confirmed by phone' })
  ann = profileOf(aCrm)
  const [a, b] = [Math.min(zCrm, aCrm), Math.max(zCrm, aCrm)]
  const pair = Number(db.prepare("INSERT INTO match_pairs (record_a, record_b, weight, probability, band, evidence, created_at) VALUES (?, ?, 1, 0.5, 'review', ?, 't')")
    .run(a, b, JSON.stringify({ first_name: ['zephyrine', 'ann'] })).lastInsertRowid)
  db.prepare("INSERT INTO review_items (pair_id, created_at, updated_at) VALUES (?, 't', 't')").run(pair)
  refreshAllProfiles(t.ws)
  createSegment(t.ws, 'Everyone', { kind: 'group', op: 'all', children: [] })
  await runExport(t.ws, { segment: 'Everyone', preset: 'csv', out: t.tmp.file('before.csv'), actor: 'analyst' })
})
afterAll(() => t.dispose())

describe('erasure', () => {
  it('holds the person everywhere before (the check below is not vacuous)', () => {
    const all = [...everything().values()].join('\n')
    for (const n of needles) expect(all).toContain(n)
    expect(searchProfiles(t.ws, 'Quillfeather').length).toBeGreaterThan(0)
  })

  it('leaves no trace of the person in any table or the search index, and keeps everyone else', () => {
    const r = forgetPerson(t.ws, { email: ' Zephyrine.Q@Mail.Example ' }, { actor: 'dpo', vacuum: true })
    expect(r.profiles).toEqual([zeph])
    expect(r).toMatchObject({ records: 2, events: 1, reviewItems: 1, vacuumed: true })
    expect(r.rawRowsDeleted).toBe(5) // two CRM versions, one order, one quarantined order, one newsletter row
    expect(r.rawRowsRedacted).toBe(1) // Ann's newsletter row named her as referrer…
    expect(r.valuesRedacted).toBe(1) // …and so did the attributes of Ann's newsletter record
    expect(r.exports.map((e) => e.preset)).toEqual(['csv'])
    for (const [table, text] of everything()) {
      for (const n of needles) expect(text.includes(n), `"${n}" left in ${table}`).toBe(false)
    }
    expect(searchProfiles(t.ws, 'Quillfeather')).toEqual([])
    expect(q('SELECT status FROM profiles WHERE id = ?', zeph)).toBe('erased')
    expect(q("SELECT count(*) FROM records WHERE email = 'ann@mail.example'")).toBe(2)
    expect(q("SELECT data FROM raw_rows WHERE data LIKE '%Ann Lee%'")).toBe(JSON.stringify(['ann@mail.example', 'Ann Lee', '[erased]']))
    expect(q('SELECT count(*) FROM golden_values WHERE profile_id = ?', ann)).toBeGreaterThan(0)
  })

  it('writes an audit entry with ids and counts only, and the chain still verifies', () => {
    const entry = t.ws.sqlite.prepare("SELECT * FROM audit_log WHERE action = 'privacy.erase'").get() as { subject: string; details: string }
    expect(entry.subject).toBe(`profile:${zeph}`)
    expect(JSON.parse(entry.details)).toMatchObject({ by: 'email', profiles: [zeph], records: 2 })
    expect(verifyAudit(t.ws.sqlite).ok).toBe(true)
  })

  it('quarantines the person as "suppressed" when any later file brings them back, by email or by phone', async () => {
    const r1 = await importFile(t.ws, write('crm-3.csv', ['id,first,last,email,phone,dob,optin', `1,Zephyrine,Quillfeather,${EMAIL},,1980-02-01,yes`, '3,Cy,Lo,cy@mail.example,,,']), { source: 'CRM', mapping: crm })
    expect(r1.quarantineReasons).toMatchObject({ suppressed: 1 })
    expect(r1.recordsImported).toBe(1)
    const r2 = await importFile(t.ws, write('shop.csv', ['mail,name,ref', ',Z Quill,', 'someone@else.example,Some One,']), { source: 'Shop', mapping: { kind: 'person', columns: { mail: 'email', name: 'full_name', ref: 'attribute:x' } } })
    expect(r2.rowsQuarantined).toBe(0)
    const r3 = await importFile(t.ws, write('sms.csv', ['phone,name', '+1 (415) 555-0199,Z']), { source: 'SMS', mapping: { kind: 'person', columns: { phone: 'phone', name: 'full_name' } } })
    expect(r3.quarantineReasons).toMatchObject({ suppressed: 1 })
  })

  it('refuses an unusable identifier and suppresses one it holds nothing about', () => {
    expect(() => forgetPerson(t.ws, { email: 'not an email' }, { actor: 'dpo' })).toThrow(/not an email address/)
    const r = forgetPerson(t.ws, { email: 'never@seen.example' }, { actor: 'dpo' })
    expect(r.profiles).toEqual([])
    expect(r.suppressed).toBe(1)
    expect(() => forgetPerson(t.ws, { profileId: zeph }, { actor: 'dpo' })).toThrow(/No profile/)
  })
})
