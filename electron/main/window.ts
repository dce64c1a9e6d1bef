import { BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import { appEntryUrl, windowOptions } from './security-policy'
import { loadWindowState, restoreBounds, saveWindowState } from './window-state'

/** Creates the main window where it was last (if that display is still there) and remembers where it goes. */
export function createMainWindow(stateFile: string, devUrl: string | undefined): BrowserWindow {
  const saved = loadWindowState(stateFile)
  const bounds = restoreBounds(saved, screen.getAllDisplays().map((d) => d.workArea))
  const options = windowOptions(join(__dirname, '../preload/index.js'), bounds)
  // The three essential flags are restated literally so a static checker (electronegativity) can see them;
  // the values are the policy's own (security-policy.ts, asserted by tests).
  const win = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  })
  if (saved?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    const b = win.getNormalBounds()
    saveWindowState(stateFile, { ...b, maximized: win.isMaximized() })
  })
  void win.loadURL(devUrl ?? appEntryUrl)
  return win
}
