import Sqlite from 'better-sqlite3-multiple-ciphers'
import { afterAll, describe, expect, it } from 'vitest'
import { windowStart, windowStartSeconds } from './event-filter-sql'

const db = new Sqlite(':memory:')
afterAll(() => db.close())

/** The two ways a window is tested: ISO text (primary-key ranges, traits) and Unix seconds (per-profile counts). */
const inWindow = db.prepare('SELECT ? >= ? AS text, unixepoch(?) >= ? AS epoch')

describe('windowStart', () => {
  it.each([
    ['a whole day back from midnight is a bare date', '2026-06-01T00:00:00Z', { last: 365, unit: 'days' }, '2025-06-01'],
    ['a time of day keeps its time, on the second', '2026-06-01T12:34:56.789Z', { last: 7, unit: 'days' }, '2026-05-25T12:34:56.000Z'],
    ['calendar months', '2026-03-31T08:00:00Z', { last: 1, unit: 'months' }, '2026-03-03T08:00:00.000Z'],
    ['years', '2026-06-01T00:00:00Z', { last: 2, unit: 'years' }, '2024-06-01'],
  ] as const)('%s', (_name, now, window, expected) => {
    expect(windowStart(window, new Date(now))).toBe(expected)
    expect(windowStartSeconds(window, new Date(now))).toBe(Date.parse(expected) / 1000)
  })

  // Stored times are a date, or a UTC date-time with or without milliseconds (import normalisation).
  const times = [
    '2025-05-31', '2025-06-01', '2025-06-02', '2025-05-31T23:59:59Z', '2025-05-31T23:59:59.999Z', '2025-06-01T00:00:00Z',
    '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.001Z', '2025-06-01T12:34:55.999Z', '2025-06-01T12:34:56Z',
    '2025-06-01T12:34:56.000Z', '2025-06-01T12:34:56.500Z', '2025-06-01T12:34:57Z', '',
  ]
  it.each(['2026-06-01T00:00:00.000Z', '2026-06-01T12:34:56.000Z', '2026-06-01T12:34:56.789Z'])(
    'draws the same line as text and as Unix seconds (now %s)', (now) => {
      const window = { last: 365, unit: 'days' } as const
      const start = windowStart(window, new Date(now))
      const seconds = windowStartSeconds(window, new Date(now))
      for (const t of times) {
        const r = inWindow.get(t, start, t, seconds) as { text: number; epoch: number | null }
        expect({ t, inside: r.epoch ?? 0 }).toEqual({ t, inside: r.text })
      }
    })
})
