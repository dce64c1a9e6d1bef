import { afterEach, describe, expect, it } from 'vitest'
import { seedRecords, type SeedRecord } from '../../../test/helpers/seed'
import { seedSynthetic } from '../../../test/helpers/synthetic-records'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { blockingKeys, blockingShape, candidatePairs, EXTERNAL_ID_KEY, forEachKeyPair, joinHash, keyHash, keyHashAt, storedBlockingShape } from './blocking'
import { KeyEntries, PairBuffer } from './blocking-arrays'
import { keyTable, recordKeyHashes } from './match-keys'
import { prepareRecords } from './prepare'
import { resolve } from './resolve'

let t: ReturnType<typeof tempWorkspace> | null = null
afterEach(() => {
  t?.dispose()
  t = null
})

/** A fresh workspace holding `records`, prepared as a run would. */
function prepared(records: SeedRecord[]): ReturnType<typeof prepareRecords> {
  t = tempWorkspace()
  seedRecords(t.ws, records)
  return prepareRecords(t.ws.sqlite)
}

const pairsOf = (c: { a: Int32Array; b: Int32Array }): string[] => [...c.a].map((a, k) => `${a}-${c.b[k]}`)
const full = (k: number): SeedRecord => ({
  first_name: 'Maria', last_name: 'Kowalczyk', email: `mk${k}@firm${k}.test`, phone: `+1555000${String(k).padStart(4, '0')}`,
  street: `${k + 1} Elm Street`, city: `Town${k}`, postcode: `${10000 + k}`, birth_date: `19${50 + k}-01-02`,
})

describe('candidatePairs', () => {
  it('unions the keys into unique ordered pairs and reports what each key made', () => {
    const p = prepared([
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test', phone: '+15550001111' },
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test' },
      { first_name: 'Bob', last_name: 'Ray', phone: '+15550001111' },
      { first_name: 'Zed', last_name: 'Ozu' },
    ])
    const c = candidatePairs(p)
    expect(pairsOf(c).sort()).toEqual(['0-1', '0-2'])
    expect(c.pairsByKey.email).toBe(1)
    expect(c.pairsByKey.phone).toBe(1)
    expect(c.pairsByKey.first_surname).toBe(1)
    expect(Object.keys(c.pairsByKey)).toEqual([...blockingKeys.map((k) => k.name), 'external_id'])
  })

  it('pairs an address with its folded mailbox form (gmail dots, +tags) through the email key', () => {
    const p = prepared([{ email: 'john.smith92@gmail.com' }, { email: 'johnsmith92@gmail.com' }, { email: 'johnsmith92+shop@gmail.com' }])
    // What import stores beside an address that folds (the other two fold to themselves or are folded here).
    const add = t!.ws.sqlite.prepare("INSERT INTO identifiers (record_id, kind, value, raw) VALUES (?, 'email_match', 'johnsmith92@gmail.com', ?)")
    add.run(p.id[0], 'john.smith92@gmail.com')
    add.run(p.id[2], 'johnsmith92+shop@gmail.com')
    const c = candidatePairs(prepareRecords(t!.ws.sqlite))
    expect(pairsOf(c).sort()).toEqual(['0-1', '0-2', '1-2'])
    expect(c.pairsByKey.email).toBe(3)
  })

  it("blocks a buyer-detail record only on its phone and address, never on the name and mailbox its owner has", () => {
    const p = prepared([
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test' },
      // Kept from Ann's order: her billing phone and address, her name and mailbox again.
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test', phone: '+15550001111', street: '12 Oak Street', postcode: '20001' },
      // Another Ann Lee, who shares nothing else, and a help-desk user with Ann's phone.
      { first_name: 'Ann', last_name: 'Lee', email: 'lee.ann@y.test' },
      { first_name: 'Ann', last_name: 'Lee', phone: '+15550001111' },
    ])
    t!.ws.sqlite.prepare('UPDATE records SET detail_of = ? WHERE id = ?').run(p.id[0], p.id[1])
    const q = prepareRecords(t!.ws.sqlite)
    expect([...q.detailOnly]).toEqual([0, 1, 0, 0])
    const c = candidatePairs(q)
    // The detail record meets the help-desk user through the phone only; the two other Ann Lees meet by name as before.
    expect(pairsOf(c).filter((x) => x.includes('1'))).toEqual(['1-3'])
    expect(pairsOf(c)).toContain('0-2')
    expect(recordKeyHashes(q, 1).length).toBe(blockingKeys.filter((k) => k.details && k.key(q, 1) !== '').length)
    expect(recordKeyHashes(q, 1).length).toBeGreaterThan(2)
  })

  it('blocks a buyer-detail record on a mailbox or name its owner does not have', () => {
    const p = prepared([
      { first_name: 'James', last_name: 'Brikenstock', email: 'james.b@x.test', phone: '+15550001111' },
      // Kept from his orders: one placed from another mailbox, one that spells his surname right.
      { first_name: 'James', last_name: 'Brikenstock', email: 'jb.orders@x.test', phone: '+15550001111' },
      { first_name: 'James', last_name: 'Birkenstock', email: 'james.b@x.test', phone: '+15550001111' },
      // A newsletter signup from that other mailbox, and a help-desk user with the right spelling.
      { first_name: '', last_name: '', email: 'jb.orders@x.test' },
      { first_name: 'James', last_name: 'Birkenstock', email: 'jbirk@y.test' },
    ])
    for (const detail of [1, 2]) t!.ws.sqlite.prepare('UPDATE records SET detail_of = ? WHERE id = ?').run(p.id[0], p.id[detail])
    const q = prepareRecords(t!.ws.sqlite)
    expect([...q.detailOwner]).toEqual([-1, 0, 0, -1, -1])
    const made = pairsOf(candidatePairs(q))
    expect(made).toEqual(expect.arrayContaining(['1-3', '2-4']))
    // Not on what they share with their owner: the phone, the first mailbox, the first spelling.
    expect(made.filter((x) => x === '1-2' || x === '0-1' || x === '0-2')).toEqual([])
  })

  it("meets a newsletter signup's name and state with a buyer-detail record's billing name and state", () => {
    const p = prepared([
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test' },
      // Kept from Ann's order: billed in Texas.
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test', street: '12 Oak Street', postcode: '77001', region: 'US-TX' },
      // A signup with her name and a geolocated state, at another mailbox; and an Ann Lee in Ohio.
      { first_name: 'Ann', last_name: 'Lee', email: 'annlee77@y.test', region: 'US-TX' },
      { first_name: 'Ann', last_name: 'Lee', email: 'al@z.test', region: 'US-OH' },
      // A customer in Texas: the signup's region meets her address, but her address and the billing one meet
      // through address keys or not at all (a state says nothing between two full addresses).
      { first_name: 'Ann', last_name: 'Lee', email: 'a.lee@w.test', street: '4 Elm Street', postcode: '75201', region: 'US-TX' },
    ])
    t!.ws.sqlite.prepare('UPDATE records SET detail_of = ? WHERE id = ?').run(p.id[0], p.id[1])
    const q = prepareRecords(t!.ws.sqlite)
    const made: string[] = []
    forEachKeyPair(q, blockingKeys.findIndex((k) => k.name === 'first_surname_region'), {}, (i, j) => made.push(`${i}-${j}`))
    expect(made).toEqual(['1-2', '2-4'])
  })

  it('hashes every key as keyHash of its joined value, without building it', () => {
    const p = prepared([
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test', phone: '+15550001111', street: '12 Oak Street', postcode: '20001', city: 'Boston', region: 'US-MA', birth_date: '1980-02-03' },
      { first_name: 'Zoë', last_name: "O'Neil", email: 'z@y.test', city: 'Québec' },
      { first_name: '', last_name: 'Solo' },
    ])
    for (const [kx, k] of blockingKeys.entries()) {
      for (let i = 0; i < p.n; i++) {
        const v = k.key(p, i)
        expect(keyHashAt(k, kx, p, i), `${k.name} of record ${i}`).toBe(v === '' ? -1 : keyHash(kx, v))
      }
    }
    expect(joinHash(3, 'ann', 'lee')).toBe(keyHash(3, 'ann|lee'))
    expect(joinHash(3, 'ann', 'lee', 'us-ma')).toBe(keyHash(3, 'ann|lee|us-ma'))
    expect([joinHash(3, '', 'lee'), joinHash(3, 'ann', 'lee', '')]).toEqual([-1, -1])
  })

  it('skips a block over its cap whole and counts it', () => {
    const p = prepared(Array.from({ length: 9 }, (_, k) => ({ first_name: `F${k}x`, last_name: `L${k}y`, email: `same.mailbox.${k}@d${k}.test` }))
      .map((r) => ({ ...r, email: r.email.replace(/\.\d+@/, '@') })))
    // Nine records share the local part "same.mailbox" on nine domains: over email_local's cap of 8.
    const c = candidatePairs(p)
    expect(c.pairsByKey.email_local).toBe(0)
    expect(c.skippedBlocks.email_local).toBe(1)
    expect(c.a.length).toBe(0)
  })

  it('pairs a common full name only through a sparse record once the block is past its dense size', () => {
    // Twelve full records named Maria Kowalczyk with nothing else in common, and one newsletter signup.
    const records = [...Array.from({ length: 12 }, (_, k) => full(k)), { first_name: 'Maria', last_name: 'Kowalczyk', email: 'maria.k@mail.test' }]
    const p = prepared(records)
    const made: number[][] = []
    forEachKeyPair(p, blockingKeys.findIndex((k) => k.name === 'first_surname'), {}, (i, j) => made.push([i, j]))
    expect(made).toEqual(Array.from({ length: 12 }, (_, k) => [k, 12]))
    // Below the dense size every pair of the block is made.
    const few = prepared(records.slice(0, 4))
    expect(candidatePairs(few).pairsByKey.first_surname).toBe(6)
  })

  it('makes only pairs with a new record when told which are new', () => {
    const p = prepared(Array.from({ length: 4 }, () => ({ first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test' })))
    const c = candidatePairs(p, { isNew: Uint8Array.from([0, 0, 0, 1]) })
    expect(pairsOf(c).sort()).toEqual(['0-3', '1-3', '2-3'])
  })
})

describe('the key table blocking hands back', () => {
  it("holds the flagged records' distinct key hashes in key order, and none without flags", () => {
    t = tempWorkspace()
    seedSynthetic(t.ws, 300, 3)
    // External ids: a block of two records, and a record with two of them.
    const ids = t.ws.sqlite.prepare('SELECT id FROM records ORDER BY id LIMIT 2').pluck().all() as number[]
    const add = t.ws.sqlite.prepare('INSERT INTO identifiers (record_id, kind, value) VALUES (?, ?, ?)')
    add.run(ids[0], 'external:shop', '42')
    add.run(ids[1], 'external:shop', '42')
    add.run(ids[1], 'external:crm', 'c-7')
    const p = prepareRecords(t.ws.sqlite)
    const some = Uint8Array.from({ length: p.n }, (_v, i) => (i % 3 === 1 ? 1 : 0))
    const all = new Uint8Array(p.n).fill(1)
    // Against recordKeyHashes (a Map per record, apart from blocking's arrays), and the table made without pairs.
    for (const flags of [some, all]) {
      const keys = candidatePairs(p, { keysOf: flags }).keys
      const rows = Array.from({ length: p.n }, (_v, i) => [...keys.hash.subarray(keys.start[i]!, keys.start[i + 1]!)])
      expect(rows).toEqual(Array.from({ length: p.n }, (_v, i) => (flags[i] ? recordKeyHashes(p, i).map((k) => k.hash) : [])))
      expect(keyTable(p, flags)).toEqual(keys)
    }
    const none = candidatePairs(p).keys
    expect([none.hash.length, none.start.every((s) => s === 0)]).toEqual([0, true])
    expect(candidatePairs(p).pairsByKey.external_id).toBe(1)
    expect(forEachKeyPair(p, EXTERNAL_ID_KEY, {}, () => {})).toEqual({ made: 1, skipped: 0 })
  })

  it('skips the blocks the incremental run knows are over their cap, by hash', () => {
    const p = prepared(Array.from({ length: 3 }, () => ({ first_name: 'Ann', last_name: 'Lee', email: 'ann@x.test' })))
    const email = keyHash(blockingKeys.findIndex((k) => k.name === 'email'), 'ann@x.test')
    const c = candidatePairs(p, { oversized: (h) => h === email })
    expect([c.pairsByKey.email, c.skippedBlocks.email, c.pairsByKey.first_surname]).toEqual([0, 1, 3])
  })
})

describe('KeyEntries', () => {
  it('groups equal 53-bit hashes only, records in order, also where low halves collide', () => {
    const high = 2 ** 32
    // Hashes 7 + k·2^32 share their low half; 9 is alone; 5 + 2^32 twice.
    const hashes = [7 + 3 * high, 9, 7 + high, 5 + high, 7 + 3 * high, 7 + high, 5 + high, 7 + 3 * high, 7 + 2 * high]
    const entries = new KeyEntries(2)
    hashes.forEach((h, i) => entries.push(h, i))
    const blocks: Array<[number, number[]]> = []
    entries.forEachBlock((from, to, hash) => blocks.push([hash, [...entries.rec.subarray(from, to)]]))
    expect(blocks.sort((x, y) => x[0] - y[0])).toEqual([[5 + high, [3, 6]], [7 + high, [2, 5]], [7 + 3 * high, [0, 4, 7]]])
  })
})

describe('PairBuffer', () => {
  it('gives each pair once, ordered by first then second record, past its first capacity', () => {
    const n = 3000
    const buf = new PairBuffer(n)
    const want = new Set<number>()
    // Record 0 pairs with everyone (a bucket sorted natively), the others with a few (insertion sorted); every
    // pair pushed three times, 70k pushes in all.
    for (let round = 0; round < 3; round++) {
      for (let k = 0; k < 22_000; k++) {
        const a = k < 1000 ? 0 : (k * 7919) % (n - 1)
        const b = a + 1 + ((k * 104_729) % (n - 1 - a))
        buf.push(a, b)
        want.add(a * n + b)
      }
    }
    const { a, b } = buf.unique()
    const got = [...a].map((x, k) => x * n + b[k]!)
    expect(got).toEqual([...want].sort((x, y) => x - y))
  })
})

describe('blocking shape', () => {
  it('names every key with its caps and reads back what a run stored', () => {
    for (const k of blockingKeys) expect(blockingShape).toContain(`${k.name}:`)
    expect(storedBlockingShape(JSON.stringify({ lambda: 0.1, blocking: blockingShape }))).toBe(blockingShape)
    expect(storedBlockingShape(JSON.stringify({ lambda: 0.1 }))).toBeNull()
    expect(storedBlockingShape('not json')).toBeNull()
    expect(storedBlockingShape(undefined)).toBeNull()
  })

  it('makes the next run a full one when the latest run blocked with other keys', async () => {
    t = tempWorkspace()
    const db = t.ws.sqlite
    seedSynthetic(t.ws, 400, 3)
    await resolve(t.ws, { full: true })
    seedSynthetic(t.ws, 40, 4, 0)
    const latestFull = (): number => db.prepare('SELECT full FROM match_runs ORDER BY id DESC LIMIT 1').pluck().get() as number
    // The same shape: incremental, loading only what the new records can touch.
    const same = await resolve(t.ws)
    expect(latestFull()).toBe(0)
    expect(same.loadedRecords).toBeLessThan(440)
    // A run stored by an older blocking (other keys at the same positions): everything is rescored.
    db.prepare("UPDATE match_runs SET model = json_set(model, '$.blocking', 'email:;phone:;external_id') WHERE id = (SELECT max(id) FROM match_runs)").run()
    seedSynthetic(t.ws, 20, 5, 0)
    const changed = await resolve(t.ws)
    expect(latestFull()).toBe(1)
    expect(changed.loadedRecords).toBe(460)
    expect(changed.newRecords).toBe(460)
    // …and stores the current shape, so the run after it is incremental again.
    expect(storedBlockingShape(db.prepare('SELECT model FROM match_runs ORDER BY id DESC LIMIT 1').pluck().get() as string)).toBe(blockingShape)
  })
})
