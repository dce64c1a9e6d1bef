import type { Command } from 'commander'
import { explain } from '../../core/identity/review'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { parseId } from './review'

const explainHelp = `
With two records: why they are (not) in one profile. With one: its profile, the edges holding it there
and its membership history.
JSON output (--json):
  pair:   { "kind": "pair", "records": [A, B], "together", "pair": the direct evidence ("computed": true when no run scored it),
            "path": [edges] or null, "decisions": [...], "keptApartBy": [a, b] or null, "summary": [lines] }
  record: { "kind": "record", "record", "edges": [...], "history": [...], "decisions": [...], "summary": [lines] }
  an edge: { "recordA", "recordB", "kind": "auto" | "approved", "pairId", "probability", "weight", "decisionId", "actor" }`

/** `cdp explain RECORD_A [RECORD_B]`. */
export function registerExplain(program: Command): void {
  workspaceCommand(program.command('explain <recordA> [recordB]'))
    .description('explain why records are (not) together')
    .addHelpText('after', explainHelp)
    .action(async (a: string, b: string | undefined, opts: WorkspaceOptions) => {
      const recordA = parseId(a, 'The record id')
      const recordB = b === undefined ? undefined : parseId(b, 'The second record id')
      const x = await withWorkspace(opts, (ws) => (recordB === undefined ? explain(ws, { recordId: recordA }) : explain(ws, { recordA, recordB })))
      emit(opts, x, () => {
        const lines = [...x.summary]
        if (x.kind === 'pair') {
          lines.push(x.pair.computed ? 'Evidence (compared now):' : 'Evidence:', ...x.pair.waterfall.steps.filter((s) => !(s.level === 'null' && s.weight === 0)).map((s) => `  ${s.label.padEnd(12)} ${(s.level ?? '').padEnd(34)} ${s.weight.toFixed(2)}`))
        }
        if (x.kind === 'record') {
          lines.push('History:', ...x.history.map((h) => `  ${h.at} ${h.cause}: profile ${h.fromProfile ?? '-'} -> ${h.toProfile}${h.actor ? ` by ${h.actor}` : ''}${h.reason ? ` (${h.reason})` : ''}`))
        }
        return lines.join('\n')
      })
    })
}
