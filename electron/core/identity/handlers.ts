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
      // From records (always current), not the derived profile_sources, which waits for a profile refresh.
      const sources = db
        .prepare(`SELECT s.name, count(DISTINCT r.profile_id) AS profiles, count(r.id) AS records
          FROM sources s LEFT JOIN records r ON r.source_id = s.id GROUP BY s.id ORDER BY s.name`)
        .all() as Array<{ name: string; profiles: number; records: number }>
      const pairs = db
        .prepare(`WITH ps AS (SELECT DISTINCT profile_id, source_id FROM records)
          SELECT sa.name AS a, sb.name AS b, count(*) AS profiles FROM ps x
          JOIN ps y ON y.profile_id = x.profile_id AND y.source_id > x.source_id
          JOIN sources sa ON sa.id = x.source_id JOIN sources sb ON sb.id = y.source_id
          GROUP BY x.source_id, y.source_id ORDER BY profiles DESC`)
        .all() as Array<{ a: string; b: string; profiles: number }>
      return { sources, pairs }
    },
  }
}
