/** The loopback bridge: the renderer and the same API contract, served to a browser on 127.0.0.1. */
export { startBridge, type Bridge, type BridgeOptions } from './server'
export { allowedHosts, isAllowedHost, isAllowedOrigin, tokenMatches, tokenHeader } from './guards'
export { resolveStatic } from './static'
