import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'
import { fold } from '../../identity/text'
import { emailMatchKey } from '../normalize/email'
import { firstToken, sameFirstName } from './event-owners'
import { MEMO_LIMIT } from './memo'
import {
  PERSON_ATTRIBUTES, PERSON_COMPANY, PERSON_CONSENTS, PERSON_EMAIL, PERSON_FIRST_NAME, PERSON_IDENTIFIERS, PERSON_LAST_NAME, PERSON_PHONE,
  PERSON_POSTCODE, PERSON_STREET, type PackedPerson,
} from './packed-row'

/**
 * What one profile is known to hold: first names (folded first words), full names (folded "first last"),
 * mailboxes, phones and addresses (see addressOf).
 */
interface Known {
  firsts: string[]
  names: string[]
  emails: string[]
  phones: string[]
  addresses: string[]
  /**
   * Names and mailboxes as rows wrote them (lower case), already known not to be new: most orders repeat their
   * buyer's name and mailbox as written, and folding them again for every order cost the import 9% more CPU.
   */
  seen: string[]
}

/**
 * Decides when an event row's buyer details are identity evidence worth keeping as a record of their own.
 *
 * An order names its buyer's billing phone and address; the customer record it belongs to (found by
 * customer id, order or email) often has neither: a Shopify customers export leaves them empty when the
 * account never saved an address, a CRM holds a work phone. Left on the event only, those details never
 * reach identity resolution, and a help-desk user with that phone stays a stranger to the buyer. The same
 * holds for a mailbox the order was placed from (the owner found by phone) and for the buyer's name as the
 * order spells it ("James Birkenstock", where the account says "Brikenstock"). So when an event row carries a
 * name, mailbox, phone or address its owner's profile does not hold yet, and its buyer's first name fits the
 * profile's (a gift billed to someone else is not the buyer's evidence), the writer keeps the row's person as
 * a record of origin 'event' in the owner's profile. One such record per new detail: the next order with the
 * same details adds nothing.
 */
export class BuyerDetails {
  private readonly profileOf = new Map<number, number>()
  private readonly byProfile = new Map<number, Known>()
  private readonly ownerProfile: Statement
  private readonly profileRecords: Statement

  constructor(db: SqliteDatabase) {
    this.ownerProfile = db.prepare('SELECT profile_id FROM records WHERE id = ?').pluck()
    this.profileRecords = db.prepare('SELECT first_name, last_name, email, phone, street, postcode FROM records WHERE profile_id = ?').raw()
  }

  /**
   * The profile in which to keep the buyer details of an event row owned by `ownerId`, or null when they
   * add nothing to it or name someone else. A profile returned is assumed to get the record: the details
   * count as known from then on.
   */
  newDetails(ownerId: number, p: PackedPerson): number | null {
    const rawFirst = p[PERSON_FIRST_NAME]
    if (!rawFirst) return null
    const profile = this.profileOf.get(ownerId) ?? this.loadOwner(ownerId)
    const known = this.byProfile.get(profile)!
    const email = p[PERSON_EMAIL]
    if (!isNew(known.phones, p[PERSON_PHONE]) && !isNew(known.addresses, addressKey(p)) &&
      (!email || knownAs(known, email.toLowerCase(), () => !isNew(known.emails, emailOf(email)))) &&
      knownAs(known, rawNameOf(rawFirst, p[PERSON_LAST_NAME]), () => !isNew(known.names, nameOf(rawFirst, p[PERSON_LAST_NAME])))) return null
    const first = firstToken(rawFirst)
    if (first === '') return null
    if (known.firsts.length > 0 && !known.firsts.some((f) => sameFirstName(first, f))) return null
    remember(known, p)
    return profile
  }

  /** A record this import created and has not written yet, so the database cannot answer for it. */
  created(recordId: number, profileId: number, p: PackedPerson): void {
    this.profileOf.set(recordId, profileId)
    let known = this.byProfile.get(profileId)
    if (!known) this.byProfile.set(profileId, known = emptyKnown())
    remember(known, p)
  }

  /** Call when everything created so far is written: a memo past its limit can then be dropped. */
  written(): void {
    if (this.profileOf.size < MEMO_LIMIT) return
    this.profileOf.clear()
    this.byProfile.clear()
  }

  private loadOwner(ownerId: number): number {
    const profile = this.ownerProfile.get(ownerId) as number
    this.profileOf.set(ownerId, profile)
    if (!this.byProfile.has(profile)) {
      const known = emptyKnown()
      for (const [first, last, email, phone, street, postcode] of this.profileRecords.all(profile) as Array<Array<string | null>>) {
        addKnown(known, first ?? null, last ?? null, email ?? null, phone ?? null, addressOf(street ?? null, postcode ?? null))
      }
      this.byProfile.set(profile, known)
    }
    return profile
  }
}

/**
 * The record kept for an event row's buyer details: the buyer's name, mailbox, phone and address. Not the
 * row's company or event attributes (an order's line item is no trait of a person), not its account ids (the
 * owner holds them) and not its consents: an order's marketing checkbox is not a subscription this record
 * may grant.
 */
export function buyerEvidence(p: PackedPerson): PackedPerson {
  const kept = [...p] as PackedPerson
  kept[PERSON_COMPANY] = null
  kept[PERSON_ATTRIBUTES] = '{}'
  const ids = p[PERSON_IDENTIFIERS]
  const own: string[] = []
  for (let i = 0; i < ids.length; i += 3) if (KEPT_IDENTIFIERS.has(ids[i]!)) own.push(ids[i]!, ids[i + 1]!, ids[i + 2]!)
  kept[PERSON_IDENTIFIERS] = own
  kept[PERSON_CONSENTS] = []
  return kept
}

/** A buyer's own identifiers; ids (a customer id, a card) name the account, which the owner already holds. */
const KEPT_IDENTIFIERS = new Set(['email', 'email_match', 'phone'])

function remember(known: Known, p: PackedPerson): void {
  addKnown(known, p[PERSON_FIRST_NAME], p[PERSON_LAST_NAME], p[PERSON_EMAIL], p[PERSON_PHONE], addressKey(p))
}

const emptyKnown = (): Known => ({ firsts: [], names: [], emails: [], phones: [], addresses: [], seen: [] })

function addKnown(known: Known, first: string | null, last: string | null, email: string | null, phone: string | null, address: string | null): void {
  add(known.firsts, firstToken(first) || null)
  add(known.names, nameOf(first, last))
  add(known.emails, emailOf(email))
  if (first) add(known.seen, rawNameOf(first, last))
  if (email) add(known.seen, email.toLowerCase())
  add(known.phones, phone)
  add(known.addresses, address)
}

function add(list: string[], value: string | null): void {
  if (value !== null && !list.includes(value)) list.push(value)
}

const isNew = (list: readonly string[], value: string | null): boolean => value !== null && !list.includes(value)

/** True when `raw` (a name or mailbox as written) is seen, or `known()` says so (then it is seen from now on). */
function knownAs(known: Known, raw: string, isKnown: () => boolean): boolean {
  if (known.seen.includes(raw)) return true
  if (!isKnown()) return false
  known.seen.push(raw)
  return true
}

/** A name as written, lower case ("ann\u0000lee"): equal ones fold alike. */
const rawNameOf = (first: string, last: string | null): string => `${first}\u0000${last ?? ''}`.toLowerCase()

/** A full name as identity compares it: folded "first last"; null without both parts. */
function nameOf(first: string | null, last: string | null): string | null {
  const f = fold(first)
  const l = fold(last)
  return f && l ? `${f} ${l}` : null
}

/**
 * A mailbox as identity matches it (emailMatchKey: gmail's dots folded), with any +tag folded away at every
 * provider: ada.quill+shop@ on the account and ada.quill@ on an order reach one inbox, which is no new evidence.
 */
function emailOf(email: string | null): string | null {
  const e = email?.trim().toLowerCase()
  if (!e || !e.includes('@')) return null
  const key = emailMatchKey(e)
  const at = key.lastIndexOf('@')
  const plus = key.indexOf('+')
  return plus >= 0 && plus < at ? key.slice(0, plus) + key.slice(at) : key
}

function addressKey(p: PackedPerson): string | null {
  return addressOf(p[PERSON_STREET], p[PERSON_POSTCODE])
}

/**
 * An address as house number and postcode ("3753|28250"): the same address written "Bay Ct" on the account
 * and "Bay Court" on an order is one address, as identity blocking's house_postcode key sees it. A street
 * without a number is kept whole. A street is needed: a postcode alone is a neighbourhood, not an address.
 */
function addressOf(street: string | null, postcode: string | null): string | null {
  if (!street) return null
  const folded = fold(street)
  const house = HOUSE_NUMBER.exec(folded)?.[1] ?? folded
  return `${house}|${(postcode ?? '').replace(SPACES, '').toLowerCase()}`
}

const HOUSE_NUMBER = /^(\d+[a-z]?)\b/
const SPACES = /\s+/g
