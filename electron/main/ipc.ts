import { ipcMain, type BrowserWindow } from 'electron'
import type { ApiServer } from '../ipc/api'
import { intentFor } from './os-files'
import { isAllowedSender, type DevOrigin } from './security-policy'
import type { Logger } from './logging'

/** The two IPC channels the preload uses: 'api' (invoke) and 'api:event' (push, main → renderer). */
export const invokeChannel = 'api'
export const eventChannel = 'api:event'
/** Paths of files dropped on the window, sent by the preload (which reads them; the page never does). */
export const droppedChannel = 'api:dropped'

/**
 * Connects the renderer to the router. Every message's sender frame is checked (the router refuses any
 * frame that is not the app's bundle); events go to the main window only.
 */
export function wireIpc(api: ApiServer, window: () => BrowserWindow | undefined, dev: DevOrigin, log: Logger): void {
  ipcMain.handle(invokeChannel, (event, channel: unknown, input: unknown) =>
    api.router.call(channel, input, { transport: 'ipc', frameUrl: event.senderFrame?.url ?? '' }),
  )
  ipcMain.on(droppedChannel, (event, paths: unknown) => {
    if (!isAllowedSender(event.senderFrame?.url, dev)) return log.warn('ignored dropped files from a foreign frame')
    if (!Array.isArray(paths)) return
    openFromOs(api, paths.filter((p): p is string => typeof p === 'string' && p.length > 0))
  })
  api.events.subscribe((name, payload) => {
    const win = window()
    if (win && !win.isDestroyed()) win.webContents.send(eventChannel, name, payload)
  })
}

/**
 * Files from outside (drop, dock, second launch): registered as refs and announced to the renderer. With
 * `early`, the window is not listening yet: they also wait in the session's inbox (`files:take-opened`).
 */
export function openFromOs(api: ApiServer, paths: readonly string[], early = false): void {
  if (paths.length === 0) return
  const workspaces = paths.filter((p) => intentFor(p) === 'open-workspace')
  const imports = paths.filter((p) => intentFor(p) === 'import')
  const batches = [
    { intent: 'open-workspace' as const, files: workspaces.slice(0, 1).map((p) => api.session.files.register(p)) },
    { intent: 'import' as const, files: imports.map((p) => api.session.files.register(p)) },
  ].filter((b) => b.files.length > 0)
  for (const b of batches) {
    if (early) api.session.inbox.put(b)
    else api.events.emit('files:opened', b)
  }
}
