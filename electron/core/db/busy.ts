import { CdpError } from '../../../shared/api/errors'

/** Busy timeout of every workspace connection, ms. */
export const BUSY_TIMEOUT_MS = 5000

/** Whether better-sqlite3 threw because another connection holds a lock it needed (SQLITE_BUSY or a variant). */
export function isSqliteBusy(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && String(e.code).startsWith('SQLITE_BUSY')
}

/**
 * The error for opening a workspace that another process holds for a write with a rollback journal (see
 * writePagesOnce): the busy timeout ran out before that write finished.
 */
export function workspaceBusy(path: string): CdpError {
  return new CdpError('Conflict',
    `${path} is busy: another process is writing to it (an import or identity resolution from the command line). Try again when it has finished.`)
}
