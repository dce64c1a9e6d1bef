import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mergeProfiles } from '../../electron/core/identity/membership'
import { cdp } from '../helpers/cli'
import { seedEvents, seedRecords } from '../helpers/seed'
import { tempWorkspace } from '../helpers/temp-workspace'

// The real `cdp` in a child process over a seeded workspace (the workspace is closed before the CLI runs).
let t: ReturnType<typeof tempWorkspace>
let db: string
let merged: number
beforeAll(() => {
  t = tempWorkspace()
  db = t.path
  const ws = t.ws
  const [a, b, c] = seedRecords(ws, [
    { source: 'Shopify', first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@gmail.com', phone: '+33612345678', city: 'Paris' },
    { source: 'HubSpot', first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@gmail.com', company: '=HYPERLINK("x")' },
    { source: 'HubSpot', first_name: 'Tom', last_name: 'Hill', email: 'tom@hill.io', city: 'Lyon' },
  ]) as [number, number, number]
  seedEvents(ws, [{ recordId: a, type: 'order', occurred_at: '2026-01-01T00:00:00Z', amount_minor: 4200, currency: 'EUR' }])
  const pid = (r: number): number => ws.sqlite.prepare('SELECT profile_id FROM records WHERE id = ?').pluck().get(r) as number
  merged = mergeProfiles(ws.sqlite, pid(a), pid(b), { cause: 'auto' })
  void c
  ws.close()
})
afterAll(() => t.tmp.remove())

const rule = (name: string, value: unknown): string => {
  const file = t.tmp.file(name)
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

describe('cdp profiles / profile show / search', () => {
  it('exports golden records with traits, masked by default', () => {
    const r = cdp(['profiles', '--db', db])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('j***@gmail.com')
    expect(lines[1]).toContain('+33*******78')
    expect(lines[1]).not.toContain('jane.doe@gmail.com')
    // A formula in a company name is defused for spreadsheets.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`)
    const out = t.tmp.file('profiles.json')
    expect(cdp(['profiles', '--db', db, '--format', 'json', '--reveal', '--out', out]).code).toBe(0)
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(rows[0]).toMatchObject({ profile_id: merged, email: 'jane.doe@gmail.com', order_count: 1, sources: ['Shopify', 'HubSpot', 'seed events'] })
  })

  it('shows one profile with provenance, and searches', () => {
    const r = cdp(['profile', 'show', String(merged), '--db', db])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/city\s+Paris\s+← Shopify, seed row 1/)
    expect(r.stdout).toContain('Timeline:')
    expect(r.stdout).toMatch(/1 order\(s\)/)
    const s = cdp(['search', 'hill', '--db', db, '--json'])
    expect((JSON.parse(s.stdout) as { displayName: string }[]).map((h) => h.displayName)).toEqual(['Tom Hill'])
  })
})

describe('cdp segment', () => {
  it('creates, lists, shows, counts, writes members, deletes', () => {
    const paris = rule('paris.json', { kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute: 'city', test: { op: 'equals', value: 'Paris' } }] })
    const c = cdp(['segment', 'create', 'Parisians', '--rule', paris, '--description', 'in Paris', '--db', db])
    expect(c.code, c.stderr).toBe(0)
    expect(c.stdout).toContain('1 profile(s)')
    expect(cdp(['segment', 'count', 'Parisians', '--db', db]).stdout.trim()).toBe('1')
    const out = t.tmp.file('members.csv')
    const m = cdp(['segment', 'members', 'Parisians', '--out', out, '--db', db, '--json'])
    expect(JSON.parse(m.stdout)).toMatchObject({ segment: 'Parisians', count: 1 })
    expect(readFileSync(out, 'utf8')).toBe(`profile_id\n${merged}\n`)
    expect(cdp(['segment', 'delete', 'Parisians', '--db', db]).code).toBe(0)
    expect(cdp(['segment', 'list', '--db', db]).stdout.trim()).toBe('No segments yet.')
  })

  it('reports a bad rule with the path of the offending node', () => {
    const bad = rule('bad.json', { kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute: 'email', test: { op: 'gt', value: 1 } }] })
    const r = cdp(['segment', 'create', 'Bad', '--rule', bad, '--db', db])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/children\[0\]\.test\.op/)
  })
})
