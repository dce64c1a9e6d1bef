import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import type { DeviceKeyStore } from '../core/session'

/** The part of Electron's safeStorage used here (OS keychain: Keychain, DPAPI, libsecret/kwallet). */
export interface KeyCipher {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(data: Buffer): string
}

const fileSchema = z.object({ version: z.literal(1), keys: z.record(z.string(), z.string()) })

/**
 * "Remember on this device": the derived workspace key, encrypted by the OS keychain, in
 * `<userData>/device-keys.json` (mode 600). Without a usable keychain (e.g. Linux with no secret service,
 * where safeStorage would fall back to a hard-coded password) nothing is stored and the option is hidden.
 */
export class SafeStorageKeyStore implements DeviceKeyStore {
  constructor(
    private readonly cipher: KeyCipher,
    private readonly file: string,
    private readonly backendIsWeak: () => boolean = () => false,
  ) {}

  get available(): boolean {
    return this.cipher.isEncryptionAvailable() && !this.backendIsWeak()
  }

  get(dbPath: string): Buffer | undefined {
    const enc = this.read()[resolve(dbPath)]
    if (!enc || !this.available) return undefined
    try {
      return Buffer.from(this.cipher.decryptString(Buffer.from(enc, 'base64')), 'hex')
    } catch {
      return undefined
    }
  }

  set(dbPath: string, key: Buffer): void {
    if (!this.available) return
    const keys = this.read()
    keys[resolve(dbPath)] = this.cipher.encryptString(key.toString('hex')).toString('base64')
    this.write(keys)
  }

  delete(dbPath: string): boolean {
    const keys = this.read()
    if (!(resolve(dbPath) in keys)) return false
    delete keys[resolve(dbPath)]
    this.write(keys)
    return true
  }

  has(dbPath: string): boolean {
    return this.available && resolve(dbPath) in this.read()
  }

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {}
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? { ...parsed.data.keys } : {}
    } catch {
      return {}
    }
  }

  private write(keys: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify({ version: 1, keys }), { mode: 0o600 })
    renameSync(tmp, this.file)
  }
}
