import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveStatic } from '../bridge/static'
import { appScheme } from './security-policy'

/** Must run before `app.ready`: makes `app://` a standard, secure origin (so CSP 'self' and fetch work). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves `app://tessera/…` from the built renderer folder, never from anywhere else. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, (request) => {
    const file = resolveStatic(rendererDir, new URL(request.url).pathname)
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('Not found', { status: 404 })
  })
}
