import { app, BrowserWindow, Menu, nativeTheme, safeStorage, session, shell } from 'electron'
import { join } from 'node:path'
import { JsonRecentStore } from '../core/session'
import { createApi, type ApiServer } from '../ipc/api'
import { SafeStorageKeyStore } from './device-keys'
import { openFromOs, wireIpc } from './ipc'
import { fileLogger, type Logger } from './logging'
import { menuTemplate } from './menu'
import { electronPlatform } from './platform'
import { PreferencesFile } from './preferences'
import { serveRenderer } from './protocol'
import { secureAllWebContents, secureSession } from './security'
import { isAllowedSender, type DevOrigin } from './security-policy'
import { createMainWindow } from './window'

/** The running desktop app: one API (session, router, events), one main window. */
export interface DesktopShell {
  api: ApiServer
  log: Logger
  window(): BrowserWindow | undefined
  focus(): void
  /** `early`: before the window listens (launch by opening a file); the renderer takes them at start-up. */
  openFiles(paths: readonly string[], early?: boolean): void
}

/** Builds everything once Electron is ready. App data lives in `app.getPath('userData')`. */
export function startShell(dev: DevOrigin, devUrl: string | undefined): DesktopShell {
  const userData = app.getPath('userData')
  const logsDir = join(userData, 'logs')
  const log = fileLogger(logsDir)
  let win: BrowserWindow | undefined
  const window = (): BrowserWindow | undefined => (win && !win.isDestroyed() ? win : undefined)

  secureSession(session.defaultSession, dev, log)
  secureAllWebContents(dev, log)
  serveRenderer(join(__dirname, '../renderer'), dev)

  // A Linux desktop without a secret service makes safeStorage use a hard-coded password: do not offer
  // "remember on this device" there.
  const weakKeychain = (): boolean => process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
  const prefs = new PreferencesFile(join(userData, 'preferences.json'))
  nativeTheme.themeSource = prefs.get().theme
  const api = createApi({
    platform: electronPlatform(app.getVersion(), window, (theme) => prefs.set({ theme })),
    isAllowedSender: (c) => c.transport === 'ipc' && isAllowedSender(c.frameUrl, dev),
    session: {
      deviceKeys: new SafeStorageKeyStore(safeStorage, join(userData, 'device-keys.json'), weakKeychain),
      recents: new JsonRecentStore(join(userData, 'recent-workspaces.json')),
      autoLockMinutes: prefs.get().autoLockMinutes,
      onAutoLockChange: (minutes) => prefs.set({ autoLockMinutes: minutes }),
    },
    log: (level, message) => log[level](message),
  })
  wireIpc(api, window, dev, log)

  const rebuildMenu = (): void => {
    const recent = api.session.recents.list().map((r) => ({ path: r.path, name: api.session.files.register(r.path).name }))
    const template = menuTemplate(
      {
        command: (command) => (command === 'lock' ? void api.session.lock('menu') : api.events.emit('menu:command', { command })),
        openRecent: (path) => openFromOs(api, [path]),
        openLogsFolder: () => void shell.openPath(logsDir),
      },
      { isMac: process.platform === 'darwin', recent },
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  rebuildMenu()
  api.events.subscribe((event, payload) => {
    if (event === 'data:changed' && (payload as { scope: string }).scope === 'workspace') rebuildMenu()
  })
  nativeTheme.on('updated', () => api.events.emit('theme:changed', { effective: nativeTheme.shouldUseDarkColors ? 'dark' : 'light' }))

  win = createMainWindow(join(userData, 'window-state.json'), devUrl)
  return {
    api,
    log,
    window,
    focus() {
      const w = window() ?? (win = createMainWindow(join(userData, 'window-state.json'), devUrl))
      if (w.isMinimized()) w.restore()
      w.focus()
    },
    openFiles: (paths, early) => openFromOs(api, paths, early),
  }
}
