import { existsSync, readFileSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Resolves a URL path to a file inside `root`, or undefined. Never leaves `root` (no `..`, no absolute
 * paths, no encoded tricks); paths without an extension fall back to index.html (client-side routes).
 */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const rel = normalize(decoded).replace(/^([/\\])+/, '')
  const full = join(root, rel)
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined
  if (existsSync(full) && statSync(full).isFile()) return full
  if (extname(rel) === '') {
    const index = join(root, 'index.html')
    return existsSync(index) ? index : undefined
  }
  return undefined
}

/** The Content-Type for a file of the built renderer. */
export function contentType(file: string): string {
  return types[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Sends a file with its content type; HTML is never cached (it is the page that holds the token). */
export function sendFile(res: ServerResponse, file: string, headers: Record<string, string>): void {
  const type = contentType(file)
  const body = readFileSync(file)
  res.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': type.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
  })
  res.end(body)
}

/** The page served when the renderer has not been built: says exactly what to run. */
export const notBuiltPage = `<!doctype html><meta charset="utf-8"><title>Tessera</title>
<p>The Tessera interface has not been built yet. Run <code>npm run build</code> (or start with <code>npm run serve</code>, which builds first), then reload.</p>`
