import type { Command } from 'commander'
import { CdpError } from '../../../shared/api/errors'
import { removeRecord, splitProfile, type SplitResult } from '../../core/identity/review'
import { emit, withWorkspace } from '../context'
import { actorOf, decisionCommand, parseId, type DecisionOptions } from './review'

/**
 * The `profile` command group, created on first use. Other modules add subcommands to it
 * (`profileCommand(program).command('show <id>')`), in any order relative to registerProfileCommands.
 */
export function profileCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'profile') ?? program.command('profile').description('look at and correct profiles')
}

const splitHelp = `
The moved records form one new profile; cannot-link decisions between them and the records left behind
keep every later run from merging them again. Undo with "cdp review undo".
JSON output (--json): { "profileId", "newProfiles": [ids], "decisions": count of cannot-links recorded }`

function splitText(r: SplitResult): string {
  return `Profile ${r.profileId} split: new profile(s) ${r.newProfiles.join(', ')}; ${r.decisions} cannot-link decision(s) recorded.`
}

function parseIdList(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim()).filter((s) => s !== '')
  if (parts.length === 0) throw new CdpError('InvalidInput', '--records needs a comma-separated list of record ids, e.g. --records 4,7.')
  return parts.map((p) => parseId(p, 'A record id'))
}

/** `cdp profile split` and `cdp profile remove-record`. */
export function registerProfileCommands(program: Command): void {
  const profile = profileCommand(program)
  decisionCommand(profile.command('split <profileId>'))
    .description('move records out of a profile together, into a new profile')
    .requiredOption('--records <ids>', 'comma-separated record ids to move out')
    .addHelpText('after', splitHelp)
    .action(async (id: string, opts: DecisionOptions & { records: string }) => {
      const profileId = parseId(id, 'The profile id')
      const records = parseIdList(opts.records)
      const r = await withWorkspace(opts, (ws) => splitProfile(ws, profileId, [records], { actor: actorOf(opts), reason: opts.reason ?? null }))
      emit(opts, r, () => splitText(r))
    })
  decisionCommand(profile.command('remove-record <recordId>'))
    .description('take one record out of its profile into a profile of its own')
    .addHelpText('after', splitHelp)
    .action(async (id: string, opts: DecisionOptions) => {
      const recordId = parseId(id, 'The record id')
      const r = await withWorkspace(opts, (ws) => removeRecord(ws, recordId, { actor: actorOf(opts), reason: opts.reason ?? null }))
      emit(opts, r, () => splitText(r))
    })
}
