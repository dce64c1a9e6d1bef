import { closeSync, openSync, writeSync } from 'node:fs'
import type { Command } from 'commander'
import { writeLinks } from '../../core/import'
import { withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'

/** `cdp links`: the CSV that ties every imported row to its current profile (for evaluation and audits). */
export function registerLinks(program: Command): void {
  workspaceCommand(program.command('links'))
    .description('write source,row,profile_id for every imported row as CSV')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: WorkspaceOptions & { out?: string }) => {
      if (!opts.out) {
        await withWorkspace(opts, (ws) => writeLinks(ws, (chunk) => process.stdout.write(chunk)))
        return
      }
      const fd = openSync(opts.out, 'w')
      try {
        const n = await withWorkspace(opts, (ws) => writeLinks(ws, (chunk) => writeSync(fd, chunk)))
        process.stderr.write(`Wrote ${n} links to ${opts.out}\n`)
      } finally {
        closeSync(fd)
      }
    })
}
