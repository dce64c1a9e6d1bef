import type { Command } from 'commander'
import { CdpError } from '../../shared/api/errors'
import { openWorkspace, Passphrase, type Workspace } from '../core/db'
import { readPassphrase } from './passphrase'

/** Options every workspace command takes. */
export interface WorkspaceOptions {
  db?: string
  json?: boolean
}

/** Adds the global `--db PATH` and `--json` options to a command. */
export function workspaceCommand(cmd: Command): Command {
  return cmd.option('--db <path>', 'workspace file (or set CDP_DB)').option('--json', 'machine-readable output on stdout')
}

export function dbPath(opts: WorkspaceOptions): string {
  const path = opts.db ?? process.env.CDP_DB
  if (!path) throw new CdpError('InvalidInput', 'No workspace given: pass --db PATH (or set CDP_DB).')
  return path
}

/** Opens the workspace for the duration of `fn`, and always closes it. */
export async function withWorkspace<T>(opts: WorkspaceOptions, fn: (ws: Workspace) => T | Promise<T>): Promise<T> {
  const path = dbPath(opts)
  const ws = openWorkspace(path, new Passphrase(await readPassphrase()))
  try {
    return await fn(ws)
  } finally {
    ws.close()
  }
}

/** Prints `data` as JSON with --json, else the human text. Results go to stdout; chatter to stderr. */
export function emit(opts: { json?: boolean }, data: unknown, human: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`)
}
