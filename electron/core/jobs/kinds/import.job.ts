import { basename } from 'node:path'
import { z } from 'zod'
import { importFile } from '../../import'
import { defineJob } from '../define'

/**
 * Imports one file in the background. `path` is resolved by the main process from a file ref the analyst
 * chose; the result names the file by its base name only (results reach the renderer).
 * Progress: phases hashing → reading → committing → done, counted in bytes of the file.
 */
export const importJob = defineJob({
  kind: 'import',
  params: z.strictObject({
    path: z.string().min(1),
    source: z.string().min(1).max(200).optional(),
    preset: z.string().min(1).optional(),
    mapping: z.unknown().optional(),
    sheet: z.string().min(1).optional(),
    defaultCountry: z.string().length(2).optional(),
    force: z.boolean().optional(),
  }),
  async run(ctx, p) {
    const { path, ...opts } = p
    const report = await importFile(ctx.ws, path, {
      ...opts,
      signal: ctx.signal,
      onProgress: (pr) => ctx.progress(pr.phase, pr.bytes, pr.totalBytes),
    })
    return { ...report, file: basename(report.file) }
  },
})
