import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace, testPassphrase } from '../../../test/helpers/temp-workspace'
import { BUSY_TIMEOUT_MS } from './busy'
import { tuneForBulkWrite, writePagesOnce } from './bulk-write-settings'
import { openWorkspace, type Workspace } from './workspace'
import { Passphrase } from './key-source'

const repo = join(__dirname, '..', '..', '..')

let t: ReturnType<typeof tempWorkspace>
beforeEach(() => { t = tempWorkspace() })
afterEach(() => t.dispose())

const pragma = (name: string, db: Workspace = t.ws): unknown => db.sqlite.pragma(name, { simple: true })

describe('writePagesOnce', () => {
  it('uses a rollback journal while the connection is the only one, then goes back to WAL', () => {
    const restore = writePagesOnce(t.ws.sqlite)
    expect(restore.active).toBe(true)
    expect(pragma('journal_mode')).toBe('delete')
    expect(pragma('synchronous')).toBe(2) // FULL: NORMAL is not power-safe with a rollback journal
    t.ws.sqlite.exec('BEGIN IMMEDIATE')
    t.ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run()
    t.ws.sqlite.exec('COMMIT')
    restore()
    expect(pragma('journal_mode')).toBe('wal')
    expect(pragma('synchronous')).toBe(1)
    expect(pragma('busy_timeout')).toBe(BUSY_TIMEOUT_MS)
    expect(existsSync(`${t.path}-journal`)).toBe(false)
    expect(t.ws.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('1')
  })

  it('keeps WAL, without waiting, while another connection has the workspace open', () => {
    const reader = openWorkspace(t.path, new Passphrase(testPassphrase))
    try {
      const started = Date.now()
      const restore = writePagesOnce(t.ws.sqlite)
      // It did not wait out the busy timeout: a connection that is open is not about to close.
      expect(Date.now() - started).toBeLessThan(BUSY_TIMEOUT_MS)
      expect(restore.active).toBe(false)
      expect(pragma('journal_mode')).toBe('wal')
      expect(pragma('busy_timeout')).toBe(BUSY_TIMEOUT_MS)
      // The point of keeping WAL: the other connection reads while the write is under way.
      t.ws.sqlite.exec('BEGIN IMMEDIATE')
      t.ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run()
      expect(reader.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBeGreaterThan(0)
      t.ws.sqlite.exec('COMMIT')
      restore()
      expect(pragma('journal_mode')).toBe('wal')
    } finally {
      reader.close()
    }
  })

  it('keeps the journal encrypted: the pages it saves hold no plaintext', () => {
    t.ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', ?)").run(JSON.stringify('needle-plaintext-alice@example.com'))
    t.ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const restore = writePagesOnce(t.ws.sqlite)
    t.ws.sqlite.exec('BEGIN IMMEDIATE')
    try {
      // Changing the page saves its old content (the needle) to the journal before the file is overwritten.
      t.ws.sqlite.prepare("UPDATE settings SET value = '\"changed\"' WHERE key = 'probe'").run()
      t.ws.sqlite.pragma('cache_size = 1')
      const add = t.ws.sqlite.prepare("INSERT INTO settings (key, value) VALUES (?, '1')")
      for (let i = 0; i < 5000; i++) add.run(`k${i}`)
      const journal = readFileSync(`${t.path}-journal`)
      expect(journal.length).toBeGreaterThan(4096)
      expect(journal.includes(Buffer.from('needle-plaintext'))).toBe(false)
      expect(readFileSync(t.path).includes(Buffer.from('needle-plaintext'))).toBe(false)
    } finally {
      t.ws.sqlite.exec('ROLLBACK')
      restore()
    }
    expect(t.ws.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe(JSON.stringify('needle-plaintext-alice@example.com'))
  })

  it('is part of tuneForBulkWrite, whose restore puts every setting back', () => {
    const before = ['journal_mode', 'synchronous', 'cache_size', 'foreign_keys', 'busy_timeout'].map((p) => pragma(p))
    const restore = tuneForBulkWrite(t.ws.sqlite, 64 * 1024)
    expect(pragma('journal_mode')).toBe('delete')
    expect(pragma('foreign_keys')).toBe(0)
    restore()
    expect(['journal_mode', 'synchronous', 'cache_size', 'foreign_keys', 'busy_timeout'].map((p) => pragma(p))).toEqual(before)
  })

  it('makes a second opener wait, then fail with a clear error, rather than report a wrong passphrase', () => {
    const restore = writePagesOnce(t.ws.sqlite)
    t.ws.sqlite.exec('BEGIN EXCLUSIVE')
    try {
      expect(() => openWorkspace(t.path, new Passphrase(testPassphrase))).toThrow(/is busy: another process is writing to it/)
    } finally {
      t.ws.sqlite.exec('ROLLBACK')
      restore()
    }
    openWorkspace(t.path, new Passphrase(testPassphrase)).close()
  }, 3 * BUSY_TIMEOUT_MS)

  it('leaves nothing of a transaction whose process is killed after it wrote pages into the file', async () => {
    t.ws.sqlite.exec('CREATE TABLE probe (v TEXT NOT NULL)')
    t.ws.close()
    const sizeBefore = statSync(t.path).size
    // The child's page cache is small, so the transaction spills pages into the database file well before
    // its commit: what a killed import of a large file leaves, the hot journal has to undo on the next open.
    const script = `require('tsx/cjs/api').register()
      const { openWorkspace, Passphrase, tuneForBulkWrite } = require(${JSON.stringify(join(repo, 'electron', 'core', 'db'))})
      const { statSync } = require('node:fs')
      const ws = openWorkspace(${JSON.stringify(t.path)}, new Passphrase(${JSON.stringify(testPassphrase)}))
      tuneForBulkWrite(ws.sqlite, 1024)
      ws.sqlite.pragma('cache_size = -1024')
      ws.sqlite.exec('BEGIN IMMEDIATE')
      const insert = ws.sqlite.prepare('INSERT INTO probe (v) VALUES (?)')
      for (let i = 0; i < 200000; i++) insert.run('row ' + i + ' '.repeat(40))
      process.stdout.write('written ' + statSync(${JSON.stringify(t.path)}).size + '\\n')
      setInterval(() => {}, 1000)`
    const child = spawn(process.execPath, ['-e', script], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    const sizeWritten = await new Promise<number>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /written (\d+)/.exec(out)
        if (m) {
          expect(existsSync(`${t.path}-journal`)).toBe(true)
          child.kill('SIGKILL')
          resolve(Number(m[1]))
        }
      })
      void exited.then(() => reject(new Error(`the child ended before writing: ${out}`)))
    })
    await exited
    expect(sizeWritten).toBeGreaterThan(sizeBefore + 4 * 1024 * 1024)
    const reopened = openWorkspace(t.path, new Passphrase(testPassphrase))
    try {
      expect(reopened.sqlite.prepare('SELECT count(*) FROM probe').pluck().get()).toBe(0)
      expect(pragma('integrity_check', reopened)).toBe('ok')
      expect(pragma('journal_mode', reopened)).toBe('wal')
      expect(existsSync(`${t.path}-journal`)).toBe(false)
    } finally {
      reopened.close()
    }
  })
})
