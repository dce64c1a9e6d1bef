import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { Passphrase } from '../../electron/core/db'
import { deriveKeyAsync, Session } from '../../electron/core/session'
import { SafeStorageKeyStore, type KeyCipher } from '../../electron/main/device-keys'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../helpers/temp-workspace'

/** Stands in for the OS keychain: real AES-256-GCM under a key only this process knows. */
function processKeychain(available = true): KeyCipher {
  const key = randomBytes(32)
  return {
    isEncryptionAvailable: () => available,
    encryptString(text) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decryptString(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      d.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8')
    },
  }
}

describe('remember on this device', () => {
  let tmp: TempDir
  let session: Session | undefined
  afterEach(async () => {
    await session?.close()
    tmp.remove()
  })

  it('unlocks without the passphrase once remembered, stores only the keychain-encrypted key, and forgets on request', async () => {
    tmp = tempDir()
    const keyFile = tmp.file('device-keys.json')
    session = new Session({ emit: () => undefined, kdf: testKdf, deviceKeys: new SafeStorageKeyStore(processKeychain(), keyFile) })
    const db = tmp.file('w.tdb')
    const created = await session.create(db, testPassphrase, true)
    expect(created).toMatchObject({ state: 'open', remembered: true, canRemember: true })
    const rawKey = new Passphrase(testPassphrase).keyFor(db).toString('hex')
    expect(readFileSync(keyFile, 'utf8')).not.toContain(rawKey)
    await session.lock('menu')
    expect(await session.unlock(undefined)).toMatchObject({ state: 'open', remembered: true })
    await session.lock('api')
    expect(session.forgetDeviceKey(db)).toBe(true)
    await expect(session.unlock(undefined)).rejects.toThrow(/Enter the passphrase/)
    expect(await session.unlock(testPassphrase)).toMatchObject({ state: 'open', remembered: false })
  })

  it('drops a remembered key that no longer opens the workspace (passphrase changed elsewhere)', async () => {
    tmp = tempDir()
    const store = new SafeStorageKeyStore(processKeychain(), tmp.file('device-keys.json'))
    session = new Session({ emit: () => undefined, kdf: testKdf, deviceKeys: store })
    const db = tmp.file('w.tdb')
    await session.create(db, testPassphrase, true)
    await session.lock('api')
    store.set(db, randomBytes(32))
    await expect(session.unlock(undefined)).rejects.toThrow(/no longer opens this workspace/)
    expect(store.has(db)).toBe(false)
  })

  it('is unavailable without a usable keychain: nothing is written', async () => {
    tmp = tempDir()
    const keyFile = tmp.file('device-keys.json')
    for (const store of [new SafeStorageKeyStore(processKeychain(false), keyFile), new SafeStorageKeyStore(processKeychain(), keyFile, () => true)]) {
      session = new Session({ emit: () => undefined, kdf: testKdf, deviceKeys: store })
      const db = tmp.file(`w-${Math.random()}.tdb`)
      expect(await session.create(db, testPassphrase, true)).toMatchObject({ remembered: false, canRemember: false })
      await session.close()
    }
    expect(() => readFileSync(keyFile)).toThrow()
  })

  it('derives the same key off the main thread as the engine does on it', async () => {
    tmp = tempDir()
    session = new Session({ emit: () => undefined, kdf: testKdf })
    const db = tmp.file('w.tdb')
    await session.create(db, testPassphrase, false)
    expect((await deriveKeyAsync(testPassphrase, db)).equals(new Passphrase(testPassphrase).keyFor(db))).toBe(true)
  })
})
