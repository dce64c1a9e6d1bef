import type { Command } from 'commander'
import { subjectExport } from '../../core/privacy'
import { refreshDirtyProfiles } from '../../core/profiles'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { personTarget } from './forget'
import { actorOf } from './review'

/** `cdp subject-export --email X --out DIR`: everything held about one person, as JSON and CSV per table. */
export function registerSubjectExport(program: Command): void {
  workspaceCommand(program.command('subject-export'))
    .description('write everything held about one person (subject access request) to a folder')
    .option('--email <address>', 'the person\'s email')
    .option('--phone <number>', 'the person\'s phone')
    .option('--country <code>', 'country for a national phone number')
    .option('--profile <id>', 'a profile id')
    .requiredOption('--out <dir>', 'output folder (created if needed)')
    .option('--actor <name>', 'who answers the request (default: the OS user name)')
    .action(async (opts: WorkspaceOptions & { email?: string; phone?: string; country?: string; profile?: string; out: string; actor?: string }) => {
      const target = personTarget(opts)
      const r = await withWorkspace(opts, (ws) => {
        refreshDirtyProfiles(ws)
        return subjectExport(ws, target, opts.out, actorOf(opts))
      })
      emit(opts, r, () => `Wrote ${r.files.length} file(s) to ${r.dir} for profile(s) ${r.profiles.join(', ')}: ${Object.entries(r.counts).map(([k, n]) => `${k} ${n}`).join(', ')}.`)
    })
}
