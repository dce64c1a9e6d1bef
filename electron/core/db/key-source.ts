import { deriveKey, keyFilePath, pendingKeyFilePath, readKeyFile } from './key-file'

/**
 * Where a workspace's 256-bit key comes from. The engine needs only the key; how it is obtained
 * (a passphrase typed by the analyst, the OS keychain through Electron's safeStorage, CDP_PASSPHRASE for
 * the CLI) is the shell's business.
 */
export interface KeySource {
  /** The raw key for the workspace at dbPath. */
  keyFor(dbPath: string): Buffer
  /**
   * The key under a pending key file left by an interrupted passphrase change, if this source can derive
   * one (only passphrases can; a stored raw key already is the key that works).
   */
  keyForPending?(dbPath: string): Buffer
}

/** Derives the key from a passphrase and the workspace's key file (salt + scrypt parameters). */
export class Passphrase implements KeySource {
  constructor(private readonly passphrase: string) {}
  keyFor(dbPath: string): Buffer {
    return deriveKey(this.passphrase, readKeyFile(keyFilePath(dbPath)))
  }
  keyForPending(dbPath: string): Buffer {
    return deriveKey(this.passphrase, readKeyFile(pendingKeyFilePath(dbPath)))
  }
}

/** A key already derived, e.g. unwrapped from the OS keychain by the desktop shell. */
export class RawKey implements KeySource {
  constructor(private readonly key: Buffer) {}
  keyFor(): Buffer {
    return this.key
  }
}
