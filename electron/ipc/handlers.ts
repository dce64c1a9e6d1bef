import { importJobHandlers, jobHandlers } from '../core/jobs'
import { importWizardHandlers } from '../core/import/handlers'
import { appHandlers, workspaceHandlers, type SessionApi } from '../core/session'
import { exportHandlers } from '../core/activation/handlers'
import { reviewHandlers } from '../core/identity/review/handlers'
import { privacyHandlers } from '../core/privacy/handlers'
import { profileHandlers } from '../core/profiles/handlers'
import { identityHandlers } from '../core/identity/handlers'
import { settingsHandlers } from '../core/privacy/settings-handlers'
import { segmentHandlers } from '../core/segments/handlers'
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
    ...jobHandlers(api.session.jobs, api.session.files),
    ...importJobHandlers(api.session.jobs, api.session.files),
    ...importWizardHandlers({ workspace: () => api.session.workspace(), path: (f) => api.session.files.path(f) }),
    ...reviewHandlers(api.session),
    ...segmentHandlers(api.session),
    ...exportHandlers(api.session, api.session.files, api.session.jobs),
    ...settingsHandlers(api.session),
    ...privacyHandlers(api.session),
    ...profileHandlers(api.session),
    ...identityHandlers(api.session),
  } satisfies Handlers
}
