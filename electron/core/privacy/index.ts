/**
 * Privacy, built into the engine: erasure with suppression, subject access export, consent records,
 * the hash-chained audit log, PII masking with audited reveal, and encrypted backup/restore.
 */
export { appendAudit, auditHash, auditHead, canonicalJson, genesisHash, listAudit, verifyAudit, type AuditInput, type AuditRow, type AuditVerification } from './audit'
export { forgetPerson, type ForgetOptions, type ForgetResult } from './erase'
export { findPerson, type PersonTarget, type FoundPerson } from './find'
export { subjectExport, collectSubjectData, type SubjectExportResult } from './subject-export'
export { consentStatements, consentRecords, type ConsentStatement, type ConsentRecord } from './consent'
export { maskEmail, maskPhone, maskText, maskPii, revealPii, type PiiKind } from './masking'
export { backupWorkspace, restoreWorkspace, type BackupResult, type RestoreResult } from './backup'
export { addSuppressions, suppressionSecret, profileSuppressed } from './suppression'
