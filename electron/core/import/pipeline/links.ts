import type { Workspace } from '../../db'

/**
 * Streams the row → profile links of every imported row as CSV (`source,row,profile_id`), one line per
 * raw row that became a record or an event, in import order: `row` is the 1-based data row of the file,
 * `profile_id` the record's current profile (an event: the profile of the person it belongs to).
 * Quarantined rows are not imported, so not listed; a row superseded by a newer export of its source is
 * listed through the newer row only. Returns the number of lines written after the header.
 */
export function writeLinks(ws: Workspace, write: (chunk: string) => void): number {
  const stmt = ws.sqlite.prepare(`
    SELECT s.name AS source, rr.row_number AS row, r.profile_id AS profile
    FROM raw_rows rr
    JOIN sources s ON s.id = rr.source_id
    JOIN records r ON r.id = CASE rr.outcome
      WHEN 'record' THEN (SELECT x.id FROM records x WHERE x.raw_row_id = rr.id AND x.origin = 'row')
      ELSE (SELECT e.record_id FROM events e WHERE e.raw_row_id = rr.id LIMIT 1) END
    WHERE rr.outcome IN ('record', 'event')
    ORDER BY rr.id`).raw()
  write('source,row,profile_id\n')
  let n = 0
  let buf = ''
  for (const row of stmt.iterate() as Iterable<[string, number, number]>) {
    buf += `${csvField(row[0])},${row[1]},${row[2]}\n`
    if (++n % 4096 === 0) {
      write(buf)
      buf = ''
    }
  }
  if (buf) write(buf)
  return n
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
