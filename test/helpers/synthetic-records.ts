/**
 * Crude synthetic person records written straight into a workspace (no import): five sources, about 2.6
 * records per person, typos, missing fields. For tests that need many records fast; the resolution
 * benchmark uses the realistic generator instead (test/bench/resolve-workspace.ts).
 */
import type { Workspace } from '../../electron/core/db'
import { rng } from '../../electron/core/identity/train'

const FIRST = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth', 'david', 'barbara',
  'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'charles', 'karen', 'daniel', 'nancy', 'matthew', 'lisa', 'anthony', 'betty',
  'mark', 'margaret', 'donald', 'sandra', 'steven', 'ashley', 'paul', 'kimberly', 'andrew', 'emily', 'joshua', 'donna', 'kenneth', 'michelle']
const SYLLABLES = ['son', 'ton', 'ley', 'man', 'ford', 'well', 'wood', 'field', 'er', 'ham', 'ber', 'ker', 'lin', 'ros', 'dal', 'mor', 'gan', 'vin']
const SOURCES = ['crm', 'shop', 'orders', 'newsletter', 'support']
const STREETS = ['main st', 'oak ave', 'pine rd', 'maple dr', 'cedar ln', 'elm st', 'park ave', 'hill rd', 'lake dr', 'river rd']

interface Person { first: string; last: string; dob: string; email: string; phone: string; street: string; postcode: string }

function makePerson(rand: () => number, k: number): Person {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const last = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`
  const first = pick(FIRST)
  const y = 1940 + Math.floor(rand() * 65)
  const dob = `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
  return {
    first, last, dob, email: `${first}.${last}${k % 1000}@mail${k % 50}.test`, phone: `+1555${String(k).padStart(7, '0')}`,
    street: `${1 + Math.floor(rand() * 999)} ${pick(STREETS)}`, postcode: String(10000 + Math.floor(rand() * 89999)),
  }
}

const typo = (s: string, rand: () => number): string => {
  if (s.length < 4 || rand() > 0.1) return s
  const i = 1 + Math.floor(rand() * (s.length - 2))
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
}

/** Writes `count` records (about 2.6 per person, person ids continuing from `firstPerson`) in one transaction. */
export function seedSynthetic(ws: Workspace, count: number, seed = 7, firstPerson = 0): void {
  const db = ws.sqlite
  const rand = rng(seed)
  const now = new Date().toISOString()
  const sourceIds = SOURCES.map((name) => {
    const existing = db.prepare('SELECT id FROM sources WHERE name = ?').pluck().get(name) as number | undefined
    return existing ?? Number(db.prepare("INSERT INTO sources (name, kind, system, created_at) VALUES (?, 'person', ?, ?)").run(name, name, now).lastInsertRowid)
  })
  const importIds = sourceIds.map((id) => Number(db.prepare(`INSERT INTO imports (source_id, file_name, file_size, file_sha256, mapping, status, started_at)
    VALUES (?, 'bench', 0, ?, '{}', 'done', ?)`).run(id, `bench-${seed}-${id}-${firstPerson}`, now).lastInsertRowid))
  const raw = db.prepare("INSERT INTO raw_rows (import_id, source_id, row_number, data, outcome) VALUES (?, ?, ?, '[]', 'record')")
  const profile = db.prepare('INSERT INTO profiles (created_at, updated_at) VALUES (?, ?)')
  const record = db.prepare(`INSERT INTO records (source_id, raw_row_id, profile_id, first_name, last_name, email, phone, street, postcode, birth_date,
    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const ident = db.prepare('INSERT INTO identifiers (record_id, kind, value) VALUES (?, ?, ?)')
  const people = Math.max(1, Math.round(count / 2.6))
  db.transaction(() => {
    for (let r = 0; r < count; r++) {
      const k = firstPerson + Math.floor(rand() * people)
      const p = makePerson(rng(k + 1), k)
      const s = Math.floor(rand() * SOURCES.length)
      const rawId = raw.run(importIds[s], sourceIds[s], r + 1).lastInsertRowid
      const profileId = profile.run(now, now).lastInsertRowid
      const email = rand() < 0.7 ? p.email : null
      const phone = rand() < 0.5 ? p.phone : null
      const id = record.run(sourceIds[s], rawId, profileId, typo(p.first, rand), typo(p.last, rand), email, phone,
        rand() < 0.6 ? p.street : null, rand() < 0.6 ? p.postcode : null, rand() < 0.4 ? p.dob : null, now, now).lastInsertRowid
      if (email) ident.run(id, 'email', email)
      if (phone) ident.run(id, 'phone', phone)
    }
  })()
}
