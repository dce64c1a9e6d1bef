/** Letters NFD does not decompose into a base letter + accent, spelled out for matching. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th',
  ł: 'l', Ł: 'l', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ŀ: 'l', Ŀ: 'l',
}
const SPECIAL = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g')
const MARKS = /\p{M}+/gu
// Apostrophes vanish (O'Brien ≡ OBrien); every other run of non-letters/digits becomes one space.
const APOSTROPHES = /['’‘`´ʼ]/g
const NON_WORD = /[^\p{L}\p{N}]+/gu

/**
 * The matching form of a string: NFKC, case-folded, accents removed, apostrophes dropped, any other punctuation
 * and whitespace collapsed to single spaces, trimmed. "  Zoë-O'Brien " → "zoe obrien", "Ｍüller" → "muller".
 * Non-Latin letters are kept (folded case only). For matching keys only — never for display.
 */
export function foldForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .replace(SPECIAL, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim()
}
