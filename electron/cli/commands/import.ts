import { existsSync, readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { CdpError } from '../../../shared/api/errors'
import { importFile, parseMapping, type ImportReport, type Mapping } from '../../core/import'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { progressBar } from '../progress'

interface ImportCliOptions extends WorkspaceOptions {
  source?: string
  preset?: string
  mapping?: string
  sheet?: string
  defaultCountry?: string
  force?: boolean
}

/** `cdp import FILE...`: imports each file in its own transaction and prints what became of every row. */
export function registerImport(program: Command): void {
  workspaceCommand(program.command('import'))
    .description('import customer export files (CSV, TSV, XLSX, JSON, NDJSON)')
    .argument('<files...>', 'files to import')
    .option('--source <name>', 'source name (default: the file name without extension)')
    .option('--preset <id>', 'use this preset instead of recognising one (e.g. shopify-customers)')
    .option('--mapping <file>', 'JSON mapping file: { kind, columns: { "Column": "field" }, ... }')
    .option('--sheet <name>', 'XLSX sheet to read')
    .option('--default-country <cc>', 'country for phone numbers without a prefix (ISO alpha-2)', 'US')
    .option('--force', 'import a file again even if this exact file was imported before')
    .action(async (files: string[], opts: ImportCliOptions) => {
      const mapping = opts.mapping === undefined ? undefined : readMappingFile(opts.mapping)
      if (opts.defaultCountry && !/^[A-Za-z]{2}$/.test(opts.defaultCountry)) {
        throw new CdpError('InvalidInput', `--default-country must be a two-letter ISO country code, not "${opts.defaultCountry}".`)
      }
      const reports = await withWorkspace(opts, async (ws) => {
        const out: ImportReport[] = []
        for (const file of files) {
          const bar = progressBar(!opts.json && Boolean(process.stderr.isTTY))
          try {
            out.push(await importFile(ws, file, {
              ...(opts.source ? { source: opts.source } : {}), ...(opts.preset ? { preset: opts.preset } : {}),
              ...(mapping ? { mapping } : {}), ...(opts.sheet ? { sheet: opts.sheet } : {}),
              defaultCountry: opts.defaultCountry ?? 'US', force: opts.force === true,
              onProgress: (p) => bar.update(p.bytes, p.totalBytes, `${p.phase} ${p.rows.toLocaleString('en')} rows`),
            }))
          } finally {
            bar.finish()
          }
        }
        return out
      })
      emit(opts, reports, () => reports.map(describe).join('\n'))
    })
}

/** Reads and validates a `--mapping` file; every problem is a one-line CdpError naming the file. */
export function readMappingFile(path: string): Mapping {
  if (!existsSync(path)) throw new CdpError('NotFound', `Mapping file ${path} does not exist.`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new CdpError('InvalidInput', `Mapping file ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  return parseMapping(json, `mapping file ${path}`)
}

function describe(r: ImportReport): string {
  if (r.alreadyImported) {
    return `${r.file}: already imported (import #${r.previousImportId}); nothing to do. Use --force to import it again.`
  }
  const info = r.reader
  const decisions = [
    r.preset ? `preset ${r.preset.label} (${r.preset.id}, confidence ${r.preset.confidence})` : 'no preset',
    `mapping ${r.mappingOrigin}`,
    info ? [info.format, info.encoding, info.delimiter !== undefined ? `delimiter ${JSON.stringify(info.delimiter)}` : '',
      info.sheet ? `sheet "${info.sheet}"` : ''].filter(Boolean).join(', ') : '',
  ]
  const dates = Object.entries(r.dateOrders).map(([c, d]) => `${c}: ${d.order}${d.ambiguous ? ' (ambiguous)' : ''}`)
  const reasons = Object.entries(r.quarantineReasons).map(([k, n]) => `${k} ${n}`).join(', ')
  return [
    `${r.file} → source "${r.source}" (import #${r.importId})`,
    `  ${decisions.filter(Boolean).join('; ')}`,
    dates.length ? `  date order: ${dates.join('; ')}` : '',
    `  rows ${r.rows}: records ${r.recordsImported + r.recordsUpdated} (new ${r.recordsImported}, updated ${r.recordsUpdated}), ` +
      `events ${r.eventsImported}, quarantined ${r.rowsQuarantined}${reasons ? ` (${reasons})` : ''}`,
    r.recordsFromEvents || r.recordsFromBuyerDetails
      ? `  person records from event rows: ${r.recordsFromEvents} new buyers, ${r.recordsFromBuyerDetails} buyers' new phones, addresses, mailboxes or names`
      : '',
  ].filter(Boolean).join('\n')
}
