import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir, type TempDir } from '../../helpers/temp-workspace'
import { generate, type GenerateResult } from './generate'
import { headerLines, sourceFiles } from './headers'
import { junkEmails } from './noise'

const readme = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'README.md')
const people = 400

function parse(path: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('multi-source generator', () => {
  let tmp: TempDir
  let first: GenerateResult
  let again: GenerateResult
  let other: GenerateResult

  beforeAll(() => {
    tmp = tempDir('tessera-gen-')
    first = generate({ people, seed: 42, out: tmp.file('a') })
    again = generate({ people, seed: 42, out: tmp.file('b') })
    other = generate({ people, seed: 43, out: tmp.file('c') })
  })
  afterAll(() => tmp.remove())

  it('gives byte-identical files for a seed, and different ones for another seed', () => {
    for (const f of [...sourceFiles.map((s) => `${s}.csv`), 'truth.csv']) {
      const a = readFileSync(join(tmp.file('a'), f))
      expect(a.equals(readFileSync(join(tmp.file('b'), f))), f).toBe(true)
      expect(a.equals(readFileSync(join(tmp.file('c'), f))), f).toBe(false)
    }
    expect(again.rows).toBe(first.rows)
    expect(other.people).toBe(people)
  })

  it('writes the real header line of each product, verbatim where one is on record', () => {
    for (const f of sourceFiles) {
      const text = readFileSync(first.files[f].path, 'utf8')
      expect(text.slice(0, text.indexOf('\n'))).toBe(headerLines[f])
    }
    if (!existsSync(readme)) throw new Error(`reference README missing at ${readme}`)
    const doc = readFileSync(readme, 'utf8')
    for (const f of ['shopify_customers', 'shopify_orders'] as const) expect(doc).toContain(`\n${headerLines[f]}\n`)
    // Mailchimp: the recorded 2013 header, with the TAGS column newer exports append.
    expect(headerLines.mailchimp_audience.endsWith(',TAGS')).toBe(true)
    expect(doc).toContain(`\n${headerLines.mailchimp_audience.slice(0, -',TAGS'.length)}\n`)
  })

  it('accounts for every data row of every file exactly once in truth.csv', () => {
    const truth = parse(first.truth)
    expect(truth[0]).toEqual(['file', 'row', 'person_id'])
    const seen = new Map<string, string>()
    for (const [file, row, person] of truth.slice(1)) seen.set(`${file}#${row}`, person ?? '')
    expect(seen.size).toBe(truth.length - 1)
    let total = 0
    for (const f of sourceFiles) {
      const rows = parse(first.files[f].path)
      const width = rows[0]?.length
      expect(rows.slice(1).every((r) => r.length === width), `${f} column count`).toBe(true)
      expect(rows.length - 1).toBe(first.files[f].rows)
      for (let r = 1; r < rows.length; r++) expect(seen.has(`${f}#${r}`), `${f} row ${r}`).toBe(true)
      total += rows.length - 1
    }
    expect(total).toBe(truth.length - 1)
    expect(new Set(seen.values()).size).toBe(people)
    expect(first.rows / people).toBeGreaterThan(3.5)
  })

  it('contains the noise the resolver must cope with', () => {
    const text = sourceFiles.map((f) => readFileSync(first.files[f].path, 'utf8')).join('\n')
    expect(text).toMatch(/'\+1\d{10}/) // Shopify apostrophe-prefixed phone
    expect(text).toMatch(/\(\d{3}\) \d{3}-\d{4}/) // national phone format
    expect(text).toMatch(/[a-z]+\+(shop|orders|promo|news|store)@gmail\.com/) // +tag variant
    expect(text).toMatch(/\b(\d{2})\/(\d{2})\/(19|20)\d{2}\b/) // US-ordered birth dates
    // A shared family inbox: one email, two people (also in other sources than the one noted here).
    const truth = parse(first.truth).slice(1)
    const personOf = new Map(truth.map(([f, r, p]) => [`${f}#${r}`, p]))
    const emailPeople = new Map<string, Set<string>>()
    for (const f of sourceFiles) {
      const rows = parse(first.files[f].path)
      const col = (rows[0] ?? []).findIndex((h) => /^(email|email address)$/i.test(h))
      rows.slice(1).forEach((r, i) => {
        const email = (r[col] ?? '').toLowerCase()
        if (!email.includes('@') || (junkEmails as readonly string[]).includes(email)) return
        const set = emailPeople.get(email) ?? new Set<string>()
        set.add(personOf.get(`${f}#${i + 1}`) ?? '')
        emailPeople.set(email, set)
      })
    }
    expect([...emailPeople.values()].some((s) => s.size > 1)).toBe(true)
  })
})
