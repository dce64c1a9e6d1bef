import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Main and preload stay CommonJS: a sandboxed preload cannot load an .mjs file.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Every worker thread has its own bundled entry, named as spawnWorker() is asked for it (a test checks
        // that each name used in electron/core has an entry here): job-worker runs background jobs,
        // identity-score-worker the resolver's scoring, identity-cluster-worker its clustering,
        // import-parse-worker an import's parsing and normalising, segment-count-worker the second half of a
        // live segment count.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'), 'job-worker': resolve(__dirname, 'electron/core/jobs/worker.ts'),
          'identity-score-worker': resolve(__dirname, 'electron/core/identity/score-worker.ts'),
          'identity-cluster-worker': resolve(__dirname, 'electron/core/identity/cluster-worker.ts'),
          'import-parse-worker': resolve(__dirname, 'electron/core/import/pipeline/parse-worker.ts'),
          'segment-count-worker': resolve(__dirname, 'electron/core/segments/count-worker.ts'),
        },
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
})
