import { migration0001 } from './0001-initial'
import { migration0002 } from './0002-import-event-keys'
import { migration0003 } from './0003-match-runs'
import { migration0005 } from './0005-profiles-derived'
import { migration0006 } from './0006-privacy-indexes'
import { migration0008 } from './0008-segment-facts'
import { migration0010 } from './0010-match-keys'
import { migration0011 } from './0011-segment-scan-indexes'
import { migration0014 } from './0014-event-epoch-index'
import { migration0015 } from './0015-resolver-lean-indexes'
import { migration0016 } from './0016-buyer-detail-records'
import type { Migration } from './types'

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0005, migration0006, migration0008, migration0010, migration0011, migration0014, migration0015,
  migration0016]
export type { Migration }
