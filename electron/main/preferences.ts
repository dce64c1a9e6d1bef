import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

const schema = z.object({
  autoLockMinutes: z.number().int().min(0).max(24 * 60).default(15),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
})
export type Preferences = z.infer<typeof schema>

/**
 * The app's own preferences (not the workspace's settings): auto-lock delay and theme, in
 * `<userData>/preferences.json`. A missing or damaged file gives the defaults.
 */
export class PreferencesFile {
  private value: Preferences

  constructor(private readonly file: string) {
    let raw: unknown = {}
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'))
    } catch {
      raw = {}
    }
    const parsed = schema.safeParse(raw)
    this.value = parsed.success ? parsed.data : schema.parse({})
  }

  get(): Preferences {
    return { ...this.value }
  }

  set(patch: Partial<Preferences>): void {
    this.value = { ...this.value, ...patch }
    try {
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.value, null, 2))
      renameSync(`${this.file}.tmp`, this.file)
    } catch {
      // Preferences are a convenience: failing to save them must not break the action.
    }
  }
}
