import type { MenuItemConstructorOptions } from 'electron'
import type { EventPayload } from '../../shared/api/events'

export type MenuCommand = EventPayload<'menu:command'>['command']

/** What the menu items do; index.ts wires them to the session and the window. */
export interface MenuActions {
  command(command: MenuCommand): void
  openRecent(path: string): void
  openLogsFolder(): void
}

/**
 * The native menu: File (New, Open, Recent, Import…, Export…, Backup…, Lock), Edit, View, Window, Help
 * (About, Open logs folder). Pure: it only builds the template, so tests can read it.
 */
export function menuTemplate(actions: MenuActions, opts: { isMac: boolean; recent: readonly { name: string; path: string }[] }): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  })
  const recent: MenuItemConstructorOptions[] = opts.recent.length
    ? opts.recent.map((r) => ({ label: r.name, click: () => actions.openRecent(r.path) }))
    : [{ label: 'No recent workspaces', enabled: false }]
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        cmd('New Workspace…', 'new-workspace', 'CmdOrCtrl+N'),
        cmd('Open Workspace…', 'open-workspace', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        cmd('Import…', 'import', 'CmdOrCtrl+I'),
        cmd('Export…', 'export', 'CmdOrCtrl+E'),
        cmd('Backup…', 'backup'),
        { type: 'separator' },
        cmd('Lock Workspace', 'lock', 'CmdOrCtrl+L'),
        ...(opts.isMac ? [] : [{ type: 'separator' } as const, cmd('Settings…', 'settings', 'CmdOrCtrl+,'), { role: 'quit' } as const]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [cmd('About Tessera', 'about'), { label: 'Open Logs Folder', click: () => actions.openLogsFolder() }],
    },
  ]
  if (opts.isMac) {
    template.unshift({
      label: 'Tessera',
      submenu: [cmd('About Tessera', 'about'), { type: 'separator' }, cmd('Settings…', 'settings', 'Cmd+,'), { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    })
  }
  return template
}
