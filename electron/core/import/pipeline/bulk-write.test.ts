import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { importFile } from '..'
import { parallelRows, parseWorkerReady } from './parallel-rows'

let t: ReturnType<typeof tempWorkspace>
beforeEach(() => { t = tempWorkspace() })
afterEach(() => t.dispose())

const all = (sql: string): unknown[] => t.ws.sqlite.prepare(sql).all()
const write = (name: string, lines: string[]): string => t.tmp.lines(name, lines)
const orders = { kind: 'event', eventType: 'order', columns: { order: 'event_key', email: 'email', name: 'full_name', date: 'occurred_at', total: 'amount' }, currency: 'USD' } as const
const crm = { kind: 'person', system: 'crm', columns: { id: 'source_key', first: 'first_name', email: 'email' } } as const

/** 700 orders by 300 buyers: rows far apart (beyond the writer's buffer) and rows side by side name the same buyer. */
function orderLines(): string[] {
  const lines = ['order,email,name,date,total']
  for (let i = 0; i < 700; i++) lines.push(`#${i},buyer${i % 300}@mail.example,Buyer ${i % 300},2024-01-02,${i}.50`)
  return lines
}

describe('buffered writes', () => {
  it('attaches every order to the one record its buyer got, whether that record was written yet or not', async () => {
    const r = await importFile(t.ws, write('orders.csv', orderLines()), { mapping: orders, parallel: false })
    expect(r).toMatchObject({ rows: 700, eventsImported: 700, recordsFromEvents: 300, rowsQuarantined: 0 })
    expect(all(`SELECT count(DISTINCT e.record_id) AS buyers, count(*) AS orders, sum(r.email = 'buyer' || (CAST(substr(e.source_key, 2) AS INTEGER) % 300)
      || '@mail.example') AS matched FROM events e JOIN records r ON r.id = e.record_id`)).toEqual([{ buyers: 300, orders: 700, matched: 700 }])
    // Every record has its profile and its history row; every raw row its number, in order.
    expect(all(`SELECT count(*) AS n, count(p.id) AS profiles, count(h.id) AS history FROM records r
      LEFT JOIN profiles p ON p.id = r.profile_id LEFT JOIN membership_history h ON h.record_id = r.id AND h.to_profile = r.profile_id`))
      .toEqual([{ n: 300, profiles: 300, history: 300 }])
    expect(all('SELECT min(row_number) AS lo, max(row_number) AS hi, count(*) AS n, max(id) - min(id) + 1 AS span FROM raw_rows'))
      .toEqual([{ lo: 1, hi: 700, n: 700, span: 700 }])
    expect(all('PRAGMA foreign_key_check')).toEqual([])
    // Profile ids are AUTOINCREMENT (never reused): the sequence has caught up with the ids the writer gave.
    expect(all("SELECT seq FROM sqlite_sequence WHERE name = 'profiles'")).toEqual(all('SELECT max(id) AS seq FROM profiles'))
  })

  it('quarantines a repeated source key within the buffer and updates records of an earlier import', async () => {
    const first = ['id,first,email', ...Array.from({ length: 400 }, (_, i) => `${i + 1},P${i},p${i}@mail.example`), '5,Again,again@mail.example']
    const a = await importFile(t.ws, write('a.csv', first), { mapping: crm })
    expect(a).toMatchObject({ recordsImported: 400, rowsQuarantined: 1, quarantineReasons: { 'duplicate-source-key': 1 } })
    const second = ['id,first,email', ...Array.from({ length: 300 }, (_, i) => `${(i + 1) * 2},Q${i},q${i}@mail.example`), '4,Twice,t@mail.example']
    const b = await importFile(t.ws, write('b.csv', second), { mapping: crm, source: 'a' })
    expect(b).toMatchObject({ recordsImported: 100, recordsUpdated: 200, rowsQuarantined: 1 })
    expect(all("SELECT first_name, email FROM records WHERE source_key = '4'")).toEqual([{ first_name: 'Q1', email: 'q1@mail.example' }])
    expect(all("SELECT kind, value FROM identifiers i JOIN records r ON r.id = i.record_id WHERE r.source_key = '4' ORDER BY kind"))
      .toEqual([{ kind: 'email', value: 'q1@mail.example' }, { kind: 'external:crm', value: '4' }])
    expect(all('PRAGMA foreign_key_check')).toEqual([])
  })
})

describe('identifiers of a new record', () => {
  it('lists a mailbox or number a row states twice once, under the first column\'s spelling', async () => {
    const mapping = { kind: 'person', system: 'crm', columns: { id: 'source_key', email: 'email', email2: 'email_secondary', phone: 'phone', mobile: 'phone_secondary' } } as const
    const path = write('twice.csv', ['id,email,email2,phone,mobile', '1,Ann@Mail.example,ann@mail.example,(202) 226-2197,+1 202 226 2197',
      '2,bo@mail.example,bo.b@mail.example,(202) 226-2198,(202) 555-0100'])
    const r = await importFile(t.ws, path, { mapping, parallel: false, defaultCountry: 'US' })
    expect(r).toMatchObject({ recordsImported: 2, rowsQuarantined: 0 })
    expect(all(`SELECT r.source_key AS id, i.kind, i.value, i.raw FROM identifiers i JOIN records r ON r.id = i.record_id
      WHERE i.kind IN ('email', 'phone') ORDER BY r.source_key, i.kind, i.value`)).toEqual([
      { id: '1', kind: 'email', value: 'ann@mail.example', raw: 'Ann@Mail.example' },
      { id: '1', kind: 'phone', value: '+12022262197', raw: '(202) 226-2197' },
      { id: '2', kind: 'email', value: 'bo.b@mail.example', raw: 'bo.b@mail.example' },
      { id: '2', kind: 'email', value: 'bo@mail.example', raw: 'bo@mail.example' },
      { id: '2', kind: 'phone', value: '+12022262198', raw: '(202) 226-2198' },
    ])
  })

  it('stores an email\'s match key only where it tells something: a folded primary, or a secondary\'s other than the primary\'s', async () => {
    const mapping = { kind: 'person', system: 'crm', columns: { id: 'source_key', email: 'email', email2: 'email_secondary' } } as const
    const path = write('keys.csv', ['id,email,email2', '1,ann@mail.example,', '2,B.O.Ray+shop@gmail.com,', '3,cy@mail.example,cy.work@mail.example',
      '4,di.x@gmail.com,dix@googlemail.com', '5,,ed@mail.example'])
    await importFile(t.ws, path, { mapping, parallel: false })
    expect(all(`SELECT r.source_key AS id, i.value FROM identifiers i JOIN records r ON r.id = i.record_id WHERE i.kind = 'email_match'
      ORDER BY r.source_key`)).toEqual([
      // 1: the email is its own key. 2: gmail's dots and the +tag folded.
      { id: '2', value: 'boray@gmail.com' },
      // 3: a secondary mailbox's key, though it is the mailbox itself (records hold the primary alone).
      { id: '3', value: 'cy.work@mail.example' },
      // 4: the primary's folded key; the secondary folds to the same one.
      { id: '4', value: 'dix@gmail.com' },
      // 5: no primary.
      { id: '5', value: 'ed@mail.example' },
    ])
  })
})

describe('deferred indexes', () => {
  const indexes = (): unknown[] => all("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")

  it('builds the indexes of an empty table again before commit; a cancelled import leaves them as they were', async () => {
    const before = indexes()
    const path = write('orders.csv', [...orderLines(), ...orderLines().slice(1).map((l) => l.replace('#', '#b'))])
    const abort = new AbortController()
    const cancelled = importFile(t.ws, path, { mapping: orders, parallel: false, signal: abort.signal,
      onProgress: (p) => { if (p.phase === 'reading') abort.abort() } })
    await expect(cancelled).rejects.toMatchObject({ code: 'Cancelled' })
    expect(indexes()).toEqual(before)
    // The import writes without foreign-key checks; the connection gets them back however it ends.
    expect(t.ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(all('SELECT count(*) AS n FROM events')).toEqual([{ n: 0 }])
    await importFile(t.ws, path, { mapping: orders, parallel: false })
    expect(indexes()).toEqual(before)
    const plan = all("EXPLAIN QUERY PLAN SELECT id FROM events WHERE type = 'order' AND occurred_at > '2024'") as Array<{ detail: string }>
    expect(plan.map((p) => p.detail).join()).toMatch(/events_by_type_time/)
    expect(all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    expect(all('PRAGMA foreign_key_check')).toEqual([])
    expect(t.ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  })
})

describe('parse worker reuse', () => {
  const input = (path: string) => ({ path, mapping: orders, defaultCountry: 'US', dateOrders: {}, batch: 64, window: 2 })

  it('keeps a worker that finished its file for the next one, and replaces one stopped mid-file', async () => {
    const path = write('orders.csv', orderLines())
    const count = async (stopAfter?: number): Promise<number> => {
      const par = parallelRows(input(path))!
      let n = 0
      try {
        for await (const row of par.rows) {
          expect(row[0]).toBe('event')
          if (++n === stopAfter) break
        }
      } finally {
        await par.stop()
      }
      return n
    }
    expect(await count()).toBe(700)
    expect(parseWorkerReady()).toBe(true)
    expect(await count()).toBe(700)
    expect(await count(10)).toBe(10)
    expect(parseWorkerReady()).toBe(false)
    expect(await count()).toBe(700)
    expect(parseWorkerReady()).toBe(true)
  })
})
