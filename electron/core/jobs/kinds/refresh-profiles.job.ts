import { z } from 'zod'
import { refreshAllProfiles, refreshDirtyProfiles, type RefreshResult } from '../../profiles'
import { defineJob } from '../define'
import { requireSucceeded } from './job-context-helpers'

/**
 * Trait refresh in the background: rebuilds the derived data (golden values, summary, traits, search row)
 * of the profiles touched since the last refresh, or of every profile with `all` (after a survivorship
 * change). Runs the engine's own functions, each one transaction: all or nothing.
 *
 * Progress: refreshing (0 of 1, then 1 of 1) → done. The profiles engine takes no signal and reports no
 * progress inside its transaction, so a cancel is honoured only before it starts.
 * `after`: the id of a job (an import) that must have succeeded first; otherwise this one ends cancelled.
 */
export const refreshProfilesJob = defineJob({
  kind: 'refresh-profiles',
  startFromApi: true,
  params: z.strictObject({
    all: z.boolean().default(false),
    after: z.string().min(1).optional(),
  }),
  async run(ctx, p): Promise<RefreshResult & { all: boolean }> {
    if (p.after !== undefined) await requireSucceeded(ctx, p.after)
    ctx.progress('refreshing', 0, 1)
    ctx.throwIfCancelled()
    const r = p.all ? refreshAllProfiles(ctx.ws) : refreshDirtyProfiles(ctx.ws)
    ctx.progress('done', 1, 1)
    return { refreshed: r.refreshed, removed: r.removed, all: p.all }
  },
})
