import { BrowserWindow, dialog, nativeTheme } from 'electron'
import type { ShellPlatform, ThemePreference } from '../core/session'
import { dialogSpec } from './dialogs'

/** The desktop shell's side of the handlers: native dialogs and the OS theme. */
export function electronPlatform(version: string, window: () => BrowserWindow | undefined, saveTheme: (t: ThemePreference) => void): ShellPlatform {
  const theme = (): { preference: ThemePreference; effective: 'light' | 'dark' } => ({
    preference: nativeTheme.themeSource,
    effective: nativeTheme.shouldUseDarkColors ? 'dark' : 'light',
  })
  return {
    shell: 'electron',
    version,
    async chooseFile(purpose, suggestedName) {
      const spec = dialogSpec(purpose, suggestedName)
      const win = window()
      const base = { title: spec.title, filters: spec.filters, ...(spec.defaultPath ? { defaultPath: spec.defaultPath } : {}) }
      if (spec.kind === 'save') {
        const r = win ? await dialog.showSaveDialog(win, base) : await dialog.showSaveDialog(base)
        return r.canceled || !r.filePath ? null : r.filePath
      }
      const opts = { ...base, properties: ['openFile' as const] }
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    theme,
    setTheme(preference) {
      nativeTheme.themeSource = preference
      saveTheme(preference)
      return theme()
    },
  }
}
