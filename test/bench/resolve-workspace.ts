/**
 * The resolution benchmark's workspace: the seeded multi-source generator's five exports (the evaluation's
 * data: households, moves, married names, family inboxes, typos, common names), imported through the real
 * import pipeline with the evaluation's mappings, so the resolver sees what an analyst's workspace holds.
 *
 * The last `holdout` rows of the Mailchimp export are kept out of the first import and written to a file of
 * their own: the "newer export" the incremental run imports and resolves against the resolved workspace
 * (a newsletter's new signups: some are people the workspace knows, some are new).
 *
 * Importing a million records takes minutes, so the imported (unresolved) workspace is cached beside the
 * generated files and copied for each run; the cache is keyed by generator, schema, cipher, size and holdout.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createWorkspace, currentCipher, currentSchemaVersion, keyFilePath, openWorkspace, Passphrase, type Workspace,
} from '../../electron/core/db'
import { importFile, parseMapping } from '../../electron/core/import'
import { repoRoot } from '../eval/harness/datasets'
import { generatorVersion } from '../eval/generator/generate'
import { sourceFiles, type SourceFile } from '../eval/generator/headers'
import { generatedData } from './data'

/**
 * The generator's people become about 2.43 person records each (measured on the 20k set: 2.378 → 2.442 when
 * orders also kept a new mailbox or name spelling of their buyers; 2.12 before orders kept any buyer details).
 */
export const RECORDS_PER_PERSON = 2.43

const passphrase = 'tessera resolve bench'
const kdf = { log2N: 12, r: 8, p: 1 } as const
const HOLDOUT_SOURCE: SourceFile = 'mailchimp_audience'

export interface BenchWorkspace {
  ws: Workspace
  /** The held-out rows as a file of their own (null without a holdout), and the mapping to import it with. */
  holdoutFile: string | null
  people: number
  /** True when the imported workspace came from the cache. */
  cached: boolean
}

/** Imports one generated export with the evaluation's mapping for it; throws on a quarantined row. */
export async function importExport(ws: Workspace, file: string, source: SourceFile, sourceName: string = source): Promise<number> {
  const mapping = parseMapping(JSON.parse(readFileSync(join(repoRoot, 'test', 'eval', 'mappings', `${source}.json`), 'utf8')))
  const r = await importFile(ws, file, { source: sourceName, mapping, defaultCountry: 'US' })
  if (r.rowsQuarantined > 0) throw new Error(`${file}: ${r.rowsQuarantined} rows quarantined; the bench data must import whole`)
  return r.rows
}

/**
 * Copies `file` to `head` without its last `rows` data rows and writes those rows (with the header) to
 * `tail`. Works on lines: the generator quotes cells only for a comma, a quote or a line break, and its
 * Mailchimp export has no free-text cells, so a line is a row (checked: the line count must match).
 */
function splitTail(file: string, rows: number, head: string, tail: string, expectedRows: number): void {
  const lines = readFileSync(file, 'utf8').split('\n')
  if (lines.at(-1) === '') lines.pop()
  if (lines.length - 1 !== expectedRows) throw new Error(`${file}: ${lines.length - 1} lines for ${expectedRows} rows; cannot split by line`)
  if (rows >= expectedRows) throw new Error(`holdout ${rows} is not below the ${expectedRows} rows of ${file}`)
  const cut = lines.length - rows
  writeFileSync(head, `${lines.slice(0, cut).join('\n')}\n`)
  writeFileSync(tail, `${[lines[0], ...lines.slice(cut)].join('\n')}\n`)
}

/**
 * What an import writes for the same files, in the cached workspace's name: 2 since orders keep their buyer's
 * new phone or address as a record in the owner's profile (import/pipeline/buyer-details.ts), 3 since also a
 * new mailbox or name spelling, 4 since a mailbox's match key is stored only where it is not the mailbox itself.
 */
const importVersion = 4

/**
 * A fresh copy of the benchmark workspace for about `records` person records, built (generated and
 * imported, minutes at a million records) only when not cached. The caller closes `ws` and removes `path`.
 */
export async function benchWorkspace(path: string, records: number, holdout: number, log: (line: string) => void): Promise<BenchWorkspace> {
  const people = Math.max(1000, Math.round(records / RECORDS_PER_PERSON))
  const data = generatedData({ people })
  const manifest = JSON.parse(readFileSync(join(data.dir, 'manifest.json'), 'utf8')) as { files: Record<SourceFile, { rows: number }> }
  const holdoutFile = holdout > 0 ? join(data.dir, `holdout-${holdout}-new.csv`) : null
  const baseFile = join(data.dir, `holdout-${holdout}-base.csv`)
  if (holdoutFile && !existsSync(holdoutFile)) {
    splitTail(data.files[HOLDOUT_SOURCE], holdout, baseFile, `${holdoutFile}.part`, manifest.files[HOLDOUT_SOURCE].rows)
    renameSync(`${holdoutFile}.part`, holdoutFile)
  }
  // The cipher is in the name: a workspace under another cipher would measure its cost, not the current one's.
  const cached = join(data.dir, `resolve-bench-s${currentSchemaVersion()}-g${generatorVersion}-i${importVersion}-${currentCipher}-hold-${holdout}.tdb`)
  if (existsSync(cached)) {
    copyFileSync(cached, path)
    copyFileSync(keyFilePath(cached), keyFilePath(path))
    log(`imported workspace copied from ${cached}`)
    return { ws: openWorkspace(path, new Passphrase(passphrase)), holdoutFile, people, cached: true }
  }
  const ws = createWorkspace(path, passphrase, { kdf })
  const t0 = performance.now()
  let rows = 0
  for (const source of sourceFiles) {
    rows += await importExport(ws, holdoutFile && source === HOLDOUT_SOURCE ? baseFile : data.files[source], source)
  }
  log(`imported ${rows.toLocaleString('en')} rows of ${people.toLocaleString('en')} people in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  ws.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  copyFileSync(path, `${cached}.part`)
  copyFileSync(keyFilePath(path), keyFilePath(cached))
  renameSync(`${cached}.part`, cached)
  return { ws, holdoutFile, people, cached: false }
}
