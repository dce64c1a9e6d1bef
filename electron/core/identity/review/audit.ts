/**
 * The review engine writes to the one audit log of the workspace: electron/core/privacy/audit.ts owns the
 * hash chain. Re-exported here so the review modules keep their import path.
 */
export { appendAudit, auditHash, canonicalJson, genesisHash, type AuditInput } from '../../privacy/audit'
