import { app, type Session, type WebContents } from 'electron'
import { allowPermission, appCsp, isAllowedNavigation, isAllowedRequest, isAppUrl, type DevOrigin } from './security-policy'
import type { Logger } from './logging'

/**
 * Applies security-policy.ts to the app's session: every request outside the bundle is cancelled, every
 * response from the bundle carries the CSP header, every permission request is refused.
 */
export function secureSession(ses: Session, dev: DevOrigin, log: Logger): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, dev)
    if (!allowed) log.warn(`blocked a request to ${details.url.slice(0, 200)}`)
    callback({ cancel: !allowed })
  })
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders }
    if (isAppUrl(details.url, dev)) headers['Content-Security-Policy'] = [appCsp(dev)]
    callback({ responseHeaders: headers })
  })
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)))
  ses.setPermissionCheckHandler((_wc, permission) => allowPermission(permission))
  ses.setDevicePermissionHandler(() => false)
}

/** Every web contents (window, devtools, anything): no navigation away, no new windows, no webviews. */
export function secureAllWebContents(dev: DevOrigin, log: Logger): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, dev)) {
        event.preventDefault()
        log.warn(`blocked navigation to ${url.slice(0, 200)}`)
      }
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, dev)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      log.warn(`blocked window.open(${url.slice(0, 200)})`)
      return { action: 'deny' }
    })
  })
}
