import type { identityChannels } from '../../../shared/api/channels/identity'
import type { HandlerMap } from '../../../shared/api/contract'
import type { WorkspaceAccess } from '../privacy/actor'
import { scoreHistogram } from './histogram'

/** `identity:histogram` and `identity:overlap`: read-only views of resolution for the home screen. */
export function identityHandlers(access: Pick<WorkspaceAccess, 'workspace'>): HandlerMap<keyof typeof identityChannels> {
  return {
    'identity:histogram': async ({ bins, thresholds }) => scoreHistogram(access.workspace(), { bins, ...(thresholds ? { thresholds } : {}) }),
    'identity:overlap': async () => {
      const db = access.workspace().sqlite
      const sources = db
        .prepare(`SELECT s.name, (SELECT count(*) FROM profile_sources ps WHERE ps.source_id = s.id) AS profiles,
          (SELECT count(*) FROM records r WHERE r.source_id = s.id) AS records FROM sources s ORDER BY s.name`)
        .all() as Array<{ name: string; profiles: number; records: number }>
      const pairs = db
        .prepare(`SELECT sa.name AS a, sb.name AS b, count(*) AS profiles FROM profile_sources x
          JOIN profile_sources y ON y.profile_id = x.profile_id AND y.source_id > x.source_id
          JOIN sources sa ON sa.id = x.source_id JOIN sources sb ON sb.id = y.source_id
          GROUP BY x.source_id, y.source_id ORDER BY profiles DESC`)
        .all() as Array<{ a: string; b: string; profiles: number }>
      return { sources, pairs }
    },
  }
}
