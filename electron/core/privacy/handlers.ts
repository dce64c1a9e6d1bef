import type { privacyChannels } from '../../../shared/api/channels/privacy'
import type { HandlerMap } from '../../../shared/api/contract'
import { localActor, type WorkspaceAccess } from './actor'
import { forgetPerson } from './erase'

/**
 * `privacy:forget`: erases one person (see erase.ts) in one transaction and tells every screen that
 * profiles, review and segments changed. Throws CdpError InvalidInput / NotFound.
 */
export function privacyHandlers(access: WorkspaceAccess): HandlerMap<keyof typeof privacyChannels> {
  return {
    'privacy:forget': async ({ target, vacuum }) => {
      const r = forgetPerson(access.workspace(), target, { actor: localActor(), vacuum })
      for (const scope of ['profiles', 'records', 'review', 'segments', 'privacy'] as const) access.changed(scope)
      return {
        profiles: r.profiles, records: r.records, events: r.events, rawRowsDeleted: r.rawRowsDeleted, rawRowsRedacted: r.rawRowsRedacted,
        suppressed: r.suppressed, exports: r.exports.map((e) => ({ id: e.id, at: e.at, preset: e.preset })),
      }
    },
  }
}
