import type { Command } from 'commander'
import { backupWorkspace, restoreWorkspace } from '../../core/privacy'
import { dbPath, emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { readPassphrase } from '../passphrase'
import { actorOf } from './review'

/**
 * `cdp backup --db PATH --out FILE`: one encrypted backup file. `cdp restore --db PATH --from FILE`: the
 * backup is unlocked with the passphrase and integrity-checked before it replaces the workspace.
 */
export function registerBackup(program: Command): void {
  workspaceCommand(program.command('backup'))
    .description('write an encrypted backup of the workspace to one file')
    .requiredOption('--out <file>', 'backup file')
    .option('--actor <name>', 'who backs up (default: the OS user name)')
    .action(async (opts: WorkspaceOptions & { out: string; actor?: string }) => {
      const r = await withWorkspace(opts, (ws) => backupWorkspace(ws, opts.out, actorOf(opts)))
      emit(opts, r, () => `Backup written to ${r.file} (${r.bytes} bytes, sha256 ${r.sha256}).`)
    })
  workspaceCommand(program.command('restore'))
    .description('replace the workspace with a backup, after checking the backup opens and is intact')
    .requiredOption('--from <file>', 'backup file')
    .option('--actor <name>', 'who restores (default: the OS user name)')
    .action(async (opts: WorkspaceOptions & { from: string; actor?: string }) => {
      const path = dbPath(opts)
      const r = restoreWorkspace(path, opts.from, await readPassphrase(), actorOf(opts))
      emit(opts, r, () => `Restored ${r.path} from ${opts.from} (schema ${r.schemaVersion}${r.replaced ? ', previous workspace replaced' : ''}).`)
    })
}
