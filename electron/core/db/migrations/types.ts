import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'

/**
 * One forward-only schema step. `up` runs inside the runner's transaction with raw SQL; it must not
 * open its own transaction or change `user_version` (the runner does both). Never edit a shipped
 * migration: add the next number.
 */
export interface Migration {
  readonly version: number
  readonly name: string
  up(db: SqliteDatabase): void
}
