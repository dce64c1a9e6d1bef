import { app } from 'electron'
import { filesFromArgv } from './os-files'
import { registerAppScheme } from './protocol'
import { devOriginFrom } from './security-policy'
import { startShell, type DesktopShell } from './shell'

// The desktop app's entry. Kept short: security, IPC, menus, windows and dialogs live in their own modules.
const devUrl = process.env.ELECTRON_RENDERER_URL
const dev = devOriginFrom(devUrl)
const argvSkip = app.isPackaged ? 1 : 2
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  // Another Tessera is running: it receives our argv (files to open) through 'second-instance'.
  app.quit()
} else {
  let shell: DesktopShell | undefined
  const pending: string[] = filesFromArgv(process.argv, process.cwd(), argvSkip)

  // macOS: files dropped on the dock icon or opened with Tessera (may arrive before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (shell) shell.openFiles([path])
    else pending.push(path)
  })
  app.on('second-instance', (_e, argv, cwd) => {
    shell?.focus()
    shell?.openFiles(filesFromArgv(argv, cwd, argvSkip))
  })

  void app.whenReady().then(() => {
    shell = startShell(dev, devUrl)
    const s = shell
    s.openFiles(pending.splice(0), true)
    app.on('activate', () => s.focus())
  })

  let quitting = false
  app.on('before-quit', (event) => {
    // Lock first: jobs stop, the WAL is folded back, the key is wiped. Then quit for real.
    if (quitting || !shell) return
    event.preventDefault()
    quitting = true
    void shell.api.session.close().finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
