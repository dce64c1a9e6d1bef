/**
 * Stable error codes. They cross every boundary (IPC, bridge, CLI exit messages), so a code is never
 * renamed or reused: add new ones at the end.
 */
export const errorCodes = [
  'WrongPassphrase',
  'WorkspaceNotFound',
  'WorkspaceExists',
  'WorkspaceTooNew',
  'WorkspaceCorrupt',
  'WorkspaceLocked',
  'InvalidInput',
  'NotFound',
  'Conflict',
  'Cancelled',
  'UnsupportedFile',
  'Suppressed',
  'Internal',
  /** A caller the API does not serve: an unknown frame, a page that is not the app's own. */
  'Forbidden',
] as const

export type ErrorCode = (typeof errorCodes)[number]

/**
 * An error a person can act on: `message` is one line that says what went wrong and what to do.
 * Anything that is not a CdpError is a bug and surfaces as `Internal`.
 */
export class CdpError extends Error {
  override readonly name = 'CdpError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const isCdpError = (e: unknown): e is CdpError => e instanceof CdpError

export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } }

/** Turns anything thrown into the error half of a Result, never leaking a stack to the other side. */
export function toErrorResult(e: unknown): { ok: false; error: { code: ErrorCode; message: string } } {
  if (isCdpError(e)) return { ok: false, error: { code: e.code, message: e.message } }
  const message = e instanceof Error ? e.message : String(e)
  return { ok: false, error: { code: 'Internal', message: `Unexpected error: ${message}` } }
}
