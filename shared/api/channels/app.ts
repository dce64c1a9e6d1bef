import { z } from 'zod'
import { fileRef, noInput } from './common'

export const theme = z.enum(['light', 'dark'])
export const themePreference = z.enum(['system', 'light', 'dark'])

/** What the analyst chooses a file for: decides the dialog's title, filters and open-vs-save. */
export const filePurpose = z.enum(['workspace-open', 'workspace-create', 'import', 'export', 'backup', 'restore'])
export type FilePurpose = z.infer<typeof filePurpose>

/** App-level channels: version, theme, and choosing files without handing paths to the renderer. */
export const appChannels = {
  'app:version': {
    input: noInput,
    output: z.strictObject({ version: z.string(), shell: z.enum(['electron', 'bridge', 'test']) }),
  },
  'app:theme': {
    input: noInput,
    output: z.strictObject({ preference: themePreference, effective: theme }),
  },
  'app:set-theme': {
    input: z.strictObject({ preference: themePreference }),
    output: z.strictObject({ preference: themePreference, effective: theme }),
  },
  /**
   * Shows the native open/save dialog (Electron). Returns null when the analyst cancels. The browser
   * bridge has no native dialog: it answers `supported: false` and the UI offers a typed path or upload.
   */
  'files:choose': {
    input: z.strictObject({ purpose: filePurpose, suggestedName: z.string().max(255).optional() }),
    output: z.strictObject({ supported: z.boolean(), file: fileRef.nullable() }),
  },
  /**
   * Registers a path the analyst typed (browser bridge, or an "advanced" field in the app). The path is
   * resolved against the user's home folder; only a ref and the file name come back.
   */
  'files:from-path': {
    input: z.strictObject({ path: z.string().min(1).max(4096), purpose: filePurpose }),
    output: z.strictObject({ file: fileRef, exists: z.boolean() }),
  },
  /** Files the OS handed to the app before the window was ready (launched by opening a file): call once at start-up. */
  'files:take-opened': {
    input: noInput,
    output: z.array(z.strictObject({ intent: z.enum(['import', 'open-workspace']), files: z.array(fileRef) })),
  },
} as const
