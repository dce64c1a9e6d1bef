/**
 * Low-level pieces of date parsing: month names, two-digit years, time-of-day with offsets, validation and
 * ISO output. parseDate (date.ts) strings them together.
 */
import { foldForMatch } from './fold'

export type DateOrder = 'YMD' | 'DMY' | 'MDY'

export interface TimeParts { h: number; m: number; s: number; ms: number; offsetMin?: number }

const MONTH_WORDS: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'janner', 'janvier', 'enero', 'ene', 'januari', 'gennaio']],
  [2, ['february', 'feb', 'februar', 'fevrier', 'fev', 'febrero', 'februari', 'febbraio']],
  [3, ['march', 'mar', 'marz', 'maerz', 'mars', 'marzo', 'maart', 'mrt']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'mei', 'maggio', 'mag']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio']],
  [8, ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dicembre']],
]
const MONTHS = new Map(MONTH_WORDS.flatMap(([n, words]) => words.map((w): [string, number] => [w, n])))

/** Month number for an English, German, French, Spanish, Dutch or Italian month name or abbreviation. */
export const monthFromName = (word: string): number | undefined => MONTHS.get(foldForMatch(word).replace(/\s/g, ''))

/** Two-digit years: up to this year's two digits + 1 are 20xx, the rest 19xx ('85' → 1985, '24' → 2024). */
export function expandYear(year: string): number {
  const n = Number(year)
  if (year.length > 2) return n
  const pivot = (new Date().getUTCFullYear() % 100) + 1
  return n <= pivot ? 2000 + n : 1900 + n
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

const TIME = /^[T\s,]*(\d{1,2})(?::(\d{2}))(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(.*)$/i
const OFFSET = /^(?:(Z|UTC|GMT|UT)\s*)?(?:([+-])(\d{2}):?(\d{2})?)?\s*(?:\([^)]*\))?$/i

/** Parses an offset suffix ('Z', '-0500', '+05:30', 'GMT+0100', 'UTC'); undefined when it is not one. */
function parseOffset(text: string): { offsetMin?: number } | undefined {
  if (text === '') return {}
  const m = OFFSET.exec(text)
  if (!m || (!m[1] && !m[2])) return undefined
  if (!m[2]) return { offsetMin: 0 }
  const minutes = Number(m[3]) * 60 + Number(m[4] ?? '0')
  return { offsetMin: m[2] === '-' ? -minutes : minutes }
}

/**
 * Parses what follows the date: '' (a plain date), ' 04:32:30 -0500', 'T14:40:47Z', ' 2:40 PM'.
 * Returns null for a plain date, undefined when the text is not a time.
 */
export function parseTimeSuffix(rest: string): TimeParts | null | undefined {
  const trimmed = rest.trim()
  if (trimmed === '') return null
  const t = TIME.exec(trimmed)
  if (!t) return undefined
  let h = Number(t[1])
  const meridiem = t[5]?.toLowerCase().replace(/\./g, '')
  if (meridiem) {
    if (h < 1 || h > 12) return undefined
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0)
  }
  const m = Number(t[2])
  const s = Number(t[3] ?? '0')
  const ms = Math.round(Number(`0.${t[4] ?? '0'}`) * 1000)
  if (h > 23 || m > 59 || s > 60) return undefined
  const offset = parseOffset(t[6] ?? '')
  if (!offset) return undefined
  return { h, m, s: Math.min(s, 59), ms: Math.min(ms, 999), ...offset }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** 'YYYY-MM-DD' for a date; full UTC ISO 8601 for a date-time (an offset-less time is taken as UTC). */
export function toIso(y: number, mo: number, d: number, time: TimeParts | null): string {
  if (!time) return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`
  const utc = Date.UTC(y, mo - 1, d, time.h, time.m, time.s, time.ms) - (time.offsetMin ?? 0) * 60_000
  const iso = new Date(utc).toISOString()
  return time.ms === 0 ? iso.replace('.000Z', 'Z') : iso
}
