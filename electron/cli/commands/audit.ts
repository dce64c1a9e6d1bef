import type { Command } from 'commander'
import { CdpError } from '../../../shared/api/errors'
import { listAudit, verifyAudit } from '../../core/privacy'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'

/** `cdp audit verify` checks the hash chain (exit 1 when broken); `cdp audit list` shows the latest entries. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log')
  workspaceCommand(audit.command('verify'))
    .description('recompute the hash chain; fails on an edited, removed or reordered entry')
    .action(async (opts: WorkspaceOptions) => {
      const r = await withWorkspace(opts, (ws) => verifyAudit(ws.sqlite))
      emit(opts, r, () => (r.ok
        ? `Audit log intact: ${r.entries} entr${r.entries === 1 ? 'y' : 'ies'}, chain verified.`
        : `Audit log BROKEN at entry ${r.broken!.id} (${r.broken!.reason}): it was changed after it was written.`))
      // main() sets the exit code from what the action throws: a broken chain is a failure (exit 1).
      if (!r.ok) throw new CdpError('WorkspaceCorrupt', `audit verification failed at entry ${r.broken!.id}.`)
    })
  workspaceCommand(audit.command('list'))
    .description('latest audit entries, newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--action <prefix>', 'only this action (or prefix, e.g. privacy)')
    .action(async (opts: WorkspaceOptions & { limit: string; action?: string }) => {
      const rows = await withWorkspace(opts, (ws) => listAudit(ws.sqlite, { limit: Number(opts.limit) || 50, action: opts.action }))
      emit(opts, rows, () => rows.map((r) => `#${r.id} ${r.at} ${r.actor} ${r.action}${r.subject ? ` ${r.subject}` : ''} ${r.details}`).join('\n') || '(empty)')
    })
}
