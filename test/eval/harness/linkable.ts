/**
 * An upper bound for a data set with messy truth: how many true pairs are connected at all through exact
 * shared evidence (same mailbox, same phone, same first+last name and postcode, same order, an external id
 * naming another source's key). Pairs outside it share nothing exact, so only fuzzy evidence (or nothing)
 * can join them; the bound tells whether a recall target is reachable on the data, not how the engine does.
 */
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { FieldTarget } from '../../../shared/domain/fields'
import { junkEmails, stripAccents } from '../generator/noise'
import type { ImportStep } from './datasets'
import { sourceName } from './truth'

export interface LinkableBound {
  truePairs: number
  linkablePairs: number
  /** Best recall an engine that merges only through exact evidence could reach (its precision being 1). */
  recallBound: number
  f1Bound: number
}

class UnionFind {
  private readonly parent: number[] = []
  add(): number {
    this.parent.push(this.parent.length)
    return this.parent.length - 1
  }
  find(x: number): number {
    let r = x
    while (this.parent[r] !== r) r = this.parent[r] as number
    while (this.parent[x] !== r) {
      const next = this.parent[x] as number
      this.parent[x] = r
      x = next
    }
    return r
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b)
  }
}

const junk = new Set<string>(junkEmails)
const clean = (v: string | undefined): string => (v ?? '').trim().replace(/^'/, '')
const fold = (v: string): string => stripAccents(v).toLowerCase().replace(/[^a-z]/g, '')

export function mailbox(raw: string): string | null {
  const e = raw.trim().toLowerCase()
  const at = e.indexOf('@')
  if (at < 1 || junk.has(e)) return null
  const domain = e.slice(at + 1)
  const local = e.slice(0, at).replace(/\+.*$/, '')
  return domain === 'gmail.com' || domain === 'googlemail.com' ? `${local.replace(/\./g, '')}@gmail.com` : `${local}@${domain}`
}

export function phoneKey(raw: string): string | null {
  const d = raw.replace(/\D/g, '').slice(-10)
  return d.length === 10 && !/^(\d)\1+$/.test(d) && d !== '1234567890' ? d : null
}

/** Exact evidence keys of one row, from the columns its mapping gives each target. */
function rowKeys(get: (t: FieldTarget) => string, system: string | undefined, source: string): string[] {
  const keys: string[] = []
  for (const t of ['email', 'email_secondary'] as const) {
    const m = mailbox(get(t))
    if (m) keys.push(`e:${m}`)
  }
  for (const t of ['phone', 'phone_secondary'] as const) {
    const p = phoneKey(get(t))
    if (p) keys.push(`p:${p}`)
  }
  const full = get('full_name').split(/\s+/)
  const first = fold(get('first_name') || (full[0] ?? ''))
  const last = fold(get('last_name') || (full.length > 1 ? (full.at(-1) ?? '') : ''))
  const postcode = get('postcode')
  if (first && last && postcode) keys.push(`n:${first}|${last}|${postcode}`)
  const order = get('event_key')
  if (order) keys.push(`o:${source}:${order}`)
  const key = get('source_key')
  if (key && system) keys.push(`id:${key}`)
  const ext = get('external_id')
  if (ext) keys.push(`id:${ext}`)
  return keys
}

interface MappingLike {
  system?: string
  columns: Record<string, FieldTarget>
}

/** Computes the bound for `imports` (files + mapping JSON) against truth rows keyed `source#row` → person. */
export function linkableBound(imports: readonly ImportStep[], truth: ReadonlyMap<string, string>): LinkableBound {
  const uf = new UnionFind()
  const personOf: string[] = []
  const owner = new Map<string, number>()
  for (const step of imports) {
    const mapping = JSON.parse(readFileSync(step.mapping, 'utf8')) as MappingLike
    const rows = Papa.parse<string[]>(readFileSync(step.file, 'utf8'), { skipEmptyLines: true }).data
    const header = (rows[0] ?? []).map((h) => h.trim())
    const byTarget = new Map<FieldTarget, number>()
    header.forEach((h, i) => {
      const t = mapping.columns[h]
      if (t && !byTarget.has(t)) byTarget.set(t, i)
    })
    const source = sourceName(step.file)
    for (let r = 1; r < rows.length; r++) {
      const cells = rows[r] ?? []
      const person = truth.get(`${source}#${r}`)
      if (person === undefined) continue
      const node = uf.add()
      personOf.push(person)
      const get = (t: FieldTarget): string => {
        const i = byTarget.get(t)
        return i === undefined ? '' : clean(cells[i])
      }
      // Keys are scoped to the person: the bound counts evidence between rows of one person only.
      for (const key of rowKeys(get, mapping.system, source)) {
        const k = `${person}\u0000${key}`
        const seen = owner.get(k)
        if (seen === undefined) owner.set(k, node)
        else uf.union(node, seen)
      }
    }
  }
  return summarise(uf, personOf)
}

function summarise(uf: UnionFind, personOf: readonly string[]): LinkableBound {
  const comp = new Map<number, number>()
  const persons = new Map<string, number>()
  personOf.forEach((p, i) => {
    const root = uf.find(i)
    comp.set(root, (comp.get(root) ?? 0) + 1)
    persons.set(p, (persons.get(p) ?? 0) + 1)
  })
  const pairs = (n: number): number => (n * (n - 1)) / 2
  let truePairs = 0
  let linkablePairs = 0
  for (const n of persons.values()) truePairs += pairs(n)
  for (const n of comp.values()) linkablePairs += pairs(n)
  const recallBound = truePairs ? linkablePairs / truePairs : 1
  return { truePairs, linkablePairs, recallBound, f1Bound: (2 * recallBound) / (1 + recallBound) }
}
