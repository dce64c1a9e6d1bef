import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Passphrase, type Workspace } from '../../electron/core/db'
import { refreshDirtyProfiles } from '../../electron/core/profiles'
import { eventCountSplits } from '../../electron/core/profiles/planner-stats'
import { countSegment, countSegmentParallel, createSegment, SegmentCounter } from '../../electron/core/segments'
import { Session } from '../../electron/core/session'
import { seedEvents, seedRecords } from '../helpers/seed'
import { tempDir, tempWorkspace, testKdf, testPassphrase } from '../helpers/temp-workspace'

// A count split across two threads must equal the one-thread count for every rule shape, on a real
// encrypted workspace read by a real worker thread with its own connection.
let t: ReturnType<typeof tempWorkspace>
let ws: Workspace
let key: Buffer
const now = new Date('2026-06-01T00:00:00Z')

beforeAll(() => {
  t = tempWorkspace()
  ws = t.ws
  key = new Passphrase(testPassphrase).keyFor(t.path)
  const cities = ['Paris', 'Lyon', 'London', 'Leeds']
  const ids = seedRecords(ws, Array.from({ length: 60 }, (_, i) => ({
    source: i % 3 === 0 ? 'Shopify' : 'HubSpot', first_name: `P${i}`, last_name: 'Test', email: `p${i}@shop.test`,
    city: cities[i % 4]!, country: i % 4 < 2 ? 'FR' : 'GB',
  })))
  // Early profiles order most (as long-standing customers do), so an even split of ids is an uneven split of work.
  const events = ids.flatMap((recordId, i) => Array.from({ length: Math.max(0, 6 - Math.floor(i / 10)) }, (_, k) => ({
    recordId, type: 'order', occurred_at: `202${5 + (k % 2)}-0${1 + ((i + k) % 9)}-15T10:00:00Z`, amount_minor: 1000 * (k + 1), currency: 'EUR',
    properties: { status: (i + k) % 5 === 0 ? 'refunded' : 'paid' },
  })))
  seedEvents(ws, events)
  const consent = ws.sqlite.prepare("INSERT INTO consents (record_id, channel, value, observed_at) VALUES (?, 'email', ?, '2026-01-01')")
  ids.forEach((id, i) => consent.run(id, i % 3 === 0 ? 'denied' : 'granted'))
  refreshDirtyProfiles(ws)
})
afterAll(() => t.dispose())

const twice = { kind: 'event', did: true, type: 'order', atLeast: 2, window: { last: 365, unit: 'days' }, where: [{ property: 'status', op: 'equals', value: 'paid' }] }
const all = (...children: unknown[]): unknown => ({ kind: 'group', op: 'all', children })

describe('parallel segment counts', () => {
  it('split profiles where half of each event type\'s events lie, measured on refresh', () => {
    const splits = eventCountSplits(ws)
    const median = ws.sqlite.prepare(`SELECT profile_id FROM profile_events WHERE type = 'order' ORDER BY profile_id
      LIMIT 1 OFFSET (SELECT count(*) / 2 FROM profile_events WHERE type = 'order')`).pluck().get()
    expect(splits).toEqual({ order: median })
  })

  it('equal the one-thread count for every rule that walks events per profile, with the worker counting half', async () => {
    createSegment(ws, 'Repeat buyers', all(twice, { kind: 'consent', channel: 'email', value: 'granted' }))
    const rules: [string, unknown][] = [
      ['at least twice', all(twice)],
      ['at least twice + consent', all(twice, { kind: 'consent', channel: 'email', value: 'granted' })],
      ['did not, at least three times', all({ ...twice, did: false, atLeast: 3 })],
      ['any of an event count or a city', { kind: 'group', op: 'any', children: [twice, { kind: 'attribute', attribute: 'city', test: { op: 'equals', value: 'Leeds' } }] }],
      ['none of them', { kind: 'group', op: 'none', children: [twice] }],
      ['segment of a segment', all({ kind: 'segment', segment: 'Repeat buyers', member: true }, { kind: 'attribute', attribute: 'country', test: { op: 'equals', value: 'FR' } })],
      ['between dates', all({ ...twice, window: { from: '2025-01-01', to: '2025-12-31' } })],
    ]
    const counter = new SegmentCounter(t.path, key)
    const seen: number[] = []
    try {
      for (const [name, rule] of rules) {
        const serial = countSegment(ws, rule, now)
        expect({ name, n: await countSegmentParallel(ws, counter, rule, now, 1) }).toEqual({ name, n: serial })
        seen.push(serial)
      }
      // The rules select different, non-trivial parts of the 60 profiles.
      expect(new Set(seen).size).toBeGreaterThanOrEqual(5)
      expect(seen.every((n) => n > 0 && n < 60)).toBe(true)
      expect(counter.answered).toBe(rules.length)
      // A rule without a per-profile event count stays on this thread.
      const city = all({ kind: 'attribute', attribute: 'city', test: { op: 'equals', value: 'Paris' } })
      expect(await countSegmentParallel(ws, counter, city, now, 1)).toBe(countSegment(ws, city, now))
      expect(counter.answered).toBe(rules.length)
      // A small workspace is counted on one thread.
      expect(await countSegmentParallel(ws, counter, all(twice), now)).toBe(countSegment(ws, all(twice), now))
      expect(counter.answered).toBe(rules.length)
    } finally {
      await counter.close()
    }
    expect(counter.usable).toBe(false)
  })

  it('count on this thread alone when the worker cannot open the workspace, and still give the right answer', async () => {
    const counter = new SegmentCounter(t.path, Buffer.alloc(32, 7))
    try {
      const rule = all(twice)
      expect(await countSegmentParallel(ws, counter, rule, now, 1)).toBe(countSegment(ws, rule, now))
      expect(counter.answered).toBe(0)
    } finally {
      await counter.close()
    }
  })

  it('let a script finish what follows closing the counter (its worker never holds the process open, nor lets it end early)', () => {
    // In-process tests cannot see this: vitest keeps the event loop alive. A child process ends as soon as nothing
    // refers to its loop, which once cut a bench off silently before its last line and exit code.
    const core = join(__dirname, '..', '..', 'electron', 'core')
    const script = t.tmp.file('close.ts')
    writeFileSync(script, `
      import { openWorkspace, RawKey } from ${JSON.stringify(join(core, 'db'))}
      import { countSegmentParallel, SegmentCounter } from ${JSON.stringify(join(core, 'segments'))}
      const key = Buffer.from(process.env.KEY_HEX ?? '', 'hex')
      const ws = openWorkspace(${JSON.stringify(t.path)}, new RawKey(key))
      const counter = new SegmentCounter(ws.path, key)
      void (async () => {
        const n = await countSegmentParallel(ws, counter, ${JSON.stringify(all(twice))}, new Date(${JSON.stringify(now.toISOString())}), 1)
        await counter.close()
        ws.close()
        console.log(JSON.stringify({ n, answered: counter.answered }))
      })()
    `)
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, KEY_HEX: key.toString('hex') } })
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout) as unknown).toEqual({ n: countSegment(ws, all(twice), now), answered: 1 })
    expect(r.status).toBe(0)
  })

  it('reject an invalid rule with its path before any thread counts', async () => {
    const counter = new SegmentCounter(t.path, key)
    try {
      await expect(countSegmentParallel(ws, counter, all({ kind: 'attribute', attribute: 'email', test: { op: 'gt', value: 1 } }), now, 1))
        .rejects.toThrow(/children\[0\]\.test\.op/)
    } finally {
      await counter.close()
    }
  })
})

describe('the session\'s segment counter', () => {
  it('holds the key only while the workspace is open: a rekey replaces it, locking stops it', async () => {
    const tmp = tempDir()
    const session = new Session({ emit: () => undefined, kdf: testKdf })
    try {
      await session.create(tmp.file('w.tdb'), testPassphrase, false)
      const sws = session.workspace()
      const ids = seedRecords(sws, [{ source: 'Shop', first_name: 'A', email: 'a@shop.test' }, { source: 'Shop', first_name: 'B', email: 'b@shop.test' }])
      seedEvents(sws, ids.flatMap((recordId) => [1, 2].map((d) => ({ recordId, type: 'order', occurred_at: `2026-05-0${d}T00:00:00Z`, properties: { status: 'paid' } }))))
      refreshDirtyProfiles(sws)
      const rule = all(twice)
      const first = session.segmentCounter()!
      expect(await countSegmentParallel(sws, first, rule, now, 1)).toBe(2)
      expect(first.answered).toBe(1)
      await session.changePassphrase(testPassphrase, 'another passphrase entirely')
      expect(first.usable).toBe(false)
      const second = session.segmentCounter()!
      expect(second).not.toBe(first)
      expect(await countSegmentParallel(sws, second, rule, now, 1)).toBe(2)
      expect(second.answered).toBe(1)
      await session.lock('menu')
      expect(second.usable).toBe(false)
      expect(session.segmentCounter()).toBeUndefined()
    } finally {
      await session.close()
      tmp.remove()
    }
  })
})
