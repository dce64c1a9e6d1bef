import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { contentType, resolveStatic } from '../bridge/static'
import { appCsp, appScheme, type DevOrigin } from './security-policy'

/** Must run before `app.ready`: makes `app://` a standard, secure origin (so CSP 'self' and fetch work). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/**
 * Serves `app://tessera/…` from the built renderer folder, never from anywhere else. The files are read
 * here (not re-fetched as file:// URLs, which the request filter blocks) and carry the CSP header.
 */
export function serveRenderer(rendererDir: string, dev: DevOrigin): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveStatic(rendererDir, new URL(request.url).pathname)
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(await readFile(file), {
      headers: { 'content-type': contentType(file), 'content-security-policy': appCsp(dev), 'x-content-type-options': 'nosniff' },
    })
  })
}
