import { userInfo } from 'node:os'
import type { EventPayload } from '../../../shared/api/events'
import type { Workspace } from '../db'

/**
 * What a domain's API handlers need from the app session: the open workspace (throws WorkspaceLocked when
 * none is) and a way to tell screens that data changed. `Session` satisfies it; tests may pass a stub.
 */
export interface WorkspaceAccess {
  workspace(): Workspace
  changed(scope: EventPayload<'data:changed'>['scope']): void
}

/**
 * Who acts through the app, for decisions and the audit log: the OS user name (the app runs on the
 * analyst's own machine), else the environment's, else 'analyst'. Never throws.
 */
export function localActor(): string {
  try {
    const name = userInfo().username
    if (name) return name
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers): fall back to the environment.
  }
  return process.env.USER ?? process.env.USERNAME ?? 'analyst'
}
