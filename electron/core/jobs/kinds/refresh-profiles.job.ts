import { z } from 'zod'
import { refreshAllProfiles, refreshDirtyProfiles, type RefreshResult } from '../../profiles'
import { defineJob } from '../define'
import { liveSignal, requireSucceeded } from './job-context-helpers'

/**
 * Trait refresh in the background: rebuilds the derived data (golden values, summary, traits, search row)
 * of the profiles touched since the last refresh, or of every profile with `all` (after a survivorship
 * change). Runs the engine's own functions, each one transaction: all or nothing.
 *
 * Progress: refreshing (profiles done of the total, batch by batch) → done. A cancel is honoured between
 * batches and rolls the whole refresh back.
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
    ctx.progress('refreshing', 0, null)
    ctx.throwIfCancelled()
    const opts = { signal: liveSignal(ctx), onProgress: (done: number, total: number) => ctx.progress('refreshing', done, total) }
    const r = p.all ? refreshAllProfiles(ctx.ws, opts) : refreshDirtyProfiles(ctx.ws, opts)
    ctx.progress('done', 1, 1)
    return { refreshed: r.refreshed, removed: r.removed, all: p.all }
  },
})
