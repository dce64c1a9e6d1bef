import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { CdpError } from '../../../shared/api/errors'
import { migrations as allMigrations, type Migration } from './migrations'

export const currentSchemaVersion = (list: readonly Migration[] = allMigrations): number =>
  list.length === 0 ? 0 : list[list.length - 1]!.version

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database up to the newest schema. All pending migrations run in ONE transaction with the
 * new `user_version`, so a failure leaves the database exactly at its previous version.
 * Throws CdpError('WorkspaceTooNew') for a database written by a newer Tessera: it is never touched.
 * @returns the versions applied, oldest first.
 */
export function migrate(db: SqliteDatabase, list: readonly Migration[] = allMigrations): number[] {
  assertOrdered(list)
  const from = schemaVersion(db)
  const latest = currentSchemaVersion(list)
  if (from > latest) {
    throw new CdpError(
      'WorkspaceTooNew',
      `This workspace was written by a newer version of Tessera (schema ${from}; this version knows up to ${latest}). Update Tessera to open it.`,
    )
  }
  const pending = list.filter((m) => m.version > from)
  if (pending.length === 0) return []
  db.transaction(() => {
    for (const m of pending) m.up(db)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  return pending.map((m) => m.version)
}

function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const prev = i === 0 ? 0 : list[i - 1]!.version
    if (!Number.isInteger(m.version) || m.version <= prev) {
      throw new Error(`Migration list is broken at "${m.name}": version ${m.version} must be an integer above ${prev}`)
    }
  })
}
