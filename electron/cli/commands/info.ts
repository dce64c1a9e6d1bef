import type { Command } from 'commander'
import { workspaceInfo } from '../../core/db'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { appVersion } from '../version'

export function registerInfo(program: Command): void {
  workspaceCommand(program.command('info'))
    .description('show the workspace version and counts')
    .action(async (opts: WorkspaceOptions) => {
      const info = await withWorkspace(opts, workspaceInfo)
      emit(opts, { appVersion, ...info }, () => {
        const c = info.counts
        return [
          `Tessera ${appVersion}, schema ${info.schemaVersion}`,
          `workspace ${info.workspaceId} (created ${info.createdAt})`,
          `sources ${c.sources}  imports ${c.imports}  rows ${c.rawRows} (quarantined ${c.quarantined})`,
          `records ${c.records}  events ${c.events}  profiles ${c.profiles}  pending reviews ${c.pendingReviews}`,
          `segments ${c.segments}  exports ${c.exports}  suppressed ${c.suppressed}`,
        ].join('\n')
      })
    })
}
