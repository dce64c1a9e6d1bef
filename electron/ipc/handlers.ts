import { importJobHandlers, jobHandlers } from '../core/jobs'
import { appHandlers, workspaceHandlers, type SessionApi } from '../core/session'
import type { Handlers } from './router'

/**
 * Every channel's handler, from the domains that own them. Extension point: a domain adds its handler map
 * here (e.g. `...importHandlers(api)`) after adding its channels to shared/api/contract.ts; until both are
 * there the compiler refuses the build.
 */
export function createHandlers(api: SessionApi): Handlers {
  return {
    ...appHandlers(api),
    ...workspaceHandlers(api),
    ...jobHandlers(api.session.jobs),
    ...importJobHandlers(api.session.jobs, api.session.files),
  } satisfies Handlers
}
