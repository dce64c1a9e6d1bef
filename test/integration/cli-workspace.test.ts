import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { cdp } from '../helpers/cli'
import { tempDir, type TempDir } from '../helpers/temp-workspace'

let tmp: TempDir
afterEach(() => tmp?.remove())

describe('cdp init / info', () => {
  it('creates an encrypted workspace and reports it', () => {
    tmp = tempDir()
    const db = tmp.file('w.tdb')
    const init = cdp(['init', '--db', db])
    expect(init.code, init.stderr).toBe(0)
    expect(readFileSync(db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0')

    const info = cdp(['info', '--db', db, '--json'])
    expect(info.code, info.stderr).toBe(0)
    const parsed = JSON.parse(info.stdout) as { schemaVersion: number; counts: { profiles: number } }
    expect(parsed.schemaVersion).toBeGreaterThanOrEqual(1)
    expect(parsed.counts.profiles).toBe(0)
  })

  it('exits non-zero with a one-line message naming the passphrase, leaving the file byte-identical', () => {
    tmp = tempDir()
    const db = tmp.file('w.tdb')
    expect(cdp(['init', '--db', db]).code).toBe(0)
    const before = readFileSync(db)
    const r = cdp(['info', '--db', db], { passphrase: 'wrong' })
    expect(r.code).not.toBe(0)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/passphrase/i)
    expect(readFileSync(db).equals(before)).toBe(true)
  })

  it('gives clear errors for a missing --db, a missing workspace and no passphrase', () => {
    tmp = tempDir()
    expect(cdp(['info']).stderr).toMatch(/--db/)
    const missing = cdp(['info', '--db', tmp.file('nope.tdb')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No workspace at/)
    const noPass = cdp(['init', '--db', tmp.file('x.tdb')], { passphrase: null })
    expect(noPass.code).toBe(1)
    expect(noPass.stderr).toMatch(/CDP_PASSPHRASE/)
  })

  it('has --help for every command and exits 2 on a usage error', () => {
    for (const cmd of [[], ['init'], ['info']]) {
      const r = cdp([...cmd, '--help'])
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/Usage: cdp/)
    }
    expect(cdp(['frobnicate']).code).toBe(2)
  })
})
