import { contextBridge, ipcRenderer } from 'electron'

// Exactly two functions cross into the renderer: invoke a contract channel, or listen to a push event.
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('api', channel, input),
  on: (event: string, handler: (payload: unknown) => void): (() => void) => {
    const listener = (_e: unknown, name: string, payload: unknown): void => {
      if (name === event) handler(payload)
    }
    ipcRenderer.on('api:event', listener)
    return () => ipcRenderer.off('api:event', listener)
  },
})
