import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')
const mainEntry = join(root, 'out', 'main', 'index.js')
const fixture = join(root, 'test', 'fixtures', 'presets', 'shopify-customers-v2.csv')

/**
 * The Electron binary's path, or why there is none. Read the way the electron package does, but without
 * requiring it: `require('electron')` starts a download when the binary is missing, and tests never
 * touch the network.
 */
function electronBinary(): { path?: string; reason?: string } {
  const pkg = join(root, 'node_modules', 'electron')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile) && !override) return { reason: 'node_modules/electron has not downloaded its binary (no path.txt)' }
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const path = override ? join(override, name) : join(pkg, 'dist', name)
  return existsSync(path) ? { path } : { reason: `${path} is missing` }
}

const binary = electronBinary()
const skipReason = `No Electron binary on this machine (${binary.reason ?? ''}). Run \`npm start\` once with a network connection to fetch it; the browser specs cover the UI through the bridge.`
// The list reporter shows "skipped" without a reason: say it where a person reading the log sees it.
if (!binary.path) process.stderr.write(`electron-smoke: skipped: ${skipReason}\n`)

test.describe('desktop app smoke', () => {
  test.skip(!binary.path, skipReason)

  test('the window opens, a workspace is created, locked, unlocked, and a small file imports', async () => {
    expect(existsSync(mainEntry), 'run `npm run build` first').toBe(true)
    const home = mkdtempSync(join(tmpdir(), 'tessera-e2e-'))
    const app = await electron.launch({
      executablePath: binary.path!,
      args: [mainEntry],
      // A fresh per-user data folder: recent workspaces, window state and device keys start empty.
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: join(home, 'AppData') },
    })
    try {
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
      expect(page.url()).toMatch(/^app:\/\/tessera\//)
      // window.open is denied, and no second window appears.
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true)
      expect(app.windows()).toHaveLength(1)
      // The page sees exactly the two functions the preload exposes, and no Node.
      expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(['invoke', 'on'])
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')

      const call = (channel: string, input: unknown) =>
        page.evaluate(
          async ([c, i]) => (window as unknown as { api: { invoke(c: string, i: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }> } }).api.invoke(c as string, i),
          [channel, input] as const,
        )
      const wsFile = (await call('files:from-path', { path: join(home, 'smoke.tdb'), purpose: 'workspace-create' })) as { data: { file: unknown } }
      expect(await call('workspace:create', { file: wsFile.data.file, passphrase: 'smoke test passphrase' })).toMatchObject({ ok: true, data: { state: 'open' } })
      expect(await call('workspace:lock', {})).toMatchObject({ ok: true, data: { state: 'locked' } })
      expect(await call('workspace:unlock', { passphrase: 'smoke test passphrase' })).toMatchObject({ ok: true, data: { state: 'open' } })
      const csv = (await call('files:from-path', { path: fixture, purpose: 'import' })) as { data: { file: unknown } }
      const started = (await call('import:start', { file: csv.data.file })) as { ok: boolean; data: { jobId: string } }
      expect(started.ok).toBe(true)
      await expect
        .poll(async () => ((await call('jobs:get', { jobId: started.data.jobId })) as { data: { status: string } }).data.status, { timeout: 30_000 })
        .toBe('done')
      const info = (await call('workspace:info', {})) as { data: { counts: { records: number } } }
      expect(info.data.counts.records).toBeGreaterThan(0)
      await page.screenshot({ path: join(root, 'test-results', 'electron-smoke.png') })
    } finally {
      await app.close()
      rmSync(home, { recursive: true, force: true })
    }
  })
})
