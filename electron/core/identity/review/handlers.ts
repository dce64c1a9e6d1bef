import type { reviewChannels } from '../../../../shared/api/channels/review'
import type { HandlerMap, Out } from '../../../../shared/api/contract'
import { localActor, type WorkspaceAccess } from '../../privacy/actor'
import { approve, decideBand, reject, skip } from './decisions'
import { countReviews, getReview, listReviews } from './queue'
import type { ReviewStatus } from '../../db'
import type { DecisionResult, ReviewDetail } from './types'
import { undo } from './undo'

const statuses: ReviewStatus[] = ['pending', 'approved', 'rejected', 'skipped']

/** The detail without lineage file names and raw evidence (the UI shows agreement and the waterfall). */
function detailView(d: ReviewDetail): Out<'review:get'> {
  const rec = (r: ReviewDetail['records'][number]): Out<'review:get'>['records'][number] =>
    ({ id: r.id, source: r.source, row: r.row, profileId: r.profileId, profileSize: r.profileSize })
  return {
    id: d.id, status: d.status, probability: d.probability, weight: d.weight, band: d.band,
    records: [rec(d.records[0]), rec(d.records[1])], sameProfile: d.sameProfile, agreement: d.agreement, waterfall: d.waterfall,
  }
}

/**
 * `review:*`: the merge review queue over the open workspace. Decisions are made by the local actor, take
 * effect in one transaction each, and announce `data:changed` for review and profiles. Engine errors
 * (NotFound, Conflict, InvalidInput) pass through as CdpErrors.
 */
export function reviewHandlers(access: WorkspaceAccess): HandlerMap<keyof typeof reviewChannels> {
  const decided = (r: DecisionResult): DecisionResult => {
    access.changed('review')
    access.changed('profiles')
    return r
  }
  return {
    'review:list': async ({ status, band, limit, offset }) => {
      const ws = access.workspace()
      const opts = { status, ...(band ? { band } : {}) }
      const items = listReviews(ws, { ...opts, limit, offset }).map(({ fileA: _a, fileB: _b, ...item }) => item)
      const counts = Object.fromEntries(statuses.map((s) => [s, countReviews(ws, { status: s, ...(band ? { band } : {}) })])) as Record<ReviewStatus, number>
      return { items, total: countReviews(ws, opts), counts }
    },
    'review:get': async ({ id }) => detailView(getReview(access.workspace(), id)),
    'review:approve': async ({ id }) => decided(approve(access.workspace(), id, { actor: localActor() })),
    'review:reject': async ({ id }) => decided(reject(access.workspace(), id, { actor: localActor() })),
    'review:skip': async ({ id }) => decided(skip(access.workspace(), id, { actor: localActor() })),
    'review:undo': async ({ id }) => {
      const r = undo(access.workspace(), { actor: localActor(), ...(id !== undefined ? { reviewId: id } : {}) })
      access.changed('review')
      access.changed('profiles')
      return { decision: r.decision, recordsMoved: r.recordsMoved, reviewIds: r.reviewIds }
    },
    'review:decide-band': async ({ min, max, decision }) => {
      const r = decideBand(access.workspace(), { min, max, decision, actor: localActor() })
      access.changed('review')
      access.changed('profiles')
      return r
    },
  }
}
