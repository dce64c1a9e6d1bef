import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests. Browser specs drive the real app through the loopback bridge (`cdp serve`) in the
 * machine's Chromium (never a downloaded browser); the Electron smoke spec runs where an Electron binary
 * exists and reports itself skipped, with the reason, where it does not.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /.*\.(spec|e2e)\.ts$/,
  timeout: 90_000,
  // One at a time: each spec starts its own bridge and workspace, and CI machines have few cores.
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'electron', testMatch: /electron-smoke\.spec\.ts$/ },
    // UI specs: test/e2e/fixtures.ts gives each one its own workspace and bridge; 1280×800 is the target size.
    { name: 'chromium-bridge', testIgnore: /electron-smoke\.spec\.ts$/, use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } },
  ],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
})
