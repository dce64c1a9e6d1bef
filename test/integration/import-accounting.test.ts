import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isCdpError } from '../../shared/api/errors'
import { importFile, inspectFile, suppressionHmac } from '../../electron/core/import'
import { tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
beforeEach(() => { t = tempWorkspace() })
afterEach(() => t.dispose())

const q = (sql: string, ...args: unknown[]): unknown => t.ws.sqlite.prepare(sql).pluck().get(...args)
const write = (name: string, lines: string[]): string => t.tmp.lines(name, lines)
const crm = { kind: 'person', system: 'crm', columns: { id: 'source_key', first: 'first_name', last: 'last_name', email: 'email', phone: 'phone', dob: 'birth_date' } }
const orders = { kind: 'event', eventType: 'order', columns: { order: 'event_key', email: 'email', date: 'occurred_at', total: 'amount' }, currency: 'USD' }

describe('accounting and quarantine', () => {
  it('gives every person row exactly one outcome, with a specific reason for each quarantined row', async () => {
    const secret = randomBytes(32)
    t.ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('suppression_secret', ?)").run(JSON.stringify(secret.toString('hex')))
    t.ws.sqlite.prepare("INSERT INTO suppressions (kind, hmac, reason, created_at) VALUES ('email', ?, 'erased', '2026-01-01')")
      .run(suppressionHmac(secret, 'email', 'gone@mail.example'))
    const path = write('people.csv', [
      'id,first,last,email,phone,dob',
      '1,Ann,Lee,ann@mail.example,+14155550142,1980-01-31',
      '2,Bob,Ray,bob@mail.example,,1975-12-01,EXTRA',
      ',,,,,',
      ',,  ,,,1990-01-01',
      '1,Ann,Again,ann2@mail.example,,',
      '3,Gone,Person,Gone@Mail.example,,',
      '4,Cy,Lo,not-an-email,,31/31/1999',
    ])
    const r = await importFile(t.ws, path, { mapping: crm })
    // A blank line is not a data row (the reader skips it and does not count it).
    expect(r).toMatchObject({ rows: 6, recordsImported: 2, recordsUpdated: 0, eventsImported: 0, rowsQuarantined: 4 })
    expect(r.quarantineReasons).toMatchObject({ 'no-identity': 1, 'duplicate-source-key': 1, suppressed: 1 })
    expect(Object.keys(r.quarantineReasons).some((k) => /column/i.test(k))).toBe(true)
    expect(q('SELECT count(*) FROM raw_rows')).toBe(6)
    expect(q("SELECT group_concat(row_number) FROM raw_rows WHERE outcome = 'quarantined' ORDER BY row_number")).toBe('2,3,4,5')
    expect(q("SELECT data FROM raw_rows WHERE row_number = 5")).toBe(JSON.stringify(['3', 'Gone', 'Person', 'Gone@Mail.example', '', '']))
    const cy = JSON.parse(q("SELECT attributes FROM records WHERE source_key = '4'") as string) as { _rejected: Record<string, string> }
    expect(Object.keys(cy._rejected).sort()).toEqual(['birth_date', 'email'])
  })

  it('quarantines events with an unparseable date or no person to belong to', async () => {
    const path = write('orders.csv', [
      'order,email,date,total',
      'A1,ann@mail.example,2024-03-01,10.00',
      'A2,ann@mail.example,not a date,5.00',
      'A3,,2024-03-02,7.50',
      'A4,ann@mail.example,2024-03-03,1.234,00',
    ])
    const r = await importFile(t.ws, path, { mapping: orders })
    expect(r.rows).toBe(4)
    expect(r.eventsImported + r.rowsQuarantined).toBe(4)
    expect(r.quarantineReasons).toMatchObject({ 'unparseable-date:date': 1, 'no-identity-for-event': 1 })
    expect(r.recordsFromEvents).toBe(1)
    expect(q("SELECT amount_minor FROM events WHERE source_key = 'A1'")).toBe(1000)
  })
})

describe('idempotency and updates', () => {
  it('detects the same file as a no-op, and re-imports it as updates when forced', async () => {
    const path = write('crm.csv', ['id,first,last,email', '1,Ann,Lee,ann@mail.example', '2,Bob,Ray,bob@mail.example'])
    const first = await importFile(t.ws, path, { mapping: crm })
    const again = await importFile(t.ws, path, { mapping: crm })
    expect(again).toMatchObject({ alreadyImported: true, previousImportId: first.importId, rows: 0 })
    expect(q('SELECT count(*) FROM imports')).toBe(1)
    const forced = await importFile(t.ws, path, { mapping: crm, force: true })
    expect(forced).toMatchObject({ rows: 2, recordsImported: 0, recordsUpdated: 2 })
    expect(q('SELECT count(*) FROM records')).toBe(2)
  })

  it('updates records of a newer export by source key: raw rows kept, identifiers and lineage follow the newest row', async () => {
    const v1 = write('export-1.csv', ['id,first,last,email', '1,Ann,Lee,ann@mail.example', '2,Bob,Ray,bob@mail.example'])
    const v2 = write('export-2.csv', ['id,first,last,email', '1,Ann,Lee,ann.lee@mail.example', '2,Bob,Ray,bob@mail.example', '3,Cy,Lo,cy@mail.example'])
    await importFile(t.ws, v1, { source: 'crm', mapping: crm })
    const profileBefore = q("SELECT profile_id FROM records WHERE source_key = '1'")
    const r = await importFile(t.ws, v2, { source: 'crm' })
    expect(r).toMatchObject({ mappingOrigin: 'saved', rows: 3, recordsImported: 1, recordsUpdated: 2 })
    expect(q('SELECT count(*) FROM records')).toBe(3)
    expect(q('SELECT count(*) FROM raw_rows')).toBe(5)
    expect(q("SELECT profile_id FROM records WHERE source_key = '1'")).toBe(profileBefore)
    expect(q("SELECT i.file_name FROM records r JOIN raw_rows rr ON rr.id = r.raw_row_id JOIN imports i ON i.id = rr.import_id WHERE r.source_key = '1'")).toBe('export-2.csv')
    const emails = t.ws.sqlite.prepare("SELECT value FROM identifiers i JOIN records r ON r.id = i.record_id WHERE r.source_key = '1' AND kind = 'email'").pluck().all()
    expect(emails).toEqual(['ann.lee@mail.example'])
  })
})

describe('newer exports of event sources', () => {
  it('replaces the events of orders a newer export repeats, and adds the new ones', async () => {
    const v1 = write('orders-1.csv', ['order,email,date,total', 'A1,ann@mail.example,2024-03-01,10.00', 'A2,bob@mail.example,2024-03-02,5.00'])
    const v2 = write('orders-2.csv', ['order,email,date,total', 'A1,ann@mail.example,2024-03-01,12.00', 'A2,bob@mail.example,2024-03-02,5.00', 'A3,ann@mail.example,2024-03-05,1.00'])
    await importFile(t.ws, v1, { source: 'orders', mapping: orders })
    const r = await importFile(t.ws, v2, { source: 'orders' })
    expect(r).toMatchObject({ rows: 3, eventsImported: 3, eventsReplaced: 2, recordsFromEvents: 0 })
    expect(t.ws.sqlite.prepare('SELECT source_key || \'=\' || amount_minor FROM events ORDER BY source_key').pluck().all()).toEqual(['A1=1200', 'A2=500', 'A3=100'])
    expect(q('SELECT count(*) FROM records')).toBe(2)
    expect(q('SELECT count(*) FROM raw_rows')).toBe(5)
  })
})

describe('cancel', () => {
  it('rolls back everything a cancelled import wrote, and notes the attempt', async () => {
    const lines = ['id,first,last,email']
    for (let i = 0; i < 6000; i++) lines.push(`${i},First${i},Last${i},p${i}@mail.example`)
    const path = write('big.csv', lines)
    const ac = new AbortController()
    const run = importFile(t.ws, path, { mapping: crm, signal: ac.signal, onProgress: (p) => { if (p.phase === 'reading' && p.rows > 0) ac.abort() } })
    const err = await run.then(() => null, (e: unknown) => e)
    expect(isCdpError(err) && err.code).toBe('Cancelled')
    for (const table of ['records', 'raw_rows', 'events', 'identifiers', 'profiles', 'membership_history']) expect(q(`SELECT count(*) FROM ${table}`), table).toBe(0)
    expect(q('SELECT status FROM imports')).toBe('cancelled')
    // Not "already imported": a cancelled attempt does not count.
    expect((await importFile(t.ws, path, { mapping: crm })).recordsImported).toBe(6000)
  })
})

describe('parse worker', () => {
  it('gives the same rows, outcomes and values whether rows are transformed in a worker or on this thread', async () => {
    const lines = ['id,first,last,email,phone,dob']
    for (let i = 0; i < 1500; i++) lines.push(`K${i % 1400},First${i},Last${i},p${i}@mail.example,+1415555${String(i).padStart(4, '0')},${i % 7 ? '1980-01-02' : 'bad'}`)
    const path = write('w.csv', lines)
    const dump = (): unknown => t.ws.sqlite.prepare(`SELECT rr.row_number, rr.outcome, rr.reason, r.source_key, r.email, r.phone, r.birth_date, r.attributes
      FROM raw_rows rr LEFT JOIN records r ON r.raw_row_id = rr.id WHERE rr.import_id = (SELECT max(id) FROM imports) ORDER BY rr.row_number`).all()
    const inThread = await importFile(t.ws, path, { mapping: crm, parallel: false, source: 'a' })
    const a = dump()
    const inWorker = await importFile(t.ws, path, { mapping: crm, parallel: true, source: 'b', force: true })
    expect(dump()).toEqual(a)
    const counts = (r: typeof inThread): number[] => [r.rows, r.recordsImported, r.rowsQuarantined]
    expect(counts(inWorker)).toEqual(counts(inThread))
    expect(inThread).toMatchObject({ rows: 1500, recordsImported: 1400, rowsQuarantined: 100 })
  })
})

describe('inspect and saved mappings', () => {
  it('previews a file (preset, profiles, raw beside normalised) without writing anything', async () => {
    const path = write('people.csv', ['Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Total Spent,Total Orders,Tax Exempt', "'42,Ann,Lee, Ann@Mail.Example ,yes,1,1,no"])
    const r = await inspectFile(t.ws, path)
    expect(r.preset?.id).toBe('shopify-customers')
    expect(r.profiles).toHaveLength(8)
    const first = r.preview[0]!
    expect(first.raw.Email).toBe(' Ann@Mail.Example ')
    expect(first.result).toMatchObject({ outcome: 'record', person: { sourceKey: '42', fields: { email: 'ann@mail.example' } } })
    expect(q('SELECT count(*) FROM sources')).toBe(0)
  })
})
