import { Command, CommanderError } from 'commander'
import { isCdpError } from '../../shared/api/errors'
import { registerInfo } from './commands/info'
import { registerInit } from './commands/init'
import { registerReview } from './commands/review'
import { registerExplain } from './commands/explain'
import { registerProfileCommands } from './commands/profile'
import { registerImport } from './commands/import'
import { registerLinks } from './commands/links'
import { registerServe } from './commands/serve'
import { registerProfiles } from './commands/profiles'
import { registerSearch } from './commands/search'
import { registerSegment } from './commands/segment'
import { registerResolve } from './commands/resolve'
import { registerExport } from './commands/export'
import { registerForget } from './commands/forget'
import { registerSubjectExport } from './commands/subject-export'
import { registerAudit } from './commands/audit'
import { registerBackup } from './commands/backup'
import { appVersion } from './version'

/**
 * `cdp`: the command-line shell over the engine. Exit codes: 0 success, 1 a failure with a one-line
 * message on stderr, 2 a usage error.
 */
export function buildProgram(): Command {
  const program = new Command('cdp')
    .description('Tessera customer data platform, from the command line')
    .version(appVersion)
    .showHelpAfterError()
    .exitOverride()
  registerInit(program)
  registerInfo(program)
  registerReview(program)
  registerExplain(program)
  registerProfileCommands(program)
  registerImport(program)
  registerLinks(program)
  registerServe(program)
  registerProfiles(program)
  registerSearch(program)
  registerSegment(program)
  registerResolve(program)
  registerExport(program)
  registerForget(program)
  registerSubjectExport(program)
  registerAudit(program)
  registerBackup(program)
  return program
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv)
    return 0
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      return e.exitCode === 0 ? 0 : 2
    }
    if (isCdpError(e)) {
      process.stderr.write(`cdp: ${e.message}\n`)
      return 1
    }
    process.stderr.write(`cdp: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return 1
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code
})
