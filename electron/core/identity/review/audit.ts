import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { createHash } from 'node:crypto'

/**
 * A stand-in for the privacy module's `appendAudit` (electron/core/privacy/audit.ts, not built yet),
 * with the same signature so the switch is one import. Appends to the hash-chained audit_log:
 * hash = sha256(prev_hash + canonical JSON of {at, actor, action, subject, details}), keys sorted;
 * the first entry's prev_hash is 64 zeros. The caller owns the transaction, so a decision and its audit
 * entry commit together. Details must hold ids, never personal data.
 */
export interface AuditInput {
  actor: string
  action: string
  subject?: string | null
  details?: Record<string, unknown>
}

export const genesisHash = '0'.repeat(64)

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
