import doubleMetaphone from 'double-metaphone'

/**
 * String primitives for matching: folding, edit distances, phonetic codes and token similarity.
 * All are pure, allocation-light and safe on empty strings.
 */

const COMBINING = /[\u0300-\u036f]/g
const NON_ALNUM = /[^a-z0-9 ]+/g
const SPACES = /\s+/g

/** NFKC + case + accents folded, punctuation dropped, whitespace collapsed: "  Zoë-O'Brien " → "zoe obrien". */
export function fold(value: string | null | undefined): string {
  if (!value) return ''
  return value.normalize('NFKD').replace(COMBINING, '').toLowerCase().replace(/['’]/g, '').replace(NON_ALNUM, ' ')
    .replace(SPACES, ' ').trim()
}

// Scratch buffers reused by every call: the hot loops compare millions of pairs and must not allocate.
let flagsA = new Uint8Array(64)
let flagsB = new Uint8Array(64)
let rowPrev2 = new Int32Array(65)
let rowPrev = new Int32Array(65)
let rowCur = new Int32Array(65)

function ensure(len: number): void {
  if (len < flagsA.length) return
  const size = len * 2
  flagsA = new Uint8Array(size)
  flagsB = new Uint8Array(size)
  rowPrev2 = new Int32Array(size + 1)
  rowPrev = new Int32Array(size + 1)
  rowCur = new Int32Array(size + 1)
}

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  ensure(Math.max(la, lb))
  const matchedA = flagsA
  const matchedB = flagsB
  matchedA.fill(0, 0, la)
  matchedB.fill(0, 0, lb)
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window)
    const hi = Math.min(lb - 1, i + window)
    const c = a.charCodeAt(i)
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] || c !== b.charCodeAt(j)) continue
      matchedA[i] = 1
      matchedB[j] = 1
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let k = 0
  let transpositions = 0
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue
    while (!matchedB[k]) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
    k++
  }
  const m = matches
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3
  let prefix = 0
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap adjacent),
 * stopping early once the distance is known to exceed `max` (then returns max + 1).
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (la === 0) return lb
  if (lb === 0) return la
  ensure(Math.max(la, lb))
  let prev2 = rowPrev2
  let prev = rowPrev
  let cur = rowCur
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      const cost = ca === cb ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[lb]!
}

/** The primary Double Metaphone code of a folded name ('' for none). */
export function metaphone(folded: string): string {
  if (!folded) return ''
  return doubleMetaphone(folded)[0]
}

/** Both Double Metaphone codes (primary, alternate) of a folded name. */
export function metaphones(folded: string): [string, string] {
  if (!folded) return ['', '']
  return doubleMetaphone(folded)
}

/** Word tokens of a folded string. */
export function tokens(folded: string): string[] {
  return folded ? folded.split(' ').filter((t) => t.length > 0) : []
}

/**
 * Token-set similarity in [0, 1]: |A ∩ B| / min(|A|, |B|), so "acme" vs "acme pty ltd" is 1 and word
 * order never matters. Near-identical tokens (Damerau-Levenshtein ≤ 1 on tokens of 4+ letters) count half.
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  let score = 0
  for (const t of a) {
    if (b.includes(t)) score += 1
    else if (t.length >= 4 && b.some((u) => u.length >= 4 && damerauLevenshtein(t, u, 1) <= 1)) score += 0.5
  }
  return Math.min(1, score / Math.min(a.length, b.length))
}

/**
 * Street words and their usual postal abbreviations (USPS Publication 28, Royal Mail and Australia Post
 * usage): "Main St" and "Main Street" are one street. Only abbreviations are listed; a full word is its own
 * canonical form, so a street named "Grove" or "Court" stays what it is.
 */
const STREET_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  st: 'street', str: 'street', ave: 'avenue', av: 'avenue', avn: 'avenue', blvd: 'boulevard', boul: 'boulevard', rd: 'road',
  ln: 'lane', dr: 'drive', drv: 'drive', ct: 'court', crt: 'court', pl: 'place', ter: 'terrace', terr: 'terrace', tce: 'terrace',
  cir: 'circle', crcl: 'circle', wy: 'way', pkwy: 'parkway', pky: 'parkway', hwy: 'highway', sq: 'square', trl: 'trail',
  cres: 'crescent', cr: 'crescent', cl: 'close', pde: 'parade', aly: 'alley', xing: 'crossing', expy: 'expressway',
  fwy: 'freeway', hts: 'heights', mtn: 'mountain', pt: 'point', rte: 'route', apt: 'apartment', ste: 'suite', fl: 'floor',
  n: 'north', s: 'south', e: 'east', w: 'west', ne: 'northeast', nw: 'northwest', se: 'southeast', sw: 'southwest', mt: 'mount',
}))

/** The canonical form of one folded street word: its full word when it is a known abbreviation. */
export const streetWord = (token: string): string => STREET_ABBREVIATIONS.get(token) ?? token

/**
 * `tokenSetSimilarity` for street tokens: a token also matches its abbreviation (st / street, ave / avenue).
 * Allocates nothing; the abbreviation lookup runs only for tokens with no exact match.
 */
export function streetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  let score = 0
  for (const t of a) {
    if (b.includes(t)) {
      score += 1
      continue
    }
    const ct = streetWord(t)
    let found = false
    for (const u of b) {
      if (streetWord(u) === ct) {
        found = true
        break
      }
    }
    if (found) score += 1
    // One typo in a long street word is still that street ("lzkeview lane"): counted 0.8, so a street of two
    // words with a typo in one still reaches the "same street" bar of 0.8.
    else if (t.length >= 5 && b.some((u) => u.length >= 5 && damerauLevenshtein(t, u, 1) <= 1)) score += 0.8
    else if (t.length >= 4 && b.some((u) => u.length >= 4 && damerauLevenshtein(t, u, 1) <= 1)) score += 0.5
  }
  return Math.min(1, score / Math.min(a.length, b.length))
}

const NAME_LOCAL = /^([a-z]{2,})[._-]([a-z]{2,})$/

/** The local part of an email address, trimmed and lower case ('' for none). */
export function emailLocalOf(email: string | null): string {
  if (!email) return ''
  const e = email.trim().toLowerCase()
  const at = e.lastIndexOf('@')
  return at > 0 ? e.slice(0, at) : e
}

/** Words of shared and role mailboxes (sales.team@, the.smiths@, info.desk@): no person's name. */
const MAILBOX_WORDS = new Set(['the', 'info', 'sales', 'support', 'admin', 'contact', 'office', 'hello', 'team', 'mail', 'noreply',
  'reply', 'billing', 'accounts', 'service', 'help', 'orders', 'shop', 'store', 'family', 'home', 'house', 'desk', 'test'])

/**
 * The first and last name a mailbox spells (jane.doe@, doe_jane@) for a record that has no surname of its own
 * (a newsletter signup, a help-desk user known by a first name): the record's first name, when it has one, must
 * be one of the two words, and the other is the surname. Null when the local part is not two words of letters,
 * names a role or a household (sales.team@, the.smiths@) or disagrees with the first name.
 */
export function namesFromEmail(email: string | null, first: string): [string, string] | null {
  if (!email) return null
  const m = NAME_LOCAL.exec(emailLocalOf(email))
  if (m === null || MAILBOX_WORDS.has(m[1]!) || MAILBOX_WORDS.has(m[2]!)) return null
  const [a, b] = [m[1]!, m[2]!]
  if (!first || first === a) return [a, b]
  return first === b ? [b, a] : null
}
