import { existsSync, statSync } from 'node:fs'
import { extname, resolve } from 'node:path'

/**
 * Files handed to the app by the OS on the command line (a second launch, "Open with"): the arguments that
 * name existing files, never flags. `skip` drops the executable (and the app path in development).
 */
export function filesFromArgv(argv: readonly string[], cwd: string, skip: number): string[] {
  return argv
    .slice(skip)
    .filter((a) => !a.startsWith('-'))
    .map((a) => resolve(cwd, a))
    .filter((p) => existsSync(p) && statSync(p).isFile())
}

/** A workspace file opens; anything else starts the import wizard. */
export function intentFor(path: string): 'open-workspace' | 'import' {
  return extname(path).toLowerCase() === '.tdb' ? 'open-workspace' : 'import'
}
