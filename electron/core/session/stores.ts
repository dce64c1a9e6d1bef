import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

/**
 * Keys remembered on this device ("remember on this device"). The desktop shell implements it with the OS
 * keychain (Electron safeStorage); shells without a keychain use none and the option is unavailable.
 */
export interface DeviceKeyStore {
  readonly available: boolean
  get(dbPath: string): Buffer | undefined
  set(dbPath: string, key: Buffer): void
  delete(dbPath: string): boolean
  has(dbPath: string): boolean
}

/** The shell has no keychain: nothing is remembered. */
export const noDeviceKeys: DeviceKeyStore = {
  available: false,
  get: () => undefined,
  set: () => undefined,
  delete: () => false,
  has: () => false,
}

export interface RecentEntry {
  path: string
  lastOpenedAt: string
}

/** Recently opened workspaces (paths, newest first). Holds no secrets. */
export interface RecentStore {
  list(): RecentEntry[]
  touch(path: string): void
}

const recentFile = z.object({ version: z.literal(1), recent: z.array(z.object({ path: z.string(), lastOpenedAt: z.string() })) })

/** Recent workspaces kept in a JSON file (the app's per-user data folder). A damaged file reads as empty. */
export class JsonRecentStore implements RecentStore {
  constructor(
    private readonly file: string,
    private readonly max = 10,
  ) {}

  list(): RecentEntry[] {
    if (!existsSync(this.file)) return []
    try {
      const parsed = recentFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data.recent : []
    } catch {
      return []
    }
  }

  touch(path: string): void {
    const recent = [{ path, lastOpenedAt: new Date().toISOString() }, ...this.list().filter((r) => r.path !== path)].slice(0, this.max)
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify({ version: 1, recent }, null, 2), { mode: 0o600 })
    renameSync(tmp, this.file)
  }
}

/** Recent workspaces for one process only (the browser bridge, tests). */
export class MemoryRecentStore implements RecentStore {
  private entries: RecentEntry[] = []
  list(): RecentEntry[] {
    return [...this.entries]
  }
  touch(path: string): void {
    this.entries = [{ path, lastOpenedAt: new Date().toISOString() }, ...this.entries.filter((e) => e.path !== path)]
  }
}
