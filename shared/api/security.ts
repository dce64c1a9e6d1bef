/**
 * The Content-Security-Policy every Tessera page runs under, in the desktop app (header + meta) and in the
 * browser bridge (header). Only the app's own bundle may run; it may talk only to itself (and, in the
 * bridge, to its own WebSocket). No inline scripts, no eval, no plugins, no framing, no form posts.
 *
 * @param wsOrigins WebSocket origins the page may connect to (the bridge's own `ws://127.0.0.1:PORT`).
 */
export function cspHeader(wsOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Component libraries set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...wsOrigins].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ')
}
