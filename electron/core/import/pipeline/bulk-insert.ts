import type { Database as SqliteDatabase, Statement } from 'better-sqlite3-multiple-ciphers'

/** Bound parameters per statement at most: far under SQLite's limit, big enough to amortise a call. */
const MAX_PARAMS = 2048
/** Rows per statement at most: past a few dozen, longer statements stop paying. */
const MAX_ROWS = 64

/**
 * Rows for one table collected in memory and written as multi-row INSERTs: better-sqlite3 costs about as
 * much per statement call as SQLite spends on a small row, so one call per few dozen rows halves the
 * statement overhead of the import's hot tables. Rows are written in the order they were added, exactly
 * as separate statements would.
 *
 * Nothing is written until `flush()`; the caller decides the order of flushes across tables, so foreign
 * keys (checked per statement) always point at rows already written.
 */
export class BulkInsert {
  private args: unknown[] = []
  private readonly statements = new Map<number, Statement>()
  private readonly rowsPerStatement: number
  private readonly head: string
  private readonly width: number
  /** One row's placeholders: `?` for a value of `add`, `@column` for a shared one. */
  private readonly row: string
  /** The shared values as better-sqlite3 binds named parameters (after the positional ones), or nothing. */
  private readonly sharedArgs: unknown[]

  /**
   * @param table the table written
   * @param columns its columns, in the order `add` takes them; columns named in `shared` are left out of `add`
   * @param shared values every row of this writer has (the import's time, its source): bound once per
   *   statement as a named parameter instead of once per row, which saves about a third of a narrow
   *   table's binding (a string bound is copied and converted to UTF-8 each time)
   */
  constructor(private readonly db: SqliteDatabase, table: string, columns: readonly string[], shared: Readonly<Record<string, unknown>> = {}) {
    this.head = `INSERT INTO ${table} (${columns.join(', ')})`
    this.width = columns.filter((c) => !(c in shared)).length
    this.row = `(${columns.map((c) => (c in shared ? `@${c}` : '?')).join(', ')})`
    this.sharedArgs = Object.keys(shared).length ? [shared] : []
    this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, this.width))))
  }

  /** Adds one row: a value for each column not in `shared`, in column order. */
  add(...values: unknown[]): void {
    for (const v of values) this.args.push(v)
  }

  /** Rows added since the last flush. */
  get pending(): number {
    return this.args.length / this.width
  }

  /** Writes every pending row (in statements of up to rowsPerStatement rows). Throws what SQLite throws. */
  flush(): void {
    const args = this.args
    if (!args.length) return
    this.args = []
    const perStatement = this.rowsPerStatement * this.width
    let offset = 0
    while (offset < args.length) {
      const n = Math.min(perStatement, args.length - offset)
      this.statement(n / this.width).run(offset === 0 && n === args.length ? args : args.slice(offset, offset + n), ...this.sharedArgs)
      offset += n
    }
  }

  private statement(rows: number): Statement {
    let s = this.statements.get(rows)
    if (!s) {
      s = this.db.prepare(`${this.head} VALUES ${Array.from({ length: rows }, () => this.row).join(', ')}`)
      this.statements.set(rows, s)
    }
    return s
  }
}
