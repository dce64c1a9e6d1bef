import type { Command } from 'commander'
import { CdpError } from '../../../shared/api/errors'
import { forgetPerson, type PersonTarget } from '../../core/privacy'
import { refreshDirtyProfiles } from '../../core/profiles'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { actorOf, parseId } from './review'

/**
 * `cdp forget --email X | --phone X | --profile ID [--vacuum]`: erases one person and suppresses their
 * identifiers against re-import. The output names counts and ids only, never the person's data.
 */
interface ForgetCliOptions extends WorkspaceOptions {
  email?: string
  phone?: string
  country?: string
  profile?: string
  vacuum?: boolean
  actor?: string
}

/** Exactly one of --email, --phone, --profile. */
export function personTarget(opts: { email?: string; phone?: string; country?: string; profile?: string }): PersonTarget {
  const given = [opts.email, opts.phone, opts.profile].filter((v) => v !== undefined)
  if (given.length !== 1) throw new CdpError('InvalidInput', 'Name the person with exactly one of --email, --phone or --profile.')
  if (opts.email !== undefined) return { email: opts.email }
  if (opts.phone !== undefined) return { phone: opts.phone, ...(opts.country ? { country: opts.country } : {}) }
  return { profileId: parseId(opts.profile!, 'profile id') }
}

export function registerForget(program: Command): void {
  workspaceCommand(program.command('forget'))
    .description('erase a person (records, raw rows, events, identifiers, derived data, review items) and block re-import')
    .option('--email <address>', 'the person\'s email')
    .option('--phone <number>', 'the person\'s phone (with country code, or give --country)')
    .option('--country <code>', 'country for a national phone number (ISO alpha-2)')
    .option('--profile <id>', 'a profile id')
    .option('--vacuum', 'rebuild the database file afterwards (slower; leaves no free pages)')
    .option('--actor <name>', 'who erases (default: the OS user name)')
    .action(async (opts: ForgetCliOptions) => {
      const target = personTarget(opts)
      const r = await withWorkspace(opts, (ws) => {
        // Derived data must be current, so the profiles found are the ones the person is in now.
        refreshDirtyProfiles(ws)
        return forgetPerson(ws, target, { actor: actorOf(opts), vacuum: opts.vacuum })
      })
      emit(opts, r, () => [
        r.profiles.length === 0
          ? 'No data was held about that person; their identifier is now suppressed against future imports.'
          : `Erased profile(s) ${r.profiles.join(', ')}: ${r.records} record(s), ${r.events} event(s), ${r.rawRowsDeleted} raw row(s) deleted, ${r.rawRowsRedacted} redacted, ${r.reviewItems} review item(s).`,
        `${r.suppressed} identifier(s) added to the suppression list.${r.vacuumed ? ' Database rebuilt (VACUUM).' : ''}`,
        ...(r.exports.length > 0 ? [`They were in ${r.exports.length} earlier export(s): ${r.exports.map((e) => `#${e.id} ${e.preset} ${e.fileName}`).join('; ')} — tell those recipients.`] : []),
      ].join('\n'))
    })
}
