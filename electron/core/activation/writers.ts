import { stream as excelStream } from 'exceljs'
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { neutraliseCell } from './safety'
import type { ExportFormat } from './presets'

/**
 * File writers for exports. Every writer writes to a temporary name in the target folder; the caller
 * renames it into place only once everything (the file and the export log) succeeded, so a failed export
 * never leaves half a file under the chosen name.
 */
export interface FileColumn { header: string; numeric: boolean }

export interface WriteOptions {
  format: ExportFormat
  columns: FileColumn[]
  /** CSV only: the field separator (default ','). */
  delimiter?: string
  /** CSV only: start with a UTF-8 byte-order mark so Excel reads the file as UTF-8. */
  bom?: boolean
}

/** A temp path beside `out`, so the final rename stays on one file system (atomic). */
export function tempPathFor(out: string): string {
  return join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`)
}

/** Renames the finished temp file into place. */
export function commitFile(tmp: string, out: string): void {
  renameSync(tmp, out)
}

export function discardFile(tmp: string): void {
  rmSync(tmp, { force: true })
}

/** Writes rows (cells already normalised/hashed) to `tmp` in the chosen format, fsynced. */
export async function writeRows(tmp: string, rows: readonly string[][], o: WriteOptions): Promise<void> {
  if (o.format === 'xlsx') return writeXlsx(tmp, rows, o.columns)
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    const text = o.format === 'csv' ? csvText(rows, o) : o.format === 'json' ? jsonText(rows, o.columns) : ndjsonText(rows, o.columns)
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** CSV per RFC 4180 (CRLF, quotes doubled), every cell through the formula-injection guard. */
export function csvText(rows: readonly string[][], o: Pick<WriteOptions, 'columns' | 'delimiter' | 'bom'>): string {
  const d = o.delimiter ?? ','
  const quote = (v: string): string => (v.includes(d) || /["\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  const lines = [o.columns.map((c) => quote(neutraliseCell(c.header))).join(d)]
  for (const r of rows) lines.push(r.map((v, i) => quote(neutraliseCell(v, o.columns[i]?.numeric ?? false))).join(d))
  return `${o.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`
}

function objects(rows: readonly string[][], columns: FileColumn[]): Record<string, string | number | null>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => {
    const v = r[i] ?? ''
    // JSON keeps types: numbers in numeric columns, null for absent values.
    return [c.header, v === '' ? null : c.numeric && /^-?\d+(\.\d+)?$/.test(v) && !v.startsWith('+') ? Number(v) : v]
  })))
}

function jsonText(rows: readonly string[][], columns: FileColumn[]): string {
  return `${JSON.stringify(objects(rows, columns), null, 2)}\n`
}

function ndjsonText(rows: readonly string[][], columns: FileColumn[]): string {
  return objects(rows, columns).map((o) => `${JSON.stringify(o)}\n`).join('')
}

async function writeXlsx(tmp: string, rows: readonly string[][], columns: FileColumn[]): Promise<void> {
  const wb = new excelStream.xlsx.WorkbookWriter({ filename: tmp, useStyles: false, useSharedStrings: false })
  const sheet = wb.addWorksheet('Export')
  sheet.addRow(columns.map((c) => neutraliseCell(c.header))).commit()
  for (const r of rows) {
    sheet.addRow(r.map((v, i) => {
      const numeric = columns[i]?.numeric ?? false
      // Plain numbers in numeric columns become numbers, except values a number would corrupt (+44…, leading zeros).
      if (numeric && /^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(v)) return Number(v)
      return neutraliseCell(v, numeric)
    })).commit()
  }
  sheet.commit()
  await wb.commit()
}
