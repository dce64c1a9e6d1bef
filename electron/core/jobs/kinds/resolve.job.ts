import { z } from 'zod'
import { CdpError } from '../../../../shared/api/errors'
import { resolve, type ResolveResult } from '../../identity'
import { refreshDirtyProfiles } from '../../profiles'
import { defineJob } from '../define'
import { liveSignal, requireSucceeded } from './job-context-helpers'

/** What a resolve job returns: the engine's result, and what the profile refresh after it rebuilt. */
export type ResolveJobResult = ResolveResult & { refreshed: number | null; removed: number | null }

/**
 * Identity resolution in the background (`resolve` of core/identity), then the refresh of the profiles its
 * merges touched, so golden records, traits and segments show the new people without a main-thread
 * refresh on the next read.
 *
 * Progress: the engine's phases prepare → blocking → scoring → training → clustering → saving, then
 * refreshing → done. Cancellable until `saving`: the engine writes everything in one transaction (open from
 * scoring on) and rolls it back when cancelled before it commits. A cancel that arrives after that commit skips or stops
 * the refresh (rolled back whole; the next read refreshes lazily) and the job ends `done`, because the
 * merges are in.
 * `after`: the id of a job (an import) that must have succeeded first; otherwise this one ends cancelled.
 */
export const resolveJob = defineJob({
  kind: 'resolve',
  startFromApi: true,
  params: z.strictObject({
    full: z.boolean().default(false),
    refresh: z.boolean().default(true),
    after: z.string().min(1).optional(),
  }),
  async run(ctx, p): Promise<ResolveJobResult> {
    if (p.after !== undefined) await requireSucceeded(ctx, p.after)
    const result = await resolve(ctx.ws, {
      full: p.full,
      signal: liveSignal(ctx),
      onProgress: (pr) => ctx.progress(pr.phase, pr.done, pr.total),
    })
    let refreshed: number | null = null
    let removed: number | null = null
    if (p.refresh && !ctx.signal.aborted) {
      ctx.progress('refreshing', 0, null)
      try {
        const r = refreshDirtyProfiles(ctx.ws, { signal: liveSignal(ctx), onProgress: (done, total) => ctx.progress('refreshing', done, total) })
        refreshed = r.refreshed
        removed = r.removed
      } catch (e) {
        // The merges are committed; a refresh cancelled half-way rolled back and the next read redoes it.
        if (!(e instanceof CdpError && e.code === 'Cancelled')) throw e
      }
    }
    ctx.progress('done', 1, 1)
    return { ...result, refreshed, removed }
  },
})
