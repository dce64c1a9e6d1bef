import { readFileSync, existsSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import Sqlite from 'better-sqlite3-multiple-ciphers'
import { tempDir, testKdf, testPassphrase, type TempDir } from '../../../test/helpers/temp-workspace'
import { changePassphrase, createWorkspace, openWorkspace, Passphrase, readFileHeader, keyFilePath, RawKey } from '.'
import { deriveKey, pendingKeyFilePath, readKeyFile, newKeyFile, writeKeyFile } from './key-file'

let tmp: TempDir
afterEach(() => tmp?.remove())

function fresh() {
  tmp = tempDir()
  return tmp.file('w.tdb')
}

describe('encrypted workspace', () => {
  it('never starts with the SQLite header, and holds no plaintext', () => {
    const path = fresh()
    const ws = createWorkspace(path, testPassphrase, { kdf: testKdf })
    ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', ?)").run(JSON.stringify('needle-plaintext-alice@example.com'))
    ws.close()
    expect(readFileHeader(path).toString('latin1')).not.toBe('SQLite format 3\0')
    const bytes = readFileSync(path)
    expect(bytes.includes(Buffer.from('needle-plaintext'))).toBe(false)
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false)
  })

  it('cannot be read by plain SQLite', () => {
    const path = fresh()
    createWorkspace(path, testPassphrase, { kdf: testKdf }).close()
    const plain = new Sqlite(path)
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/)
    plain.close()
  })

  it('uses a per-workspace random salt: same passphrase, different keys', () => {
    const a = fresh()
    createWorkspace(a, testPassphrase, { kdf: testKdf }).close()
    const b = tmp.file('other.tdb')
    createWorkspace(b, testPassphrase, { kdf: testKdf }).close()
    const ka = readKeyFile(keyFilePath(a))
    const kb = readKeyFile(keyFilePath(b))
    expect(ka.salt).not.toBe(kb.salt)
    expect(deriveKey(testPassphrase, ka).equals(deriveKey(testPassphrase, kb))).toBe(false)
  })

  it('derives with memory-hard scrypt defaults (128 MiB) when none are given', () => {
    const path = fresh()
    createWorkspace(path, testPassphrase).close()
    const kf = readKeyFile(keyFilePath(path))
    expect(kf).toMatchObject({ kdf: 'scrypt', log2N: 17, r: 8 })
    openWorkspace(path, new Passphrase(testPassphrase)).close()
  })

  it('rejects a wrong passphrase with WrongPassphrase and leaves the file byte-identical', () => {
    const path = fresh()
    createWorkspace(path, testPassphrase, { kdf: testKdf }).close()
    const before = readFileSync(path)
    expect(() => openWorkspace(path, new Passphrase('not the passphrase'))).toThrow(expect.objectContaining({ code: 'WrongPassphrase' }))
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('refuses to create over an existing workspace', () => {
    const path = fresh()
    createWorkspace(path, testPassphrase, { kdf: testKdf }).close()
    expect(() => createWorkspace(path, testPassphrase, { kdf: testKdf })).toThrow(expect.objectContaining({ code: 'WorkspaceExists' }))
  })

  it('reports a missing workspace and a plain SQLite file clearly', () => {
    const path = fresh()
    expect(() => openWorkspace(path, new Passphrase('x'))).toThrow(expect.objectContaining({ code: 'WorkspaceNotFound' }))
    const plain = new Sqlite(path)
    plain.exec('CREATE TABLE t (x)')
    plain.close()
    expect(() => openWorkspace(path, new Passphrase('x'))).toThrow(expect.objectContaining({ code: 'WorkspaceCorrupt' }))
  })

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const path = fresh()
    const ws = createWorkspace(path, testPassphrase, { kdf: testKdf })
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ws.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(ws.sqlite.pragma('secure_delete', { simple: true })).toBe(1)
    ws.close()
  })

  it('accepts a raw key from another key source (e.g. the OS keychain)', () => {
    const path = fresh()
    createWorkspace(path, testPassphrase, { kdf: testKdf }).close()
    const key = new Passphrase(testPassphrase).keyFor(path)
    const ws = openWorkspace(path, new RawKey(key))
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 2 })
    ws.close()
  })
})

describe('passphrase change (rekey)', () => {
  it('re-encrypts under a new passphrase and salt; the old one stops working', () => {
    const path = fresh()
    const ws = createWorkspace(path, testPassphrase, { kdf: testKdf })
    ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '\"kept\"')").run()
    const saltBefore = readKeyFile(keyFilePath(path)).salt
    changePassphrase(ws, 'a brand new passphrase', testKdf)
    ws.close()
    expect(readKeyFile(keyFilePath(path)).salt).not.toBe(saltBefore)
    expect(existsSync(pendingKeyFilePath(path))).toBe(false)
    expect(() => openWorkspace(path, new Passphrase(testPassphrase))).toThrow(expect.objectContaining({ code: 'WrongPassphrase' }))
    const again = openWorkspace(path, new Passphrase('a brand new passphrase'))
    expect(again.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '"kept"' })
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    again.close()
    expect(readFileHeader(path).toString('latin1')).not.toBe('SQLite format 3\0')
  })

  it('recovers when a change was interrupted after the rekey but before the key file was replaced', () => {
    const path = fresh()
    const ws = createWorkspace(path, testPassphrase, { kdf: testKdf })
    // Simulate the crash window: database rekeyed, new key file still pending.
    const next = newKeyFile(testKdf)
    writeKeyFile(pendingKeyFilePath(path), next)
    ws.sqlite.pragma('journal_mode = DELETE')
    ws.sqlite.pragma(`rekey = "x'${deriveKey('new one', next).toString('hex')}'"`)
    ws.close()
    const reopened = openWorkspace(path, new Passphrase('new one'))
    reopened.close()
    expect(existsSync(pendingKeyFilePath(path))).toBe(false)
    expect(readKeyFile(keyFilePath(path)).salt).toBe(next.salt)
  })

  it('keeps the old passphrase working when the change stopped before the rekey', () => {
    const path = fresh()
    createWorkspace(path, testPassphrase, { kdf: testKdf }).close()
    writeKeyFile(pendingKeyFilePath(path), newKeyFile(testKdf))
    openWorkspace(path, new Passphrase(testPassphrase)).close()
    writeFileSync(tmp.file('ok'), '')
  })
})

/** Opens the file with SQLite3 Multiple Ciphers directly under one cipher and the raw key; true if page 1 reads. */
function readsUnder(path: string, cipher: 'aegis' | 'sqlcipher', key: Buffer): boolean {
  const db = new Sqlite(path)
  try {
    db.pragma(`cipher = '${cipher}'`)
    if (cipher === 'sqlcipher') db.pragma('legacy = 4')
    db.pragma(`key = "x'${key.toString('hex')}'"`)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return true
  } catch {
    return false
  } finally {
    db.close()
  }
}

describe('page cipher', () => {
  it('a new workspace is encrypted with AEGIS-256, and its key file says so', () => {
    const path = fresh()
    createWorkspace(path, testPassphrase, { kdf: testKdf }).close()
    const keyFile = readKeyFile(keyFilePath(path))
    expect(keyFile.cipher).toBe('aegis')
    const key = deriveKey(testPassphrase, keyFile)
    expect(readsUnder(path, 'aegis', key)).toBe(true)
    expect(readsUnder(path, 'sqlcipher', key)).toBe(false)
  })

  it("a workspace under SQLCipher's scheme (made before AEGIS) opens, and a passphrase change moves it to AEGIS", () => {
    const path = fresh()
    const ws = createWorkspace(path, testPassphrase, { kdf: testKdf })
    ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '\"kept\"')").run()
    // What an older version wrote: the same key under SQLCipher 4, and a key file naming it.
    const oldKeyFile = { ...readKeyFile(keyFilePath(path)), cipher: 'sqlcipher' as const }
    const key = deriveKey(testPassphrase, oldKeyFile)
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    ws.sqlite.pragma('journal_mode = DELETE')
    ws.sqlite.pragma(`cipher = 'sqlcipher'`)
    ws.sqlite.pragma('legacy = 4')
    ws.sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`)
    ws.close()
    writeKeyFile(keyFilePath(path), oldKeyFile)
    expect(readsUnder(path, 'sqlcipher', key)).toBe(true)

    const old = openWorkspace(path, new Passphrase(testPassphrase))
    expect(old.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('"kept"')
    changePassphrase(old, 'a brand new passphrase', testKdf)
    old.close()

    const keyFile = readKeyFile(keyFilePath(path))
    expect(keyFile.cipher).toBe('aegis')
    expect(readsUnder(path, 'aegis', deriveKey('a brand new passphrase', keyFile))).toBe(true)
    const moved = openWorkspace(path, new Passphrase('a brand new passphrase'))
    expect(moved.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('"kept"')
    expect(moved.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    moved.close()
  })
})
