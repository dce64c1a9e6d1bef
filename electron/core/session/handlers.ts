import { existsSync } from 'node:fs'
import type { appChannels, workspaceChannels } from '../../../shared/api/channels'
import type { HandlerMap } from '../../../shared/api/contract'
import { workspaceInfo } from '../db'
import type { ShellPlatform } from './platform'
import type { Session } from './session'

/** What the app- and workspace-level handlers work with. */
export interface SessionApi {
  session: Session
  platform: ShellPlatform
}

/** `app:*` and `files:*`: version, theme, choosing files (paths stay in the main process). */
export function appHandlers({ session, platform }: SessionApi): HandlerMap<keyof typeof appChannels> {
  return {
    'app:version': async () => ({ version: platform.version, shell: platform.shell }),
    'app:theme': async () => platform.theme(),
    'app:set-theme': async ({ preference }) => platform.setTheme(preference),
    'files:choose': async ({ purpose, suggestedName }) => {
      if (!platform.chooseFile) return { supported: false, file: null }
      const path = await platform.chooseFile(purpose, suggestedName)
      return { supported: true, file: path === null ? null : session.files.register(path) }
    },
    'files:take-opened': async () => session.inbox.take(),
    'files:from-path': async ({ path }) => {
      const file = session.files.registerTyped(path)
      return { file, exists: existsSync(session.files.path(file)) }
    },
  }
}

/** `workspace:*`: create, open, unlock, lock, info, passphrase, recent workspaces, auto-lock. */
export function workspaceHandlers({ session }: SessionApi): HandlerMap<keyof typeof workspaceChannels> {
  const files = session.files
  return {
    'workspace:status': async () => session.status(),
    'workspace:create': async ({ file, passphrase, remember }) => session.create(files.path(file), passphrase, remember),
    'workspace:open': async ({ file, passphrase, remember }) => session.open(files.path(file), passphrase, remember),
    'workspace:unlock': async ({ passphrase, remember }) => session.unlock(passphrase, remember ?? false),
    'workspace:lock': async () => session.lock('api'),
    'workspace:info': async () => workspaceInfo(session.workspace()),
    'workspace:change-passphrase': async ({ current, next }) => session.changePassphrase(current, next),
    'workspace:recent': async () => {
      return session.recents.list().map((r) => ({
        file: files.register(r.path),
        lastOpenedAt: r.lastOpenedAt,
        remembered: session.remembers(r.path),
        exists: existsSync(r.path),
      }))
    },
    'workspace:forget-device-key': async ({ file }) => ({ forgotten: session.forgetDeviceKey(files.path(file)) }),
    'workspace:set-auto-lock': async ({ minutes }) => session.setAutoLock(minutes),
  }
}

