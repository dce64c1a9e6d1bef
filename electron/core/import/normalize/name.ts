import { cleanValue, isJunkValue } from './clean'
import { foldForMatch } from './fold'

// Particles stay lower case inside a surname ("van der Berg", "de la Cruz") unless they are the whole name.
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dela', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ten', 'ter',
  'te', 'het', 'zu', 'zum', 'zur', 'y', 'e', 'bin', 'binti', 'ibn', 'al', 'el', 'af', 'av',
])
const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/i

/** Capitalises one word, handling Mc (McDonald) and apostrophe prefixes (O'Brien, D'Angelo). */
function capitaliseWord(word: string): string {
  if (word === '') return word
  if (ROMAN.test(word) && word.length > 1) return word.toUpperCase()
  const lower = word.toLocaleLowerCase()
  const apostrophe = /^([\p{L}])(['’])(\p{L}.*)$/u.exec(lower)
  if (apostrophe) return `${apostrophe[1]!.toLocaleUpperCase()}'${capitaliseWord(apostrophe[3]!)}`
  if (/^mc\p{L}{2,}/u.test(lower)) return `Mc${lower.charAt(2).toLocaleUpperCase()}${lower.slice(3)}`
  return lower.charAt(0).toLocaleUpperCase() + lower.slice(1)
}

/** Title-cases a name that arrived all lower or all upper case; hyphenated parts are cased separately. */
function smartCase(name: string): string {
  const words = name.split(' ')
  return words
    .map((word, i) => {
      const bare = word.toLocaleLowerCase().replace(/\.$/, '')
      if (PARTICLES.has(bare) && i < words.length - 1) return word.toLocaleLowerCase()
      return word.split('-').map(capitaliseWord).join('-')
    })
    .join(' ')
}

/** True when the text carries deliberate casing (DeShawn, McDonald, van der Berg) that must be respected. */
function hasDeliberateCase(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '')
  return letters !== letters.toLocaleLowerCase() && letters !== letters.toLocaleUpperCase()
}

/**
 * Normalises a person's name (a first, last or full name). `display`: NFKC, whitespace collapsed, curly
 * apostrophes straightened, accents kept, and sensible casing (McDonald, O'Brien, van der Berg, Smith-Jones)
 * when the source shouted or whispered it; names that already mix cases are left as the person wrote them.
 * `match`: the folded form (foldForMatch). Returns null for empty input and placeholders ('n/a', 'Guest', 'test').
 */
export function normalizeName(raw: string): { display: string; match: string } | null {
  const value = cleanValue(raw).normalize('NFKC').replace(/[’‘ʼ`´]/g, "'").replace(/\s+/g, ' ').trim()
  if (value === '' || isJunkValue('name', value)) return null
  const display = hasDeliberateCase(value) ? value : smartCase(value)
  const match = foldForMatch(display)
  return match === '' ? null : { display, match }
}
