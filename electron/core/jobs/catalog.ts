import { CdpError } from '../../../shared/api/errors'
import type { JobDefinition } from './define'
import { importJob } from './kinds/import.job'
import { selftestJob } from './kinds/selftest.job'

/**
 * Every job kind the app can run, for both the runner (to validate params before queueing) and the worker
 * (to find the code to run). Planned kinds, added here by their engines: resolve, trait-refresh, export,
 * backup.
 */
const definitions: readonly JobDefinition[] = [importJob, selftestJob]

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
