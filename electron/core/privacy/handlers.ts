import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { privacyChannels } from '../../../shared/api/channels/privacy'
import type { HandlerMap } from '../../../shared/api/contract'
import { localActor, type WorkspaceAccess } from './actor'
import { forgetPerson } from './erase'
import { subjectExport } from './subject-export'

/**
 * `privacy:forget`: erases one person (see erase.ts) in one transaction and tells every screen that
 * profiles, review and segments changed. `privacy:subject-export`: writes the person's data to a folder
 * private to this process (one sub-folder per request, files mode 0600) and hands back subject.json;
 * the engine audits the request. Throws CdpError InvalidInput / NotFound.
 */
export function privacyHandlers(access: WorkspaceAccess): HandlerMap<keyof typeof privacyChannels> {
  let dir: string | undefined
  let requests = 0
  return {
    'privacy:subject-export': async ({ profileId }) => {
      dir ??= mkdtempSync(join(tmpdir(), 'tessera-subject-'))
      const out = join(dir, `request-${++requests}`)
      const r = subjectExport(access.workspace(), { profileId }, out, localActor())
      access.changed('privacy')
      const day = new Date().toISOString().slice(0, 10)
      return {
        profiles: r.profiles, counts: r.counts, files: r.files, fileName: `subject-access-profile-${profileId}-${day}.json`,
        mime: 'application/json', base64: readFileSync(join(out, 'subject.json')).toString('base64'),
      }
    },
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
