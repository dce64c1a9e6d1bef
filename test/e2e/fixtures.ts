import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

/** The passphrase of every e2e workspace (never a real one). */
export const e2ePassphrase = 'correct horse battery staple'
export const repoRoot = join(__dirname, '..', '..')
const bin = join(repoRoot, 'bin', 'cdp.js')

/** What a spec gets: an isolated workspace, the bridge serving it, and a page opened on the unlocked app. */
export interface Workspace {
  /** Temp folder holding the workspace (also the bridge's HOME, so typed paths resolve inside it). */
  dir: string
  /** The encrypted workspace file. */
  db: string
  /** The bridge's URL (carries the per-launch token). */
  url: string
  /** Runs the real `cdp` against this workspace; returns stdout (throws on a non-zero exit). */
  cdp(args: string[]): string
}

export interface WorkspaceOptions {
  /** Files (paths relative to the repo root) imported with `cdp import` before the bridge starts. */
  seedFiles: string[]
  /** Run `cdp resolve` after seeding, so profiles exist. */
  resolve: boolean
}

function runCdp(db: string, home: string, args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args, '--db', db], {
    env: { ...process.env, CDP_PASSPHRASE: e2ePassphrase, HOME: home },
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (r.status !== 0) throw new Error(`cdp ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

/** Starts `cdp serve` on a free port and resolves with the URL it prints. */
function startBridge(db: string, home: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db], {
    env: { ...process.env, CDP_PASSPHRASE: e2ePassphrase, HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`cdp serve did not start in 30 s: ${err}`)), 30_000)
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[0] })
      }
    })
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`cdp serve exited (${code}): ${err}`))
    })
  })
}

/**
 * The fixture every UI spec uses. `test.use({ seedFiles: [...], resolve: true })` seeds the workspace
 * through the real CLI; `page` is then opened on the bridge's URL with the workspace already unlocked
 * (CDP_PASSPHRASE), and `shot(name)` saves test/e2e/screenshots/<name>.png.
 */
export const test = base.extend<WorkspaceOptions & { workspace: Workspace; app: Page; shot(name: string): Promise<void> }>({
  seedFiles: [[], { option: true }],
  resolve: [false, { option: true }],
  workspace: async ({ seedFiles, resolve }, use) => {
    if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build')
    const dir = mkdtempSync(join(tmpdir(), 'tessera-e2e-'))
    const db = join(dir, 'workspace.tessera')
    runCdp(db, dir, ['init'])
    for (const f of seedFiles) runCdp(db, dir, ['import', join(repoRoot, f)])
    if (resolve) runCdp(db, dir, ['resolve'])
    const { child, url } = await startBridge(db, dir)
    try {
      await use({ dir, db, url, cdp: (args) => runCdp(db, dir, args) })
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
      rmSync(dir, { recursive: true, force: true })
    }
  },
  app: async ({ page, workspace }, use) => {
    await page.goto(workspace.url)
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
    await use(page)
  },
  shot: async ({ page }, use) => {
    await use(async (name) => {
      await page.screenshot({ path: join(__dirname, 'screenshots', `${name}.png`) })
    })
  },
})

export { expect }
