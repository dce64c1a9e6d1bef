import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWorkspace, openWorkspace, Passphrase } from '../../electron/core/db'
import { importFile, type ImportReport } from '../../electron/core/import'
import { readMappingFile } from '../../electron/cli/commands/import'
import { cdp } from '../helpers/cli'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

const repo = join(__dirname, '..', '..')
const data = join(repo, '..', 'shared', 'data')
const preset = (f: string): string => join(repo, 'test', 'fixtures', 'presets', f)

let tmp: TempDir
let db: string
beforeEach(() => {
  tmp = tempDir()
  db = tmp.file('w.tdb')
  createWorkspace(db, testPassphrase, { kdf: testKdf }).close()
})
afterEach(() => tmp.remove())

const importJson = (args: string[]): ImportReport[] => {
  const r = cdp(['import', '--db', db, '--json', ...args])
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as ImportReport[]
}
const links = (): string[][] => {
  const r = cdp(['links', '--db', db])
  expect(r.code, r.stderr).toBe(0)
  return r.stdout.trim().split('\n').map((l) => l.split(','))
}
const needData = (path: string): string => {
  if (!existsSync(path)) throw new Error(`reference data missing: ${path} (see /work/shared/data/README.md)`)
  return path
}

const febrlMapping = {
  kind: 'person', dateOrders: { date_of_birth: 'YMD' }, columns: {
    rec_id: 'source_key', given_name: 'first_name', surname: 'last_name', street_number: 'street', address_1: 'street', address_2: 'street2',
    suburb: 'city', postcode: 'postcode', state: 'region', date_of_birth: 'birth_date', soc_sec_id: 'attribute:soc_sec_id', phone_number: 'phone',
  },
}

// Each CLI call starts a process (seconds on a loaded machine): the calls are few and each checks a lot.
describe('cdp import / cdp links', () => {
  it('imports preset files and FEBRL files with a --mapping file, prints decisions, and links every imported row', async () => {
    const reports = importJson([preset('shopify-customers-v1.csv'), preset('shopify-orders.csv')])
    expect(reports.map((r) => r.source)).toEqual(['shopify-customers-v1', 'shopify-orders'])
    // One order names a buyer no customer record holds: a record is made for them; no order adds a phone or
    // address its customer lacked.
    expect(reports[1]).toMatchObject({ recordsFromEvents: 1, recordsFromBuyerDetails: 0 })
    const human = cdp(['import', '--db', db, preset('hubspot-contacts.csv'), preset('hubspot-contacts.csv')])
    expect(human.code, human.stderr).toBe(0)
    expect(human.stdout).toMatch(/preset HubSpot contacts \(hubspot-contacts/)
    expect(human.stdout).toMatch(/csv, utf-8, delimiter ","/)
    expect(human.stdout).toMatch(/rows 2: records 2 \(new 2, updated 0\), events 0, quarantined 0/)
    expect(human.stdout).toMatch(/already imported \(import #\d+\)/)

    const mapFile = tmp.file('febrl.json')
    writeFileSync(mapFile, JSON.stringify(febrlMapping))
    const [febrl, dsgen] = importJson(['--mapping', mapFile, '--default-country', 'AU',
      needData(join(data, 'febrl', 'dataset1.csv')), needData(join(data, 'febrl-dsgen', 'dataset_A_1000.csv'))])
    expect(febrl).toMatchObject({ source: 'dataset1', rows: 1000, recordsImported: 1000, rowsQuarantined: 0 })
    expect(dsgen).toMatchObject({ source: 'dataset_A_1000', rows: 1000, rowsQuarantined: 0 })

    const lines = links()
    expect(lines[0]).toEqual(['source', 'row', 'profile_id'])
    const imported = [...reports, febrl!, dsgen!].reduce((n, r) => n + r.recordsImported + r.recordsUpdated + r.eventsImported, 0) + 2
    expect(lines.slice(1)).toHaveLength(imported)
    expect(lines.slice(1, 8).map((l) => `${l[0]}:${l[1]}`)).toEqual([
      'shopify-customers-v1:1', 'shopify-customers-v1:2', 'shopify-customers-v1:3',
      'shopify-orders:1', 'shopify-orders:2', 'shopify-orders:3', 'shopify-orders:4',
    ])
    // The first order's lines belong to Ada (row 1 of the customers file), by her phone number.
    expect(lines[4]![2]).toBe(lines[1]![2])
    expect(lines.filter((x) => x[0] === 'dataset1').map((x) => Number(x[1]))).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
    const out = tmp.file('links.csv')
    expect(cdp(['links', '--db', db, '--out', out]).code).toBe(0)
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual(lines.map((l) => l.join(',')))

    const ws = openWorkspace(db, new Passphrase(testPassphrase))
    try {
      const r = ws.sqlite.prepare("SELECT first_name, last_name, street, city, postcode, region, birth_date FROM records WHERE source_key = 'rec-122-org'").get()
      // Values are normalised for matching, not restyled: the street and town stay as the source wrote them.
      expect(r).toEqual({ first_name: 'Lachlan', last_name: 'Berry', street: '69 giblin street', city: 'bittern', postcode: '4814', region: 'AU-QLD', birth_date: '1999-02-19' })
      const phones = ws.sqlite.prepare("SELECT count(*) FROM records r JOIN sources s ON s.id = r.source_id WHERE s.name = 'dataset_A_1000' AND phone LIKE '+61%'").pluck().get() as number
      // FEBRL phone numbers are random digits: about one in five is not a valid Australian number and is rejected.
      expect(phones).toBeGreaterThan(700)
      // Splink's fake_1000 through the same API the CLI uses.
      const splink = await importFile(ws, needData(join(data, 'splink', 'fake_1000.csv')), { mapping: {
        kind: 'person', columns: { unique_id: 'source_key', first_name: 'first_name', surname: 'last_name', dob: 'birth_date', city: 'city', email: 'email', cluster: 'ignore' } } })
      expect(splink).toMatchObject({ rows: 1000, recordsImported: 1000, rowsQuarantined: 0 })
    } finally {
      ws.close()
    }
  })

  it('says how many person records event rows made: new buyers and buyers\' new details', () => {
    const orders = tmp.file('orders.csv')
    // Shopify's orders header (first columns); Ada's order names a phone her customer record lacks.
    writeFileSync(orders, ['Name,Email,Financial Status,Billing Name,Billing Address1,Billing Zip,Billing Phone,Total,Created at',
      '#1001,ada.lovelace@gmail.com,paid,Ada Lovelace,12 Oak Street,20001,+1 202 555 0101,10.00,2024-01-02 10:00:00 +0000',
      '#1002,grace.hopper@gmail.com,paid,Grace Hopper,,,,5.00,2024-01-03 10:00:00 +0000'].join('\n'))
    const people = tmp.file('people.csv')
    writeFileSync(people, 'Email,First Name,Last Name\nada.lovelace@gmail.com,Ada,Lovelace\n')
    expect(cdp(['import', '--db', db, people]).code).toBe(0)
    const human = cdp(['import', '--db', db, '--preset', 'shopify-orders', orders])
    expect(human.code, human.stderr).toBe(0)
    expect(human.stdout).toMatch(/person records from event rows: 1 new buyers, 1 buyers' new phones, addresses, mailboxes or names/)
  })

  it('rejects a bad mapping file or an unknown preset with one clear line, writing nothing', () => {
    const bad = tmp.file('bad.json')
    writeFileSync(bad, '{"kind":"person","columns":{"Email":"e-mail"}}')
    const r = cdp(['import', '--db', db, '--mapping', bad, preset('hubspot-contacts.csv')])
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/mapping file .*bad\.json at columns\.Email/)
    const p = cdp(['import', '--db', db, '--preset', 'nope', preset('hubspot-contacts.csv')])
    expect(p.stderr).toMatch(/Unknown preset "nope".*shopify-customers/)
    writeFileSync(bad, '{not json')
    expect(() => readMappingFile(bad)).toThrow(/not valid JSON/)
    expect(() => readMappingFile(tmp.file('missing.json'))).toThrow(/does not exist/)
    const ws = openWorkspace(db, new Passphrase(testPassphrase))
    expect(ws.sqlite.prepare('SELECT count(*) FROM raw_rows').pluck().get()).toBe(0)
    ws.close()
  })
})

describe('crash atomicity', () => {
  it('leaves nothing of an import whose process is killed (SIGKILL) in the middle of it', async () => {
    const file = tmp.file('big.csv')
    const lines = ['Record ID,First Name,Last Name,Email,Phone Number,Lifecycle Stage']
    for (let i = 0; i < 30_000; i++) lines.push(`${i + 1},First${i},Last${i},person${i}@mail.example,+1415555${String(i % 10000).padStart(4, '0')},lead`)
    writeFileSync(file, `${lines.join('\n')}\n`)
    // A child that imports and reports its progress: killed once it is well inside the transaction.
    const script = `require('tsx/cjs/api').register()
      const { openWorkspace, Passphrase } = require(${JSON.stringify(join(repo, 'electron', 'core', 'db'))})
      const { importFile } = require(${JSON.stringify(join(repo, 'electron', 'core', 'import'))})
      const ws = openWorkspace(${JSON.stringify(db)}, new Passphrase(${JSON.stringify(testPassphrase)}))
      importFile(ws, ${JSON.stringify(file)}, { onProgress: (p) => process.stdout.write(p.phase + ' ' + p.rows + '\\n') })
        .then(() => process.stdout.write('finished\\n'))`
    const child = spawn(process.execPath, ['-e', script], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    let seen = ''
    const killedAt = await new Promise<number>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        const rows = [...seen.matchAll(/reading (\d+)/g)].map((m) => Number(m[1]))
        const at = rows.at(-1) ?? 0
        if (at >= 5000 && !seen.includes('committing') && child.exitCode === null) {
          child.kill('SIGKILL')
          resolve(at)
        }
      })
      void exited.then(() => resolve(-1))
    })
    await exited
    expect(killedAt, `child output: ${seen.slice(-300)}`).toBeGreaterThanOrEqual(5000)
    const ws = openWorkspace(db, new Passphrase(testPassphrase))
    try {
      const q = (sql: string): unknown => ws.sqlite.prepare(sql).pluck().get()
      for (const table of ['raw_rows', 'records', 'identifiers', 'profiles', 'imports', 'sources']) expect(q(`SELECT count(*) FROM ${table}`), table).toBe(0)
    } finally {
      ws.close()
    }
  })
})
