import { migration0001 } from './0001-initial'
import { migration0003 } from './0003-match-runs'
import { migration0005 } from './0005-profiles-derived'
import type { Migration } from './types'

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration0001, migration0003, migration0005]
export type { Migration }
