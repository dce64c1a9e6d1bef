import { basename, resolve } from 'node:path'
import { z } from 'zod'
import { backupWorkspace } from '../../privacy'
import { localActor } from '../../privacy/actor'
import { defineJob } from '../define'
import { hidingPath } from './job-context-helpers'

/**
 * Backs the open workspace up to one encrypted file in the background (`backupWorkspace` of
 * core/privacy: a consistent `VACUUM INTO` snapshot under the same key, written to a temp name and
 * renamed, audited). `out` is a path the main process resolved from a file ref: started by
 * `workspace:backup-start`, never by `jobs:start`. The result names the file by its base name only.
 *
 * Progress: copying (0 of 1) → done. The engine takes no signal (its snapshot is one SQLite statement),
 * so a cancel is honoured only before it starts.
 */
export const backupJob = defineJob({
  kind: 'backup',
  params: z.strictObject({ out: z.string().min(1) }),
  async run(ctx, p): Promise<{ fileName: string; bytes: number; sha256: string }> {
    ctx.progress('copying', 0, 1)
    ctx.throwIfCancelled()
    const r = await hidingPath(resolve(p.out), () => backupWorkspace(ctx.ws, p.out, localActor()))
    ctx.progress('done', 1, 1)
    return { fileName: basename(r.file), bytes: r.bytes, sha256: r.sha256 }
  },
})
