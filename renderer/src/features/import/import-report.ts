/** The fields of an import job's result the wizard shows (the job result is `unknown` on the wire). */
export interface ImportReportView {
  importId: number | null
  source: string
  file: string
  alreadyImported: boolean
  rows: number
  recordsImported: number
  recordsUpdated: number
  eventsImported: number
  rowsQuarantined: number
  /** Person records made from event rows: buyers no record held, and buyers' new phones, addresses, mailboxes or names. */
  recordsFromEvents: number
  recordsFromBuyerDetails: number
  quarantineReasons: Record<string, number>
  durationMs: number
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

/** Reads an import job's result defensively: missing or odd fields become 0 / empty, never a crash. */
export function readImportReport(result: unknown): ImportReportView | undefined {
  if (typeof result !== 'object' || result === null) return undefined
  const r = result as Record<string, unknown>
  const reasons = typeof r.quarantineReasons === 'object' && r.quarantineReasons !== null ? (r.quarantineReasons as Record<string, unknown>) : {}
  return {
    importId: typeof r.importId === 'number' ? r.importId : null,
    source: typeof r.source === 'string' ? r.source : '',
    file: typeof r.file === 'string' ? r.file : '',
    alreadyImported: r.alreadyImported === true,
    rows: num(r.rows),
    recordsImported: num(r.recordsImported),
    recordsUpdated: num(r.recordsUpdated),
    eventsImported: num(r.eventsImported),
    rowsQuarantined: num(r.rowsQuarantined),
    recordsFromEvents: num(r.recordsFromEvents),
    recordsFromBuyerDetails: num(r.recordsFromBuyerDetails),
    quarantineReasons: Object.fromEntries(Object.entries(reasons).map(([k, v]) => [k, num(v)])),
    durationMs: num(r.durationMs),
  }
}

/** RFC 4180 CSV text (quotes doubled, fields with separators quoted), for the quarantine download. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
