import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, Passphrase } from '../../electron/core/db'
import { loadConstraints } from '../../electron/core/identity/review'
import { seedPair } from '../../electron/core/identity/review/testing'
import { cdp } from '../helpers/cli'
import { seedRecords } from '../helpers/seed'
import { testPassphrase, tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

/** Two pending pairs in a closed workspace file, as a user of the CLI finds it after `cdp resolve`. */
function workspaceWithQueue() {
  t = tempWorkspace()
  const [a, b, c, d] = seedRecords(t.ws, [
    { source: 'crm', first_name: 'Ann', email: 'ann@x.com' },
    { source: 'shop', first_name: 'Anne', email: 'ann@x.com' },
    { source: 'shop', first_name: 'Bob', email: 'bob@x.com' },
    { source: 'crm', first_name: 'Rob', email: 'bob@x.com' },
  ]) as [number, number, number, number]
  seedPair(t.ws, { a, b, probability: 0.9, priority: 0.5 })
  seedPair(t.ws, { a: c, b: d, probability: 0.6, priority: 0.8 })
  t.ws.close()
  return { a, b, c, d }
}

const json = <T>(r: { code: number; stdout: string; stderr: string }): T => {
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as T
}

describe('cdp review / explain / profile', () => {
  it('round-trips the queue: list, show, approve, undo, band reject, batch answers, explain, split', () => {
    const { a, b, c, d } = workspaceWithQueue()
    const db = ['--db', t.path]
    const list = json<Array<Record<string, unknown>>>(cdp(['review', 'list', ...db, '--json']))
    expect(list.map((i) => [i.recordA, i.recordB, i.sourceA, i.rowA, i.sourceB, i.rowB])).toEqual([[c, d, 'shop', 2, 'crm', 2], [a, b, 'crm', 1, 'shop', 1]])
    expect(Object.keys(list[0]!)).toEqual(expect.arrayContaining(['id', 'recordA', 'recordB', 'probability', 'weight', 'sourceA', 'rowA', 'sourceB', 'rowB']))
    const [first, second] = list.map((i) => String(i.id))

    const approved = json<{ status: string; profileId: number }>(cdp(['review', 'approve', second!, ...db, '--reason', 'same email', '--json']))
    expect(approved.status).toBe('approved')
    expect(cdp(['review', 'undo', ...db]).stdout).toMatch(/1 record\(s\) moved back/)

    expect(json<{ rejected: number }>(cdp(['review', 'reject-band', ...db, '--min', '0.5', '--max', '0.7', '--actor', 'qa', '--json'])).rejected).toBe(1)
    const why = json<{ together: boolean; decisions: Array<{ actor: string }> }>(cdp(['explain', ...db, String(d), String(c), '--json']))
    expect(why).toMatchObject({ together: false, decisions: [{ actor: 'qa' }] })

    const show = cdp(['review', 'show', first!, ...db])
    expect(show.stdout).toMatch(/Review #\d+ \(rejected\)/)

    const answers = JSON.stringify([{ id: Number(second), decision: 'approve' }, { id: Number(first), decision: 'approve' }])
    const answered = json<{ approved: number; conflicts: Array<{ id: number }> }>(cdp(['review', 'answer', '--file', '-', ...db, '--json'], { input: answers }))
    expect(answered).toMatchObject({ approved: 1, conflicts: [{ id: Number(first) }] }) // the first was already rejected
    const merged = json<{ record: { profileId: number; profileSize: number } }>(cdp(['explain', String(a), ...db, '--json']))
    expect(merged.record.profileSize).toBe(2)
    const split = json<{ newProfiles: number[] }>(cdp(['profile', 'split', String(merged.record.profileId), ...db, '--records', String(b), '--json']))
    expect(split.newProfiles).toHaveLength(1)

    const ws = openWorkspace(t.path, new Passphrase(testPassphrase))
    try {
      expect(loadConstraints(ws.sqlite).cannotLink).toEqual([[c, d], [a, b]])
      const actors = ws.sqlite.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all()
      expect(actors).toContain('qa')
      expect(ws.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(5)
    } finally {
      ws.close()
    }
  })

  it.each([
    [['review', 'approve', 'abc'], 1, /positive whole number/],
    [['review', 'show', '999'], 1, /does not exist/],
  ])('fails clearly for %j', (args, code, message) => {
    workspaceWithQueue()
    const r = cdp([...args, '--db', t.path])
    expect(r.code).toBe(code)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(message)
  })
})
