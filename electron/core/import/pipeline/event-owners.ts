import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import { areNicknames } from '../../identity/nicknames'
import { fold } from '../../identity/text'
import { MEMO_LIMIT } from './memo'

/** Holders of one identifier looked at for a named buyer; a value held by more is junk-like, not a household. */
const MAX_HOLDERS = 50

/**
 * Finds the record an event row belongs to through an identifier it carries (customer id, email, phone).
 *
 * A mailbox or landline can be a household's (thesmiths@…): attaching every order with that email to the
 * first record holding it put one person's orders on another's record, where no later merge or split can
 * separate them. So an event whose row names its buyer goes only to a holder with a compatible first
 * name (the same after folding, an initial of it, or a nickname: Bill for William); when there is none,
 * the caller creates a record for the buyer, and identity resolution decides whether the two records are
 * one person (a shared mailbox with different first names goes to review, not to an automatic merge).
 * An event row without a first name goes to the lowest-id holder.
 *
 * Answers found are remembered for the import: records are not deleted while it runs and new ones get
 * higher ids, so the lowest compatible holder cannot change. Misses are not: a record created for an
 * earlier event may hold the identifier. Records created in this import and not yet written are
 * registered with `addPending` and looked at after the written ones (their ids are higher).
 */
export class EventOwners {
  private readonly found = new Map<string, number>()
  private readonly pending = new Map<string, Array<{ id: number; first: string }>>()
  private readonly holders: Statement

  constructor(db: SqliteDatabase) {
    this.holders = db.prepare(`SELECT i.record_id, r.first_name FROM identifiers i JOIN records r ON r.id = i.record_id
      WHERE i.kind = ? AND i.value = ? ORDER BY i.record_id LIMIT ${MAX_HOLDERS}`).raw()
  }

  /** The record for an event with this identifier and buyer first name (null: the row names nobody). */
  find(kind: string, value: string, firstName: string | null): number | undefined {
    const first = firstToken(firstName)
    const key = `${kind}\0${value}\0${first}`
    const known = this.found.get(key)
    if (known !== undefined) return known
    const written = this.holders.all(kind, value) as Array<[number, string | null]>
    const candidates = [...written.map(([id, name]) => ({ id, first: firstToken(name) })), ...(this.pending.get(`${kind}\0${value}`) ?? [])]
    const owner = first === '' ? candidates[0]?.id : candidates.find((c) => sameFirstName(first, c.first))?.id
    if (owner !== undefined) {
      if (this.found.size >= MEMO_LIMIT) this.found.clear()
      this.found.set(key, owner)
    }
    return owner
  }

  /** A record created in this import, not yet written, holds the identifier. */
  addPending(kind: string, value: string, id: number, firstName: string | null): void {
    const key = `${kind}\0${value}`
    const list = this.pending.get(key)
    if (list) list.push({ id, first: firstToken(firstName) })
    else this.pending.set(key, [{ id, first: firstToken(firstName) }])
  }

  /** The pending records were written: the database answers for them now. */
  clearPending(): void {
    this.pending.clear()
  }
}

/** The first word of a folded first name ("Mary-Ann" → "mary"), '' for none. */
export function firstToken(name: string | null): string {
  const f = fold(name)
  const space = f.indexOf(' ')
  return space < 0 ? f : f.slice(0, space)
}

/** Two folded first words that can name one person: equal, an initial of the other, or nicknames. */
export function sameFirstName(a: string, b: string): boolean {
  if (a === '' || b === '') return false
  if (a === b) return true
  if (a.length === 1 || b.length === 1) return a[0] === b[0]
  return areNicknames(a, b)
}
