import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { CdpError } from '../../../shared/api/errors'
import { startBridge } from '../../bridge'
import { headlessPlatform } from '../../core/session'
import { createApi } from '../../ipc/api'
import { appVersion } from '../version'

interface ServeOptions {
  db?: string
  port?: string
  open?: boolean
}

/** Where `npm run build` puts the renderer, from electron/cli/commands. */
export const rendererDir = join(__dirname, '..', '..', '..', 'out', 'renderer')

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run Tessera in your browser: serve the app on 127.0.0.1 with a one-time access token')
    .option('--db <path>', 'workspace file to unlock or create (or set CDP_DB)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--open', 'open the address in the default browser')
    .action(async (opts: ServeOptions) => serve(opts))
}

async function serve(opts: ServeOptions): Promise<void> {
  const port = parsePort(opts.port)
  const db = opts.db ?? process.env.CDP_DB
  const log = (level: string, message: string): void => {
    if (level !== 'info') process.stderr.write(`cdp serve: ${level}: ${message}\n`)
  }
  const api = createApi({ platform: headlessPlatform('bridge', appVersion), isAllowedSender: (c) => c.transport === 'bridge', log })
  if (db) {
    const path = resolve(db)
    api.session.select(path)
    // Automation: CDP_PASSPHRASE unlocks at start; otherwise the page shows the unlock (or create) screen.
    const passphrase = process.env.CDP_PASSPHRASE
    if (passphrase && existsSync(path)) await api.session.open(path, passphrase, false)
  }
  const bridge = await startBridge({
    router: api.router,
    subscribe: (l) => api.events.subscribe(l),
    registerFile: (p) => api.session.files.register(p),
    staticDir: rendererDir,
    port,
    log,
  })
  if (!existsSync(join(rendererDir, 'index.html'))) process.stderr.write('cdp serve: the interface is not built yet: run `npm run build` (the API works meanwhile).\n')
  process.stdout.write(`Tessera is running at ${bridge.url}\nOnly this computer can reach it, and only with that address (it carries a one-time token). Press Ctrl+C to stop.\n`)
  if (opts.open) openInBrowser(bridge.url)
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      void bridge
        .close()
        .then(() => api.session.close())
        .finally(done)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new CdpError('InvalidInput', `--port must be a number from 1 to 65535, not "${text}".`)
  return n
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]]
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true })
  child.on('error', () => process.stderr.write(`cdp serve: could not open a browser; open ${url} yourself.\n`))
  child.unref()
}
