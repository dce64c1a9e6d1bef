import type { settingsChannels } from '../../../shared/api/channels/settings'
import type { HandlerMap } from '../../../shared/api/contract'
import type { Out } from '../../../shared/api/contract'
import type { Workspace } from '../db'
import { getThresholds, setThresholds } from '../identity'
import { setWorkspaceDefaultCountry, workspaceDefaultCountry } from '../import'
import { attributeGroups, getSurvivorshipRules, ruleKinds, setSurvivorshipRules, type SurvivorshipRules } from '../profiles'
import type { WorkspaceAccess } from './actor'
import { listAudit, verifyAudit } from './audit'

function survivorshipView(ws: Workspace, rules: SurvivorshipRules): Out<'settings:survivorship'> {
  const sources = ws.sqlite.prepare("SELECT name FROM sources WHERE kind = 'person' ORDER BY name").pluck().all() as string[]
  const groups = (Object.keys(attributeGroups) as (keyof typeof attributeGroups)[])
    .map((group) => ({ group, fields: [...attributeGroups[group]], rule: rules[group] }))
  return { groups, ruleKinds: [...ruleKinds], sources }
}

/**
 * `settings:*` and `audit:*`: match thresholds (they apply from the next resolution run) and the
 * hash-chained audit log with its verification, survivorship rules and the import default country.
 * Throws CdpError InvalidInput on bad thresholds, rules or country codes.
 */
export function settingsHandlers(access: WorkspaceAccess): HandlerMap<keyof typeof settingsChannels> {
  return {
    'settings:thresholds': async () => getThresholds(access.workspace()),
    'settings:set-thresholds': async (t) => {
      const saved = setThresholds(access.workspace(), t)
      access.changed('settings')
      return saved
    },
    'settings:survivorship': async () => {
      const ws = access.workspace()
      return survivorshipView(ws, getSurvivorshipRules(ws))
    },
    'settings:set-survivorship': async ({ rules }) => {
      const ws = access.workspace()
      const saved = setSurvivorshipRules(ws, rules)
      access.changed('settings')
      return survivorshipView(ws, saved)
    },
    'settings:default-country': async () => ({ country: workspaceDefaultCountry(access.workspace()) }),
    'settings:set-default-country': async ({ country }) => {
      const saved = setWorkspaceDefaultCountry(access.workspace(), country)
      access.changed('settings')
      return { country: saved }
    },
    'audit:list': async ({ limit, action }) => listAudit(access.workspace().sqlite, { limit, ...(action ? { action } : {}) })
      .map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: r.details, hash: r.hash })),
    'audit:verify': async () => verifyAudit(access.workspace().sqlite),
  }
}
