import type { Command } from 'commander'
import { resolve } from '../../core/identity'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'

interface ResolveOptions extends WorkspaceOptions {
  full?: boolean
}

/** `cdp resolve`: resolves records into profiles; prints merged, queued and non-match counts and the time. */
export function registerResolve(program: Command): void {
  workspaceCommand(program.command('resolve'))
    .description('resolve records into profiles (incremental; --full rescores everything)')
    .option('--full', 'rescore every record and retrain the model, not only records not scored before')
    .action(async (opts: ResolveOptions) => {
      const r = await withWorkspace(opts, (ws) => resolve(ws, { full: opts.full === true }))
      emit(opts, r, () => [
        `merged ${r.merged}  queued for review ${r.queued}  non-matches ${r.nonMatches}`,
        `records ${r.records} (new ${r.newRecords})  candidate pairs ${r.candidatePairs}  comparisons ${r.comparisons}`,
        `time ${r.seconds.toFixed(2)} s`,
      ].join('\n'))
    })
}
