import Sqlite, { type Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion, currentSchemaVersion } from './migrate'
import { migrations } from './migrations'
import type { Migration } from './migrations/types'
import { tableColumns } from './schema'

let db: SqliteDatabase
beforeEach(() => {
  db = new Sqlite(':memory:')
})
afterEach(() => db.close())

const step = (version: number, sql: string): Migration => ({ version, name: `m${version}`, up: (d) => d.exec(sql) })

describe('migration runner', () => {
  it('applies pending migrations in order and records user_version', () => {
    const list = [step(1, 'CREATE TABLE a (x)'), step(2, 'ALTER TABLE a ADD COLUMN y'), step(3, 'CREATE TABLE b (z)')]
    expect(migrate(db, list.slice(0, 2))).toEqual([1, 2])
    expect(schemaVersion(db)).toBe(2)
    expect(migrate(db, list)).toEqual([3])
    expect(schemaVersion(db)).toBe(3)
    expect(migrate(db, list)).toEqual([])
  })

  it('refuses a database from a newer version without touching it', () => {
    db.pragma('user_version = 99')
    expect(() => migrate(db, [step(1, 'CREATE TABLE a (x)')])).toThrow(expect.objectContaining({ code: 'WorkspaceTooNew' }))
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 })
  })

  it('is atomic: a failing migration leaves the previous version intact', () => {
    migrate(db, [step(1, 'CREATE TABLE a (x)')])
    const list = [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (y)'), step(3, 'THIS IS NOT SQL')]
    expect(() => migrate(db, list)).toThrow()
    expect(schemaVersion(db)).toBe(1)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 })
  })

  it('rejects a list that is not strictly increasing', () => {
    expect(() => migrate(db, [step(1, 'SELECT 1'), step(1, 'SELECT 1')])).toThrow(/must be an integer above 1/)
    expect(() => migrate(db, [step(2, 'SELECT 1'), step(1, 'SELECT 1')])).toThrow(/must be an integer above 2/)
  })

  it('the shipped list strictly increases and ends at the current version', () => {
    migrations.forEach((m, i) => i > 0 && expect(m.version).toBeGreaterThan(migrations[i - 1]!.version))
    expect(currentSchemaVersion()).toBe(migrations[migrations.length - 1]!.version)
  })
})

describe('schema types', () => {
  it('match the fully migrated database, table for table and column for column', () => {
    migrate(db)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()
    expect(tables).toEqual(Object.keys(tableColumns).sort())
    for (const [table, columns] of Object.entries(tableColumns)) {
      const actual = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table)
      expect(actual, table).toEqual([...columns])
    }
  })
})

describe('migration 0001-initial', () => {
  it('creates the core tables', () => {
    migrate(db, migrations.slice(0, 1))
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    for (const t of ['records', 'raw_rows', 'profiles', 'identifiers', 'events', 'match_pairs', 'decisions', 'audit_log']) expect(tables).toContain(t)
  })

  it('keeps profile ids unique forever (AUTOINCREMENT), even after deletion', () => {
    migrate(db, migrations.slice(0, 1))
    const ins = db.prepare("INSERT INTO profiles (created_at, updated_at) VALUES ('t', 't')")
    const a = Number(ins.run().lastInsertRowid)
    db.prepare('DELETE FROM profiles WHERE id = ?').run(a)
    const b = Number(ins.run().lastInsertRowid)
    expect(b).toBeGreaterThan(a)
  })

  it('makes the audit log append-only', () => {
    migrate(db, migrations.slice(0, 1))
    db.prepare("INSERT INTO audit_log (at, actor, action, prev_hash, hash) VALUES ('t', 'a', 'x', '0', 'h')").run()
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  })

  it('enforces STRICT types and the pair ordering of match pairs', () => {
    migrate(db, migrations.slice(0, 1))
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', x'00')").run()).toThrow(/cannot store BLOB/)
    expect(() => db.prepare("INSERT INTO decisions (record_a, record_b, decision, actor, at) VALUES (5, 2, 'approve', 'me', 't')").run()).toThrow(/CHECK/)
  })
})
