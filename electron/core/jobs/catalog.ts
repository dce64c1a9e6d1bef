import { CdpError } from '../../../shared/api/errors'
import type { JobDefinition } from './define'
import { backupJob } from './kinds/backup.job'
import { exportJob } from './kinds/export.job'
import { importJob } from './kinds/import.job'
import { refreshProfilesJob } from './kinds/refresh-profiles.job'
import { resolveJob } from './kinds/resolve.job'
import { selftestJob } from './kinds/selftest.job'

/**
 * Every job kind the app can run, for both the runner (to validate params before queueing) and the worker
 * (to find the code to run).
 */
const definitions: readonly JobDefinition[] = [importJob, resolveJob, refreshProfilesJob, exportJob, backupJob, selftestJob]

const byKind = new Map(definitions.map((d) => [d.kind, d]))

/** The definition of `kind`; throws CdpError('InvalidInput') for a kind nobody registered. */
export function jobDefinition(kind: string): JobDefinition {
  const def = byKind.get(kind)
  if (!def) throw new CdpError('InvalidInput', `There is no job of kind "${kind}". Known kinds: ${jobKinds().join(', ')}.`)
  return def
}

export function jobKinds(): string[] {
  return [...byKind.keys()].sort()
}
