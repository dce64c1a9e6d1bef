import type { settingsChannels } from '../../../shared/api/channels/settings'
import type { HandlerMap } from '../../../shared/api/contract'
import { getThresholds, setThresholds } from '../identity'
import type { WorkspaceAccess } from './actor'
import { listAudit, verifyAudit } from './audit'

/**
 * `settings:*` and `audit:*`: match thresholds (they apply from the next resolution run) and the
 * hash-chained audit log with its verification. Throws CdpError InvalidInput on bad thresholds.
 */
export function settingsHandlers(access: WorkspaceAccess): HandlerMap<keyof typeof settingsChannels> {
  return {
    'settings:thresholds': async () => getThresholds(access.workspace()),
    'settings:set-thresholds': async (t) => {
      const saved = setThresholds(access.workspace(), t)
      access.changed('settings')
      return saved
    },
    'audit:list': async ({ limit, action }) => listAudit(access.workspace().sqlite, { limit, ...(action ? { action } : {}) })
      .map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: r.details, hash: r.hash })),
    'audit:verify': async () => verifyAudit(access.workspace().sqlite),
  }
}
