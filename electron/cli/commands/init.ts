import type { Command } from 'commander'
import { createWorkspace } from '../../core/db'
import { dbPath, emit, workspaceCommand, type WorkspaceOptions } from '../context'
import { readPassphrase } from '../passphrase'

export function registerInit(program: Command): void {
  workspaceCommand(program.command('init'))
    .description('create a new encrypted workspace')
    .action(async (opts: WorkspaceOptions) => {
      const path = dbPath(opts)
      const ws = createWorkspace(path, await readPassphrase({ confirm: true }))
      ws.close()
      emit(opts, { created: path }, () => `Created encrypted workspace ${path}`)
    })
}
