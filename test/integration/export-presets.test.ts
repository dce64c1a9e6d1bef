import { Workbook } from 'exceljs'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewExport, runExport, sha256Hex } from '../../electron/core/activation'
import { addSuppressions, verifyAudit } from '../../electron/core/privacy'
import { refreshAllProfiles } from '../../electron/core/profiles'
import { createSegment } from '../../electron/core/segments'
import { cdp } from '../helpers/cli'
import { seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
const P: Record<string, number> = {}
const q = (sql: string, ...args: unknown[]): unknown => t.ws.sqlite.prepare(sql).pluck().get(...args)

beforeAll(() => {
  t = tempWorkspace()
  const people = {
    ann: { first_name: 'Ann', last_name: 'Lee', email: 'Ann.Lee@gmail.com', phone: '+16502530000', city: 'Menlo Park', region: 'US-CA', postcode: '94025-1234', country: 'US', birth_date: '1980-05-01', gender: 'female' },
    bob: { first_name: '=HYPERLINK("http://evil.example","click")', last_name: '@Stone', email: 'bob@example.org', country: 'GB', postcode: 'M1 1AE' },
    cat: { first_name: 'Cat', last_name: 'Ng', email: 'cat@corp.io', country: 'GB' },
    dan: { first_name: 'Dan', last_name: 'Wu', phone: '+447400123456', country: 'GB' },
    eve: { first_name: 'Eve', last_name: 'Roe', email: 'eve@gone.example', country: 'FR' },
    fay: { first_name: 'Fay', last_name: 'Po', country: 'FR' },
  }
  const ids = seedRecords(t.ws, Object.values(people))
  Object.keys(people).forEach((k, i) => (P[k] = q('SELECT profile_id FROM records WHERE id = ?', ids[i]) as number))
  const consent = t.ws.sqlite.prepare("INSERT INTO consents (record_id, channel, value, observed_at) VALUES (?, ?, ?, '2026-01-01')")
  const rec = Object.fromEntries(Object.keys(people).map((k, i) => [k, ids[i]!]))
  for (const k of ['ann', 'bob', 'eve', 'fay']) consent.run(rec[k], 'ads', 'granted')
  consent.run(rec.cat, 'ads', 'denied')
  for (const k of ['ann', 'dan']) consent.run(rec[k], 'email', 'granted')
  consent.run(rec.bob, 'email', 'denied')
  // Eve was erased elsewhere and came back: her email is on the suppression list.
  addSuppressions(t.ws.sqlite, [{ kind: 'email', value: 'eve@gone.example' }], 'erased')
  refreshAllProfiles(t.ws)
  createSegment(t.ws, 'Everyone', { kind: 'group', op: 'all', children: [] })
})
afterAll(() => t.dispose())

describe('consent and suppression gating', () => {
  it.each([
    ['meta', 2, { suppressed: 1, 'consent-denied:ads': 1, 'no-consent:ads': 1, 'no-email-or-phone': 1 }],
    ['linkedin', 2, { suppressed: 1, 'consent-denied:ads': 1, 'no-consent:ads': 1, 'no-email': 1 }],
    ['mailchimp', 1, { suppressed: 1, 'consent-denied:email': 1, 'no-consent:email': 2, 'no-email': 1 }],
    ['klaviyo', 4, { suppressed: 1, 'no-email-or-phone': 1 }],
    ['hubspot', 3, { suppressed: 1, 'no-email': 2 }],
    ['csv', 5, { suppressed: 1 }],
  ])('%s includes %i and counts exclusions by reason', (preset, included, excluded) => {
    const p = previewExport(t.ws, { segment: 'Everyone', preset })
    expect(p.members).toBe(6)
    expect(p.included).toBe(included)
    expect(p.excluded).toEqual(excluded)
  })
  it('reports identifier coverage of the included profiles and LinkedIn\'s 300-row warning', () => {
    const p = previewExport(t.ws, { segment: 'Everyone', preset: 'klaviyo' })
    expect(p.coverage.text).toBe('75% have an email, 50% a phone')
    expect(previewExport(t.ws, { segment: 'Everyone', preset: 'linkedin' }).warnings[0]).toMatch(/300/)
  })
})

describe('writing files', () => {
  it('writes a hashed Meta list with the exact header, logs it with its members, and audits it', async () => {
    const out = t.tmp.file('meta.csv')
    const r = await runExport(t.ws, { segment: 'Everyone', preset: 'meta', hashed: true, out, actor: 'analyst' })
    const text = readFileSync(out, 'utf8')
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe('email,phone,fn,ln,ct,st,zip,country,dob,doby,gen,madid,extern_id')
    const ann = lines.find((l) => l.startsWith(sha256Hex('ann.lee@gmail.com')))!.split(',')
    expect(ann).toEqual([sha256Hex('ann.lee@gmail.com'), sha256Hex('16502530000'), sha256Hex('ann'), sha256Hex('lee'), sha256Hex('menlopark'),
      sha256Hex('ca'), sha256Hex('94025'), sha256Hex('us'), sha256Hex('19800501'), sha256Hex('1980'), sha256Hex('f'), '', String(P.ann)])
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'))
    const log = t.ws.sqlite.prepare('SELECT * FROM exports WHERE id = ?').get(r.exportId) as Record<string, unknown>
    expect(log).toMatchObject({ actor: 'analyst', preset: 'meta', format: 'csv', hashed: 1, included: 2, file_name: out, file_sha256: r.sha256 })
    expect(JSON.parse(log.excluded as string)).toEqual(r.excluded)
    expect(log.segment_version_id).toBe(r.segment.versionId)
    expect(t.ws.sqlite.prepare('SELECT profile_id FROM export_members WHERE export_id = ? ORDER BY profile_id').pluck().all(r.exportId)).toEqual([P.ann, P.bob].sort((a, b) => a! - b!))
    expect(q("SELECT subject FROM audit_log WHERE action = 'export.write' ORDER BY id DESC")).toBe(`export:${r.exportId}`)
    expect(verifyAudit(t.ws.sqlite).ok).toBe(true)
  })

  it('neutralises formula injection in CSV cells but leaves plain numbers in numeric columns alone', async () => {
    const out = t.tmp.file('people.csv')
    await runExport(t.ws, { segment: 'Everyone', preset: 'csv', columns: ['profile_id', 'first_name', 'last_name', 'phone'], bom: true, delimiter: ';', out, actor: 'a' })
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFFprofile_id;first_name;last_name;phone\r\n')).toBe(true)
    expect(text).toContain(`${P.bob};"'=HYPERLINK(""http://evil.example"",""click"")";'@Stone;\r\n`)
    expect(text).toContain(`${P.ann};Ann;Lee;+16502530000\r\n`)
  })

  it('writes XLSX with numbers as numbers and neutralised text', async () => {
    const out = t.tmp.file('people.xlsx')
    await runExport(t.ws, { segment: 'Everyone', preset: 'xlsx', columns: ['profile_id', 'first_name', 'phone'], out, actor: 'a' })
    const wb = new Workbook()
    await wb.xlsx.readFile(out)
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]
    expect(rows[0]!.slice(1)).toEqual(['profile_id', 'first_name', 'phone'])
    const bob = rows.find((r) => r[1] === P.bob)!
    expect(bob[2]).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(rows.find((r) => r[1] === P.ann)![3]).toBe('+16502530000')
  })

  it('writes JSON and NDJSON with typed values', async () => {
    const json = t.tmp.file('people.json')
    await runExport(t.ws, { segment: 'Everyone', preset: 'json', columns: ['profile_id', 'email', 'order_count'], out: json, actor: 'a' })
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as { profile_id: number; email: string | null; order_count: number }[]
    expect(parsed.find((p) => p.profile_id === P.ann)).toEqual({ profile_id: P.ann, email: 'Ann.Lee@gmail.com', order_count: 0 })
    const nd = t.tmp.file('people.ndjson')
    const r = await runExport(t.ws, { segment: 'Everyone', preset: 'json', columns: ['profile_id'], out: nd, actor: 'a' })
    expect(r.format).toBe('ndjson')
    expect(readFileSync(nd, 'utf8').trimEnd().split('\n')).toHaveLength(5)
  })

  it('is atomic: a failed export leaves no file, no temp file and no log entry', async () => {
    const before = q('SELECT count(*) FROM exports')
    const dir = t.tmp.file('taken')
    mkdirSync(dir)
    // The final rename cannot replace a directory, so the export fails after the file was written.
    await expect(runExport(t.ws, { segment: 'Everyone', preset: 'csv', out: dir, actor: 'a' })).rejects.toThrow(/could not be written/)
    await expect(runExport(t.ws, { segment: 'Everyone', preset: 'csv', out: t.tmp.file('missing/dir/x.csv'), actor: 'a' })).rejects.toThrow(/could not be written/)
    expect(q('SELECT count(*) FROM exports')).toBe(before)
    expect(readdirSync(t.tmp.dir).filter((f) => f.endsWith('.partial'))).toEqual([])
    expect(existsSync(t.tmp.file('missing'))).toBe(false)
  })

  it('rejects options that do not fit the preset', async () => {
    expect(() => previewExport(t.ws, { segment: 'Everyone', preset: 'mailchimp', hashed: true })).toThrow(/plain values/)
    expect(() => previewExport(t.ws, { segment: 'Everyone', preset: 'meta', columns: ['email'] })).toThrow(/fixed header/)
    expect(() => previewExport(t.ws, { segment: 'Everyone', preset: 'csv', columns: ['password'] })).toThrow(/Unknown column/)
    expect(() => previewExport(t.ws, { segment: 'Nobody', preset: 'csv' })).toThrow(/No segment/)
  })
})

describe('cdp export', () => {
  it('writes a Google Customer Match file with the documented contract, and previews as JSON', () => {
    t.ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const out = t.tmp.file('google.csv')
    const r = cdp(['export', '--db', t.path, '--segment', 'Everyone', '--preset', 'google', '--hashed', '--gmail-dot-folding', '--out', out])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/2 included/)
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('Email,Phone,First Name,Last Name,Country,Zip')
    expect(lines).toContain([sha256Hex('annlee@gmail.com'), sha256Hex('+16502530000'), sha256Hex('ann'), sha256Hex('lee'), 'US', '94025-1234'].join(','))
    const p = cdp(['export', '--db', t.path, '--segment', 'Everyone', '--preset', 'mailchimp', '--preview', '--json'])
    expect(JSON.parse(p.stdout)).toMatchObject({ included: 1, excluded: { 'consent-denied:email': 1 } })
    const bad = cdp(['export', '--db', t.path, '--segment', 'Everyone', '--preset', 'tiktok', '--out', out])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Unknown preset "tiktok"/)
  })
})
