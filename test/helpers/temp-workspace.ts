import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkspace, type Workspace } from '../../electron/core/db'

/** Cheap scrypt parameters so a suite can create many workspaces; one test keeps the real defaults. */
export const testKdf = { log2N: 12, r: 8, p: 1 } as const
export const testPassphrase = 'correct horse battery staple'

export interface TempDir {
  readonly dir: string
  file(name: string): string
  /** Writes `lines` (each ended by a newline) to a file of that name in the folder; returns its path. */
  lines(name: string, lines: readonly string[]): string
  remove(): void
}

export function tempDir(prefix = 'tessera-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const file = (name: string): string => join(dir, name)
  return {
    dir, file, remove: () => rmSync(dir, { recursive: true, force: true }),
    lines: (name, lines) => {
      writeFileSync(file(name), `${lines.join('\n')}\n`)
      return file(name)
    },
  }
}

/** A real encrypted workspace file in a fresh temp folder. Call `dispose` in afterEach. */
export function tempWorkspace(): { ws: Workspace; path: string; tmp: TempDir; dispose(): void } {
  const tmp = tempDir()
  const path = tmp.file('workspace.tdb')
  const ws = createWorkspace(path, testPassphrase, { kdf: testKdf })
  return {
    ws,
    path,
    tmp,
    dispose() {
      ws.close()
      tmp.remove()
    },
  }
}
