import type { Command } from 'commander'
import { refreshDirtyProfiles, searchProfiles } from '../../core/profiles'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'

/** `cdp search TEXT`: ranked profiles whose names, emails, phones or companies contain TEXT. */
export function registerSearch(program: Command): void {
  workspaceCommand(program.command('search <text>'))
    .description('find profiles by part of a name, email, phone or company')
    .option('--limit <n>', 'at most this many results', '20')
    .action(async (text: string, opts: WorkspaceOptions & { limit: string }) => {
      const limit = Number.parseInt(opts.limit, 10)
      const hits = await withWorkspace(opts, (ws) => {
        refreshDirtyProfiles(ws)
        return searchProfiles(ws, text, Number.isFinite(limit) ? limit : 20)
      })
      emit(opts, hits, () => (hits.length === 0 ? 'No profile matches.'
        : hits.map((h) => `${String(h.profileId).padStart(8)}  ${h.displayName ?? '-'}  ${h.email ?? ''}  ${h.phone ?? ''}  ${h.company ?? ''}`.trimEnd()).join('\n')))
    })
}
