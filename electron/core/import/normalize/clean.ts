/**
 * Cell-level cleaning every normaliser starts from, and recognition of placeholder ("junk") values that
 * must never be used as identifiers.
 */

/** Flags cleanCell may raise; the pipeline stores them beside the value for the import report. */
export type CellFlag = 'nul' | 'control-chars' | 'apostrophe-prefix' | 'excel-mangled' | 'formula-like'

// Shopify writes `'04616`, `'+923145415648`, `'7985351721238` so spreadsheets keep them as text.
const APOSTROPHE_PREFIX = /^['’](?=[\d+(])/
// 7.02255E+12: a long id or phone that went through Excel and lost its digits; it cannot be recovered.
const EXCEL_SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E\+\d+$/i
// Everything below U+0020 except tab and newlines, plus DEL; NUL is reported on its own.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
// Non-breaking and other exotic spaces become plain spaces so trimming and splitting work.
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g
// Printable ASCII, no leading or trailing space: nothing for the passes above to remove.
const FORMULA_LIKE = /^[=@]|^[+-](?![\d\s().]+$)/
const PLAIN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/

/**
 * Cleans one raw cell: strips NUL/control and zero-width characters, turns exotic spaces into plain ones,
 * trims, and removes Shopify's protective apostrophe. Never throws. `flags` says what was found:
 * 'excel-mangled' marks values like `7.02255E+12` (kept as they are: the lost digits cannot be restored).
 */
export function cleanCell(raw: string): { value: string; flags: string[] } {
  // Empty cells are most of a wide export (an order line leaves the order's 40 columns empty).
  if (raw === '') return EMPTY_CELL
  const flags: CellFlag[] = []
  return { value: cleanInto(raw, flags), flags }
}

/**
 * cleanCell's value, with its flags appended to `flags` (the caller's, reused from cell to cell): the same
 * cleaning without two allocations per cell, for the per-cell hot loop.
 */
export function cleanInto(raw: string, flags: CellFlag[]): string {
  if (raw === '') return ''
  let value = raw
  // Most cells are plain printable ASCII with nothing to trim: the character-class passes below would
  // change nothing, so they are skipped (this runs for every mapped cell of every row).
  if (PLAIN.test(value)) return finishClean(value, flags)
  if (value.includes('\u0000')) {
    flags.push('nul')
    value = value.replaceAll('\u0000', '')
  }
  if (CONTROL.test(value)) {
    flags.push('control-chars')
    value = value.replace(CONTROL, '')
  }
  value = value.replace(ZERO_WIDTH, '').replace(ODD_SPACES, ' ').trim()
  return finishClean(value, flags)
}

/** The result for an empty cell, shared: callers only read results (the flags are frozen to make sure). */
const EMPTY_CELL: { value: string; flags: string[] } = Object.freeze({ value: '', flags: Object.freeze([]) as unknown as string[] })

const discarded: CellFlag[] = []

/** cleanCell's value alone, for normalisers that do not need the flags (allocates nothing for a plain cell). */
export function cleanValue(raw: string): string {
  const value = cleanInto(raw, discarded)
  discarded.length = 0
  return value
}

function finishClean(cleaned: string, flags: CellFlag[]): string {
  let value = cleaned
  // Each pattern below needs a telltale character; looking for it first spares three regex runs per cell.
  const first = value.charCodeAt(0)
  if ((first === 0x27 || first === 0x2019) && APOSTROPHE_PREFIX.test(value)) {
    flags.push('apostrophe-prefix')
    value = value.slice(1).trim()
  }
  if ((value.includes('E+') || value.includes('e+')) && EXCEL_SCIENTIFIC.test(value)) flags.push('excel-mangled')
  // A cell starting with = + - @ may run as a formula when re-opened in a spreadsheet; numbers and phones excepted.
  const lead = value.charCodeAt(0)
  if ((lead === 0x3d || lead === 0x40 || lead === 0x2b || lead === 0x2d) && FORMULA_LIKE.test(value)) flags.push('formula-like')
  return value
}

/** Placeholders people type when a field is required but unknown, for any kind of value (folded form). */
const GENERIC_JUNK = new Set([
  'n/a', 'na', 'n.a.', 'n.a', 'n a', 'null', 'nil', 'none', 'nope', '-', '--', '---', '.', '?', '??', '0', 'x', 'xx', 'xxx', 'xxxx',
  'unknown', 'unk', 'undefined', 'test', 'testing', 'asdf', 'asd', 'qwerty', 'tbd', 'tba', 'not available', 'not applicable',
  'not provided', 'not given', 'no', 'nan', '#n/a', '#value!', '#ref!', '#name?', 'empty', 'blank', 'dummy', 'sample', 'fake',
  'no email', 'noemail', 'no phone', 'nophone', 'no name', 'noname', 'declined', 'refused', 'missing', 'placeholder',
])

const JUNK_EMAIL_LOCALS = new Set([
  'test', 'testing', 'tester', 'asdf', 'qwerty', 'noemail', 'no-email', 'no_email', 'no.email', 'nomail', 'none', 'null',
  'na', 'n/a', 'unknown', 'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'dummy', 'fake', 'example', 'sample',
  'nobody', 'noone', 'nospam', 'x', 'xx', 'xxx', 'abc', 'email', 'user', 'customer', 'guest', 'anonymous', 'someone',
  'a', 'aa', 'aaa', 'mail', 'no',
])
const JUNK_EMAIL_DOMAINS = new Set([
  'example.com', 'example.org', 'example.net', 'example.edu', 'test.com', 'test.org', 'test.net', 'test.test',
  'noemail.com', 'no-email.com', 'nomail.com', 'none.com', 'null.com', 'email.test', 'domain.com', 'invalid.com',
  'fake.com', 'asdf.com', 'xxx.com', 'abc.com', 'noreply.com', 'donotreply.com', 'unknown.com', 'na.com',
])

const JUNK_NAMES = new Set([
  'customer', 'guest', 'user', 'name', 'first name', 'last name', 'firstname', 'lastname', 'fname', 'lname', 'first', 'last',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'madam', 'anonymous', 'anon', 'nobody', 'someone', 'no name', 'noname', 'abc', 'aaa',
  'client', 'contact', 'person', 'valued customer', 'shopper', 'buyer',
])

const foldJunk = (value: string): string => value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

/** True for phone digit strings no real subscriber has: all one digit, counting runs, 555-5555 fillers. */
function isJunkPhoneDigits(digits: string): boolean {
  if (digits.length < 5) return true
  if (/^(\d)\1+$/.test(digits)) return true
  // A counting run typed to get past a required field: 123456789, 1234567890, 9876543210.
  if (['01234567890', '9876543210'].some((run) => run.includes(digits))) return true
  return /^(?:1)?(\d{3})?5555555\d{0,3}$/.test(digits) || /^(?:1)?(\d{3})?555(?:0100|1212|1234)$/.test(digits)
}

function isJunkEmail(folded: string): boolean {
  const at = folded.lastIndexOf('@')
  if (at < 0) return GENERIC_JUNK.has(folded)
  const local = folded.slice(0, at)
  const domain = folded.slice(at + 1)
  if (JUNK_EMAIL_LOCALS.has(local) || JUNK_EMAIL_DOMAINS.has(domain)) return true
  // test@test.com, a@a.com, x@x.x: the local part repeated as the domain.
  const domainBase = domain.split('.')[0] ?? ''
  return local.length <= 4 && local === domainBase
}

/**
 * True for the placeholders people type into any field ('n/a', 'null', '-', 'unknown', 'tbd'…), whatever its
 * kind. Note that it includes 'no' and '0', which are real values in consent columns.
 */
export function isPlaceholder(value: string): boolean {
  return GENERIC_JUNK.has(foldJunk(value))
}

/**
 * True when `value` is a placeholder rather than a real identifier of the given kind: 'n/a', 'null', '-',
 * 'none', 'unknown', 'test', 'asdf', test@test.com, noemail@…, example.com, 0000000000, 1234567890, 'Guest'…
 * Empty strings are junk too. Pure and cheap: safe to call per cell.
 */
export function isJunkValue(kind: 'email' | 'phone' | 'id' | 'name', value: string): boolean {
  const folded = foldJunk(value)
  if (folded === '') return true
  if (GENERIC_JUNK.has(folded)) return true
  switch (kind) {
    case 'email':
      return isJunkEmail(folded)
    case 'phone': {
      return isJunkPhoneDigits(folded.replace(/\D/g, ''))
    }
    case 'id':
      return /^[0\s.-]+$/.test(folded) || folded === '-1'
    case 'name':
      return JUNK_NAMES.has(folded.replace(/\.$/, '')) || !/\p{L}/u.test(folded)
  }
}
