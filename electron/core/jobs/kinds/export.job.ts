import { basename, resolve } from 'node:path'
import { z } from 'zod'
import { runExport, type ExportResult } from '../../activation'
import { localActor } from '../../privacy/actor'
import { refreshDirtyProfiles } from '../../profiles'
import { defineJob } from '../define'
import { hidingPath } from './job-context-helpers'

/** An export job's result: the engine's log entry with the file named by its base name only. */
export type ExportJobResult = Omit<ExportResult, 'file' | 'segment'> & {
  segment: { id: number; name: string; version: number }
  fileName: string
}

/**
 * Writes a segment through a destination preset to one file, in the background (`runExport` of
 * core/activation, after refreshing dirty profiles as `exports:run` does). `out` is a path the main
 * process chose (a file ref from a save dialog, or its private download folder): started by
 * `exports:start`, never by `jobs:start`.
 *
 * Atomic: the engine writes a temp file and renames it inside the transaction that logs the export; on
 * failure nothing is logged and no file is left. Progress: refreshing → writing → done. `runExport` takes
 * no signal, so a cancel is honoured only before writing starts.
 */
export const exportJob = defineJob({
  kind: 'export',
  params: z.strictObject({
    out: z.string().min(1),
    segment: z.union([z.string().min(1).max(100), z.number().int().positive()]),
    preset: z.string().min(1).max(40),
    hashed: z.boolean().default(false),
    columns: z.array(z.string().min(1).max(100)).max(100).optional(),
    bom: z.boolean().optional(),
    gmailDotFolding: z.boolean().optional(),
  }),
  async run(ctx, p): Promise<ExportJobResult> {
    ctx.progress('refreshing', 0, 1)
    refreshDirtyProfiles(ctx.ws)
    ctx.progress('writing', 0, 1)
    ctx.throwIfCancelled()
    const { out, ...opts } = p
    const r = await hidingPath(resolve(out), () => runExport(ctx.ws, { ...opts, out, actor: localActor() }))
    ctx.progress('done', 1, 1)
    const { file, segment, ...rest } = r
    return { ...rest, segment: { id: segment.id, name: segment.name, version: segment.version }, fileName: basename(file) }
  },
})
