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

/** Files from outside (drop, dock, second launch): registered as refs and announced to the renderer. */
export function openFromOs(api: ApiServer, paths: readonly string[]): void {
  if (paths.length === 0) return
  const workspaces = paths.filter((p) => intentFor(p) === 'open-workspace')
  const imports = paths.filter((p) => intentFor(p) === 'import')
  if (workspaces.length) api.events.emit('files:opened', { intent: 'open-workspace', files: workspaces.slice(0, 1).map((p) => api.session.files.register(p)) })
  if (imports.length) api.events.emit('files:opened', { intent: 'import', files: imports.map((p) => api.session.files.register(p)) })
}
