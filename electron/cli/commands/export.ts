import type { Command } from 'commander'
import { CdpError } from '../../../shared/api/errors'
import { presetIds, previewExport, runExport, type ExportPreview } from '../../core/activation'
import { refreshDirtyProfiles } from '../../core/profiles'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { actorOf } from './review'

/**
 * `cdp export --db PATH --segment NAME --preset meta|google|linkedin|mailchimp|klaviyo|hubspot|csv|xlsx|json
 *  [--hashed] [--columns …] --out FILE`: writes one customer-list file from a saved segment, gated by consent
 * and suppression, and logs it. `--preview` shows who would be in it without writing anything.
 */
interface ExportCliOptions extends WorkspaceOptions {
  segment: string
  preset: string
  out?: string
  hashed?: boolean
  columns?: string[]
  delimiter?: string
  bom?: boolean
  gmailDotFolding?: boolean
  preview?: boolean
  actor?: string
}

function summary(p: ExportPreview): string {
  const excluded = Object.entries(p.excluded).map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none'
  return [
    `Segment "${p.segment.name}" v${p.segment.version}: ${p.members} member(s); ${p.included} included; excluded: ${excluded}.`,
    `Coverage: ${p.coverage.text}.`,
    ...p.warnings.map((w) => `Warning: ${w}`),
  ].join('\n')
}

const list = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)]

export function registerExport(program: Command): void {
  workspaceCommand(program.command('export'))
    .description('write a customer-list file for an ad or email platform from a saved segment')
    .requiredOption('--segment <name>', 'saved segment name')
    .requiredOption('--preset <id>', presetIds.join('|'))
    .option('--out <file>', 'output file (written to a temp name, then renamed)')
    .option('--hashed', 'hash the columns the platform accepts hashed (SHA-256 after normalisation)')
    .option('--columns <names>', 'csv/xlsx/json: columns, comma separated (repeatable)', list)
    .option('--delimiter <char>', 'csv: field separator', ',')
    .option('--bom', 'csv: start with a UTF-8 BOM (Excel)')
    .option('--gmail-dot-folding', 'google: remove dots from gmail addresses')
    .option('--preview', 'show included/excluded counts and coverage; write nothing')
    .option('--actor <name>', 'who exports (default: the OS user name)')
    .action(async (opts: ExportCliOptions) => {
      const delimiter = opts.delimiter === '\\t' || opts.delimiter === 'tab' ? '\t' : opts.delimiter
      if (delimiter !== undefined && delimiter.length !== 1) throw new CdpError('InvalidInput', `--delimiter must be one character, got "${opts.delimiter}".`)
      const base = {
        segment: opts.segment, preset: opts.preset, hashed: opts.hashed, columns: opts.columns, delimiter, bom: opts.bom, gmailDotFolding: opts.gmailDotFolding,
      }
      if (opts.preview) {
        const p = await withWorkspace(opts, (ws) => {
          refreshDirtyProfiles(ws)
          return previewExport(ws, base)
        })
        return emit(opts, p, () => summary(p))
      }
      if (!opts.out) throw new CdpError('InvalidInput', 'Give the output file with --out FILE (or use --preview).')
      const out = opts.out
      const r = await withWorkspace(opts, async (ws) => {
        refreshDirtyProfiles(ws)
        return runExport(ws, { ...base, out, actor: actorOf(opts) })
      })
      emit(opts, r, () => `${summary(r)}\nWrote ${r.file} (export ${r.exportId}, sha256 ${r.sha256}).`)
    })
}
