import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : []
  })
}

/**
 * In the desktop build a worker thread can only start from an entry electron-vite bundled under the name
 * spawnWorker() asks for; a missing entry does not fail the build: the engine falls back to its own thread
 * (an import without its parse worker) or fails at run time. So each call's name is checked against the config.
 */
describe('worker thread entries of the desktop build', () => {
  it('bundles every worker spawnWorker() starts, from the source file it names', () => {
    const config = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')
    const calls = sources(join(root, 'electron')).flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      return [...text.matchAll(/spawnWorker\(\s*join\(__dirname,\s*'([^']+)'\),\s*'([^']+)\.js'/g)]
        .map((m) => ({ file: relative(root, file), source: join(relative(root, join(file, '..')), m[1]!), entry: m[2]! }))
    })
    expect(calls.map((c) => c.entry).sort()).toEqual(['identity-cluster-worker', 'identity-score-worker', 'import-parse-worker', 'job-worker', 'segment-count-worker'])
    for (const c of calls) {
      expect(config, `${c.file} starts ${c.entry}`).toContain(`'${c.entry}': resolve(__dirname, '${c.source}')`)
    }
  })
})
