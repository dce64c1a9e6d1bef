import { contextBridge, ipcRenderer, webUtils } from 'electron'

// Exactly two functions cross into the page: invoke a contract channel, or listen to a push event.
// No ipcRenderer, no Node, no paths: the router validates everything that comes through.
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('api', String(channel), input),
  on: (event: string, handler: (payload: unknown) => void): (() => void) => {
    const name = String(event)
    const listener = (_e: unknown, sent: string, payload: unknown): void => {
      if (sent === name) handler(payload)
    }
    ipcRenderer.on('api:event', listener)
    return () => {
      ipcRenderer.off('api:event', listener)
    }
  },
})

// Files dropped on the window start the import wizard. Their paths are read here, in the isolated
// preload, and go straight to the main process, which answers with a 'files:opened' event of file refs:
// the page itself never sees a path.
window.addEventListener('dragover', (e) => e.preventDefault(), true)
window.addEventListener(
  'drop',
  (e) => {
    const files = Array.from(e.dataTransfer?.files ?? [])
    const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p.length > 0)
    if (paths.length) ipcRenderer.send('api:dropped', paths)
  },
  true,
)
