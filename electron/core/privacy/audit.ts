import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { createHash } from 'node:crypto'

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained, so an edited, removed
 * or reordered entry is detectable by `verifyAudit`. Each entry's hash is
 * sha256(prev_hash + canonical JSON of {at, actor, action, subject, details}) with keys sorted; the first
 * entry's prev_hash is 64 zeros. Details hold ids and counts, never personal data.
 */
export interface AuditInput {
  actor: string
  /** A dotted verb: import.done, review.approve, profile.split, export.write, privacy.erase, pii.reveal … */
  action: string
  subject?: string | null
  details?: Record<string, unknown>
}

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  subject: string | null
  details: string
  prev_hash: string
  hash: string
}

export interface AuditVerification {
  ok: boolean
  entries: number
  /** The first entry whose link does not hold, with why. */
  broken?: { id: number; reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'details-not-json' }
}

export const genesisHash = '0'.repeat(64)

/**
 * Appends one entry and returns its id. The caller owns the transaction, so an action and its audit entry
 * commit (or roll back) together. Never throws for valid input.
 */
export function appendAudit(db: SqliteDatabase, entry: AuditInput): number {
  const prev = (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? genesisHash
  const at = new Date().toISOString()
  const details = entry.details ?? {}
  const hash = auditHash(prev, { at, actor: entry.actor, action: entry.action, subject: entry.subject ?? null, details })
  return Number(db.prepare('INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(at, entry.actor, entry.action, entry.subject ?? null, canonicalJson(details), prev, hash).lastInsertRowid)
}

/** The chain link of one entry. */
export function auditHash(prevHash: string, entry: { at: string; actor: string; action: string; subject: string | null; details: unknown }): string {
  return createHash('sha256').update(prevHash + canonicalJson(entry)).digest('hex')
}

/** JSON with object keys sorted at every level, so equal entries always hash the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

/**
 * Walks the whole chain in id order and recomputes every link. Read-only; never throws for a broken
 * chain (it reports the first broken entry). An attacker who can also rewrite every later hash defeats
 * any self-contained chain; comparing the last hash with one noted elsewhere (`auditHead`) catches that.
 */
export function verifyAudit(db: SqliteDatabase): AuditVerification {
  let prev = genesisHash
  let entries = 0
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    entries++
    if (row.prev_hash !== prev) return { ok: false, entries, broken: { id: row.id, reason: 'prev-hash-mismatch' } }
    let details: unknown
    try {
      details = JSON.parse(row.details)
    } catch {
      return { ok: false, entries, broken: { id: row.id, reason: 'details-not-json' } }
    }
    const expected = auditHash(prev, { at: row.at, actor: row.actor, action: row.action, subject: row.subject, details })
    if (expected !== row.hash) return { ok: false, entries, broken: { id: row.id, reason: 'hash-mismatch' } }
    prev = row.hash
  }
  return { ok: true, entries }
}

/** The hash of the latest entry (genesis when empty): note it somewhere else to detect a rewritten tail. */
export function auditHead(db: SqliteDatabase): string {
  return (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? genesisHash
}

/** Entries newest first, optionally filtered by action prefix. */
export function listAudit(db: SqliteDatabase, opts: { limit?: number; action?: string } = {}): AuditRow[] {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 10_000)
  if (opts.action) {
    return db.prepare("SELECT * FROM audit_log WHERE action = ? OR action LIKE ? || '.%' ORDER BY id DESC LIMIT ?").all(opts.action, opts.action, limit) as AuditRow[]
  }
  return db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[]
}
