import type { FilePurpose } from '../../shared/api/channels'

export interface DialogSpec {
  kind: 'open' | 'save'
  title: string
  filters: { name: string; extensions: string[] }[]
  defaultPath?: string
}

const workspaceFilter = { name: 'Tessera workspace', extensions: ['tdb'] }

/** The native dialog for each purpose (pure; dialogs are shown by platform.ts). */
export function dialogSpec(purpose: FilePurpose, suggestedName?: string): DialogSpec {
  const named = suggestedName ? { defaultPath: suggestedName } : {}
  switch (purpose) {
    case 'workspace-open':
      return { kind: 'open', title: 'Open workspace', filters: [workspaceFilter] }
    case 'workspace-create':
      return { kind: 'save', title: 'New workspace', filters: [workspaceFilter], defaultPath: suggestedName ?? 'Customers.tdb' }
    case 'import':
      return {
        kind: 'open',
        title: 'Import a file',
        filters: [{ name: 'Data exports', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'json', 'jsonl', 'ndjson'] }, { name: 'All files', extensions: ['*'] }],
      }
    case 'export':
      return { kind: 'save', title: 'Save export', filters: [{ name: 'CSV', extensions: ['csv'] }], ...named }
    case 'backup':
      return { kind: 'save', title: 'Save backup', filters: [{ name: 'Tessera backup', extensions: ['tdb'] }], ...named }
    case 'restore':
      return { kind: 'open', title: 'Restore from backup', filters: [{ name: 'Tessera backup', extensions: ['tdb'] }] }
  }
}
