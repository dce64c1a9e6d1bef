import type { FilePurpose } from '../../../shared/api/channels'

export type ThemePreference = 'system' | 'light' | 'dark'

/** What differs between shells (desktop app, browser bridge, tests) behind the same handlers. */
export interface ShellPlatform {
  readonly shell: 'electron' | 'bridge' | 'test'
  readonly version: string
  /** Shows a native open/save dialog and returns the chosen absolute path, or null if cancelled.
   *  Absent where there is no native dialog (the browser bridge). */
  chooseFile?(purpose: FilePurpose, suggestedName?: string): Promise<string | null>
  /** The theme preference and what it resolves to now (the OS's light/dark for 'system'). */
  theme(): { preference: ThemePreference; effective: 'light' | 'dark' }
  setTheme(preference: ThemePreference): { preference: ThemePreference; effective: 'light' | 'dark' }
}

/** A platform with no dialogs and a remembered-in-memory theme: the bridge and tests. */
export function headlessPlatform(shell: 'bridge' | 'test', version: string): ShellPlatform {
  let preference: ThemePreference = 'system'
  // Without an OS to ask, 'system' resolves to light; the browser UI follows prefers-color-scheme itself.
  const resolve = (): 'light' | 'dark' => (preference === 'dark' ? 'dark' : 'light')
  return {
    shell,
    version,
    theme: () => ({ preference, effective: resolve() }),
    setTheme(p) {
      preference = p
      return { preference, effective: resolve() }
    },
  }
}
