import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from '../../electron/core/activation'
import { openWorkspace, Passphrase, readFileHeader } from '../../electron/core/db'
import { mergeProfiles } from '../../electron/core/identity/membership'
import {
  appendAudit, backupWorkspace, consentRecords, consentStatements, restoreWorkspace, revealPii, subjectExport, verifyAudit,
} from '../../electron/core/privacy'
import { refreshAllProfiles } from '../../electron/core/profiles'
import { createSegment } from '../../electron/core/segments'
import { cdp } from '../helpers/cli'
import { seedEvents, seedRecords } from '../helpers/seed'
import { testPassphrase, tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
let jo: number
const q = (sql: string, ...args: unknown[]): unknown => t.ws.sqlite.prepare(sql).pluck().get(...args)

beforeAll(async () => {
  t = tempWorkspace()
  const [crm, shop, other] = seedRecords(t.ws, [
    { source: 'CRM', first_name: 'Jo', last_name: 'March', email: 'jo@march.example', phone: '+447400123456', city: 'Concord' },
    { source: 'Shop', first_name: 'Josephine', last_name: 'March', email: 'jo@march.example', city: 'Boston' },
    { source: 'CRM', first_name: 'Amy', last_name: 'March', email: 'amy@march.example' },
  ])
  seedEvents(t.ws, [{ recordId: shop!, type: 'order', occurred_at: '2026-02-01T10:00:00Z', amount_minor: 4200, currency: 'USD' }])
  const consent = t.ws.sqlite.prepare('INSERT INTO consents (record_id, channel, purpose, value, observed_at) VALUES (?, ?, ?, ?, ?)')
  consent.run(crm, 'email', 'marketing', 'granted', '2026-01-01T00:00:00Z')
  consent.run(shop, 'email', 'marketing', 'denied', '2026-03-01T00:00:00Z')
  consent.run(crm, 'sms', 'marketing', 'granted', null)
  consent.run(crm, 'email', 'newsletter', 'granted', '2025-06-01T00:00:00Z')
  const profileOf = (r: number): number => q('SELECT profile_id FROM records WHERE id = ?', r) as number
  jo = mergeProfiles(t.ws.sqlite, profileOf(crm!), profileOf(shop!), { cause: 'review', actor: 'analyst' })
  void other
  refreshAllProfiles(t.ws)
  createSegment(t.ws, 'Marches', { kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute: 'last_name', test: { op: 'equals', value: 'March' } }] })
  await runExport(t.ws, { segment: 'Marches', preset: 'csv', out: t.tmp.file('marches.csv'), actor: 'analyst' })
})
afterAll(() => t.dispose())

describe('consent records', () => {
  it('resolve per channel and purpose, latest wins, conflicts stay visible', () => {
    const records = consentRecords(consentStatements(t.ws, jo))
    expect(records.map((r) => [r.channel, r.purpose, r.value])).toEqual([
      ['email', 'marketing', 'denied'], ['email', 'newsletter', 'granted'], ['sms', 'marketing', 'granted'],
    ])
    const email = records[0]!
    expect(email).toMatchObject({ observedAt: '2026-03-01T00:00:00Z', source: 'Shop' })
    expect(email.conflicts.map((c) => [c.value, c.source])).toEqual([['granted', 'CRM']])
  })
})

describe('subject access export', () => {
  it('writes everything held about the person as JSON and one CSV per table, and audits the request', () => {
    const dir = t.tmp.file('sar')
    const r = subjectExport(t.ws, { email: 'JO@march.example' }, dir, 'dpo')
    expect(r.profiles).toEqual([jo])
    expect(readdirSync(dir).sort()).toEqual(['consent_statements.csv', 'consents.csv', 'events.csv', 'exports.csv', 'golden_record.csv', 'identifiers.csv',
      'merge_history.csv', 'raw_rows.csv', 'records.csv', 'segment_memberships.csv', 'subject.json'])
    const doc = JSON.parse(readFileSync(`${dir}/subject.json`, 'utf8')) as Record<string, Record<string, unknown>[]>
    expect(doc.records!.map((r) => r.source).sort()).toEqual(['CRM', 'Shop'])
    expect(doc.raw_rows!.every((r) => typeof r.file_name === 'string' && typeof r.row_number === 'number')).toBe(true)
    expect(doc.raw_rows).toHaveLength(3) // two person rows and the order row
    expect(doc.identifiers!.map((i) => i.value)).toContain('+447400123456')
    expect(doc.events).toHaveLength(1)
    expect(doc.golden_record!.find((g) => g.attribute === 'email')).toMatchObject({ value: 'jo@march.example', fileName: 'seed' })
    expect(doc.merge_history!.some((h) => h.cause === 'review')).toBe(true)
    expect(doc.segment_memberships!.map((s) => s.name)).toEqual(['Marches'])
    expect(doc.exports!.map((e) => e.preset)).toEqual(['csv'])
    expect(JSON.stringify(doc)).not.toContain('amy@march.example')
    expect(readFileSync(`${dir}/records.csv`, 'utf8')).toContain('Josephine')
    expect(q("SELECT details FROM audit_log WHERE action = 'privacy.subject-export'")).toContain(`"profiles":[${jo}]`)
  })
  it('says so when nothing is held', () => {
    expect(() => subjectExport(t.ws, { email: 'beth@march.example' }, t.tmp.file('none'), 'dpo')).toThrow(/No data is held/)
  })
})

describe('audit log', () => {
  it('chains every kind of entry and detects an edited row', () => {
    revealPii(t.ws.sqlite, { actor: 'analyst', profileId: jo, field: 'email' })
    appendAudit(t.ws.sqlite, { actor: 'analyst', action: 'workspace.passphrase-change' })
    const ok = verifyAudit(t.ws.sqlite)
    expect(ok.ok).toBe(true)
    expect(ok.entries).toBeGreaterThanOrEqual(4)
    expect(() => t.ws.sqlite.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/)
  })
})

describe('backup and restore', () => {
  it('round-trips through one encrypted file, verified before it replaces the workspace', () => {
    const file = t.tmp.file('backup.tbak')
    const b = backupWorkspace(t.ws, file, 'analyst')
    const bytes = readFileSync(file)
    expect(bytes.includes(Buffer.from('jo@march.example'))).toBe(false)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    expect(b.bytes).toBe(bytes.length)
    // Restore into a new place, then check it opens with the passphrase and holds the data.
    const target = t.tmp.file('restored.tdb')
    const r = restoreWorkspace(target, file, testPassphrase, 'analyst')
    expect(r.replaced).toBe(false)
    const restored = openWorkspace(target, new Passphrase(testPassphrase))
    try {
      expect(restored.sqlite.prepare('SELECT count(*) FROM records').pluck().get()).toBe(3)
      expect(verifyAudit(restored.sqlite).ok).toBe(true)
      expect(restored.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'backup.restore'").pluck().get()).toBe(1)
    } finally {
      restored.close()
    }
  })
  it('refuses a wrong passphrase or a damaged file and leaves the live workspace untouched', () => {
    const file = t.tmp.file('backup2.tbak')
    backupWorkspace(t.ws, file, 'analyst')
    const target = t.tmp.file('live.tdb')
    restoreWorkspace(target, file, testPassphrase, 'analyst')
    const before = readFileSync(target)
    expect(() => restoreWorkspace(target, file, 'wrong passphrase', 'x')).toThrow(/Wrong passphrase/)
    const damaged = t.tmp.file('damaged.tbak')
    const bytes = readFileSync(file)
    bytes.fill(0x41, bytes.length - 4096)
    writeFileSync(damaged, bytes)
    expect(() => restoreWorkspace(target, damaged, testPassphrase, 'x')).toThrow()
    expect(() => restoreWorkspace(target, t.tmp.file('marches.csv'), testPassphrase, 'x')).toThrow(/not a Tessera backup/)
    expect(readFileSync(target).equals(before)).toBe(true)
    expect(readdirSync(t.tmp.dir).filter((f) => f.includes('.restoring'))).toEqual([])
  })
})

describe('cdp audit verify, backup, restore', () => {
  it('detects a tampered entry from the command line, and round-trips a backup', () => {
    const file = t.tmp.file('cli.tbak')
    t.ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const b = cdp(['backup', '--db', t.path, '--out', file])
    expect(b.stderr).toBe('')
    expect(existsSync(file)).toBe(true)
    const target = t.tmp.file('cli-restored.tdb')
    const r = cdp(['restore', '--db', target, '--from', file])
    expect(r.code).toBe(0)
    expect(readFileHeader(target).toString('latin1')).not.toContain('SQLite format 3')
    // Tamper as an attacker holding the key would: drop the append-only trigger, edit a row.
    t.ws.sqlite.exec('DROP TRIGGER audit_log_no_update')
    t.ws.sqlite.prepare("UPDATE audit_log SET actor = 'someone else' WHERE action = 'export.write'").run()
    t.ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(verifyAudit(t.ws.sqlite)).toMatchObject({ ok: false, broken: { reason: 'hash-mismatch' } })
    const v = cdp(['audit', 'verify', '--db', t.path])
    expect(v.code).toBe(1)
    expect(v.stdout).toMatch(/BROKEN at entry \d+/)
    const good = cdp(['audit', 'verify', '--db', target, '--json'])
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true })
  })
})
