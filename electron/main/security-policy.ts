import type { BrowserWindowConstructorOptions } from 'electron'
import { cspHeader } from '../../shared/api/security'

/**
 * The desktop app's security rules as plain data and pure functions, so tests assert them without
 * Electron. security.ts applies them to the real session and web contents.
 *
 * The renderer is served from a privileged custom scheme (`app://tessera/…`), never from file://: the
 * origin is then stable, 'self' in the CSP means exactly the bundle, and no other local file is reachable.
 */
export const appScheme = 'app'
export const appOrigin = 'app://tessera'
export const appEntryUrl = `${appOrigin}/index.html`

/** The dev server's origin while `electron-vite dev` runs (ELECTRON_RENDERER_URL), else undefined. */
export type DevOrigin = string | undefined

export function devOriginFrom(rendererUrl: string | undefined): DevOrigin {
  if (!rendererUrl) return undefined
  const u = new URL(rendererUrl)
  // Only a dev server on this machine is ever trusted.
  return u.hostname === 'localhost' || u.hostname === '127.0.0.1' ? u.origin : undefined
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url)
    return u.protocol === `${appScheme}:` ? `${u.protocol}//${u.host}` : u.origin
  } catch {
    return undefined
  }
}

/** True for a URL of the app's own bundle (or of the local dev server in development). */
export function isAppUrl(url: string, dev: DevOrigin = undefined): boolean {
  const o = originOf(url)
  return o !== undefined && (o === appOrigin || (dev !== undefined && o === dev))
}

/** Navigation never leaves the app: only a reload of the bundle itself is allowed. */
export function isAllowedNavigation(url: string, dev: DevOrigin = undefined): boolean {
  return isAppUrl(url, dev)
}

/**
 * Every network request the renderer makes passes here: the bundle, inline data/blob URLs the CSP already
 * governs, and devtools are allowed; everything else (http, https, ws, file, ftp…) is cancelled.
 */
export function isAllowedRequest(url: string, dev: DevOrigin = undefined): boolean {
  if (isAppUrl(url, dev)) return true
  if (dev && /^ws:\/\/(localhost|127\.0\.0\.1):\d+\//.test(url) && new URL(url).port === new URL(dev).port) return true
  return url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools://')
}

/** An IPC message is served only when it comes from a frame showing the app's own bundle. */
export function isAllowedSender(frameUrl: string | undefined, dev: DevOrigin = undefined): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, dev)
}

/** The renderer asks for nothing: camera, microphone, notifications, geolocation… are all refused. */
export function allowPermission(_permission: string): boolean {
  return false
}

/** The CSP header for the app. In development the Vite client needs its inline preamble and HMR socket. */
export function appCsp(dev: DevOrigin = undefined): string {
  if (!dev) return cspHeader()
  const ws = dev.replace(/^http/, 'ws')
  return cspHeader([dev, ws]).replace("script-src 'self'", `script-src 'self' 'unsafe-inline' ${dev}`)
}

/** The main window's options: isolated, sandboxed, no Node, no remote content features. */
export function windowOptions(preloadPath: string, bounds: { width: number; height: number; x?: number; y?: number }): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Tessera',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click opens links in new windows; those are denied anyway, but do not even offer it.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    },
  }
}
