import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { z } from 'zod'
import { CdpError } from '../../../shared/api/errors'
import {
  answerReviews, approve, countReviews, decideBand, getReview, listReviews, reject, skip, undo,
  type DecisionResult, type ReviewDetail, type ReviewListItem,
} from '../../core/identity/review'
import type { ReviewStatus } from '../../core/db'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'

/** Options shared by the commands that record a decision. */
export interface DecisionOptions extends WorkspaceOptions {
  actor?: string
  reason?: string
}

/** The actor of a CLI decision: --actor, else the OS user name. */
export function actorOf(opts: { actor?: string }): string {
  if (opts.actor !== undefined && opts.actor.trim() !== '') return opts.actor.trim()
  try {
    return userInfo().username
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers): fall back to the environment.
    return process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
}

/** Parses a positive whole-number id argument; throws CdpError('InvalidInput'). */
export function parseId(value: string, what: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN
  if (!Number.isSafeInteger(n) || n <= 0) throw new CdpError('InvalidInput', `${what} must be a positive whole number, got "${value}".`)
  return n
}

function parseProbability(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new CdpError('InvalidInput', `${what} must be a probability between 0 and 1, got "${value}".`)
  return n
}

/** Adds --actor and --reason to a decision command. */
export function decisionCommand(cmd: Command): Command {
  return workspaceCommand(cmd)
    .option('--actor <name>', 'who decides (default: the OS user name)')
    .option('--reason <text>', 'why, kept with the decision and in the audit log')
}

const listHelp = `
JSON output (--json), stable: an array, most useful first, of
  { "id": review item id, "recordA": record id, "recordB": record id (recordA < recordB),
    "probability": match probability 0..1, "weight": log2 match weight,
    "sourceA": source name, "rowA": 1-based data row (header excluded) of record A in its file,
    "sourceB": ..., "rowB": ..., "fileA": file name, "fileB": file name,
    "status": "pending" | "approved" | "rejected" | "skipped", "priority": uncertainty x impact }`

const decisionHelp = `
JSON output (--json): { "reviewId", "decisionId" (null for skip), "status",
  "profileId" (the merged profile after approve, else null),
  "alreadyTogether" (true when the records were already in one profile: a reject then does not split) }`

function listText(items: ReviewListItem[], total: number): string {
  if (items.length === 0) return 'The review queue is empty.'
  const lines = items.map((i) => `#${i.id}  p=${i.probability.toFixed(3)}  w=${i.weight.toFixed(2)}  ` +
    `${i.sourceA} row ${i.rowA} <-> ${i.sourceB} row ${i.rowB}  (records ${i.recordA}, ${i.recordB})`)
  return [...lines, `${items.length} of ${total} item(s)`].join('\n')
}

function showText(r: ReviewDetail): string {
  const [a, b] = r.records
  const mark = { same: '=', close: '~', different: 'x', missing: ' ' } as const
  const out = [
    `Review #${r.id} (${r.status})  p=${r.probability.toFixed(3)}  weight ${r.weight.toFixed(2)}  band ${r.band}`,
    `A: record ${a.id}, ${a.source} row ${a.row} (${a.file}), profile ${a.profileId} with ${a.profileSize} record(s)`,
    `B: record ${b.id}, ${b.source} row ${b.row} (${b.file}), profile ${b.profileId} with ${b.profileSize} record(s)`,
    '',
    ...r.agreement.filter((f) => f.a !== null || f.b !== null)
      .map((f) => `${mark[f.agreement]} ${f.field.padEnd(11)} ${(f.a ?? '').padEnd(30)} ${f.b ?? ''}`),
    '',
    'Evidence (log2 weight, running total):',
    ...r.waterfall.steps.filter((s) => !(s.level === 'null' && s.weight === 0)).map((s) => `  ${s.label.padEnd(12)} ${(s.level ?? '').padEnd(34)} ${s.weight >= 0 ? '+' : ''}${s.weight.toFixed(2)}  = ${s.total.toFixed(2)}`),
    `  probability ${r.waterfall.probability.toFixed(4)}`,
  ]
  return out.join('\n')
}

function decisionText(verb: string, r: DecisionResult): string {
  if (r.status === 'approved') return `Approved review #${r.reviewId}: both records are now in profile ${r.profileId} (decision ${r.decisionId}).`
  if (r.status === 'rejected') {
    const note = r.alreadyTogether ? ' They are still in one profile (joined through other records): split it with "cdp profile split".' : ''
    return `Rejected review #${r.reviewId}: the two records will not be merged by any later run (decision ${r.decisionId}).${note}`
  }
  return `${verb} review #${r.reviewId}.`
}

function registerDecision(review: Command, name: 'approve' | 'reject' | 'skip'): void {
  const fn = { approve, reject, skip }[name]
  decisionCommand(review.command(`${name} <id>`))
    .description(`${name} one review item`)
    .addHelpText('after', decisionHelp)
    .action(async (id: string, opts: DecisionOptions) => {
      const reviewId = parseId(id, 'The review id')
      const r = await withWorkspace(opts, (ws) => fn(ws, reviewId, { actor: actorOf(opts), reason: opts.reason ?? null }))
      emit(opts, r, () => decisionText('Skipped', r))
    })
}

function registerBand(review: Command, name: 'approve-band' | 'reject-band'): void {
  const decision = name === 'approve-band' ? 'approve' : 'reject'
  decisionCommand(review.command(name))
    .description(`${decision} every pending item whose probability lies in [--min, --max]`)
    .requiredOption('--min <p>', 'lowest probability, inclusive')
    .requiredOption('--max <p>', 'highest probability, inclusive')
    .option('--dry-run', 'only count the items that would be decided')
    .addHelpText('after', '\nJSON output (--json): { "matched", "approved", "rejected", "conflicts" } (with --dry-run: { "matched" })')
    .action(async (opts: DecisionOptions & { min: string; max: string; dryRun?: boolean }) => {
      const min = parseProbability(opts.min, '--min')!
      const max = parseProbability(opts.max, '--max')!
      if (opts.dryRun) {
        const matched = await withWorkspace(opts, (ws) => countReviews(ws, { status: 'pending', band: { min, max } }))
        emit(opts, { matched }, () => `${matched} pending item(s) in ${min}..${max} would be ${decision}d.`)
        return
      }
      const r = await withWorkspace(opts, (ws) => decideBand(ws, { min, max, decision, actor: actorOf(opts), reason: opts.reason ?? null }))
      emit(opts, r, () => `${r.matched} item(s) in ${min}..${max}: ${r.approved} approved, ${r.rejected} rejected, ` +
        `${r.conflicts} left pending (they would join records a decision keeps apart).`)
    })
}

/** `cdp review list|show|approve|reject|skip|undo|approve-band|reject-band`. */
export function registerReview(program: Command): void {
  const review = program.command('review').description('the merge review queue: uncertain pairs a person decides')
  workspaceCommand(review.command('list'))
    .description('list review items, most useful first')
    .option('--status <status>', 'pending | approved | rejected | skipped | all', 'pending')
    .option('--min <p>', 'lowest probability, inclusive')
    .option('--max <p>', 'highest probability, inclusive')
    .option('--limit <n>', 'at most N items (default: all)')
    .option('--offset <n>', 'skip the first N items', '0')
    .addHelpText('after', listHelp)
    .action(async (opts: WorkspaceOptions & { status: string; min?: string; max?: string; limit?: string; offset: string }) => {
      const q = {
        status: opts.status as ReviewStatus | 'all',
        band: { min: parseProbability(opts.min, '--min'), max: parseProbability(opts.max, '--max') },
        limit: opts.limit === undefined ? undefined : parseCount(opts.limit, '--limit'),
        offset: parseCount(opts.offset, '--offset'),
      }
      const [items, total] = await withWorkspace(opts, (ws) => [listReviews(ws, q), countReviews(ws, q)] as const)
      emit(opts, items, () => listText(items, total))
    })
  workspaceCommand(review.command('show <id>'))
    .description('show one item: both records side by side and the evidence')
    .addHelpText('after', '\nJSON output (--json): the full ReviewDetail (records, agreement per field, evidence, waterfall).')
    .action(async (id: string, opts: WorkspaceOptions) => {
      const reviewId = parseId(id, 'The review id')
      const r = await withWorkspace(opts, (ws) => getReview(ws, reviewId))
      emit(opts, r, () => showText(r))
    })
  for (const name of ['approve', 'reject', 'skip'] as const) registerDecision(review, name)
  decisionCommand(review.command('undo [id]'))
    .description('undo the decision on review item ID, or the latest decision (a split is undone as a whole)')
    .option('--decision <n>', 'undo this decision id instead')
    .addHelpText('after', '\nJSON output (--json): { "decisionIds", "decision", "recordsMoved", "reviewIds" }')
    .action(async (id: string | undefined, opts: DecisionOptions & { decision?: string }) => {
      const target = {
        reviewId: id === undefined ? undefined : parseId(id, 'The review id'),
        decisionId: opts.decision === undefined ? undefined : parseId(opts.decision, '--decision'),
      }
      const r = await withWorkspace(opts, (ws) => undo(ws, { actor: actorOf(opts), reason: opts.reason ?? null, ...target }))
      emit(opts, r, () => `Undid ${r.decision} decision(s) ${r.decisionIds.join(', ')}: ${r.recordsMoved} record(s) moved back, ` +
        `${r.reviewIds.length} review item(s) pending again.`)
    })
  for (const name of ['approve-band', 'reject-band'] as const) registerBand(review, name)
  registerAnswer(review)
}

const answersSchema = z.array(z.object({ id: z.number().int().positive(), decision: z.enum(['approve', 'reject', 'skip']) }))

/** `cdp review answer --file F`: many decisions in one process and one transaction. */
function registerAnswer(review: Command): void {
  decisionCommand(review.command('answer'))
    .description('apply many decisions at once from a JSON file ("-" for stdin)')
    .requiredOption('--file <path>', 'JSON array of { "id": review id, "decision": "approve" | "reject" | "skip" }')
    .addHelpText('after', '\nJSON output (--json): { "approved", "rejected", "skipped", "conflicts": [{ "id", "message" }] }\n' +
      'Applied in order, all or nothing; conflicts (already decided, or crossing a cannot-link) are reported, not fatal.')
    .action(async (opts: DecisionOptions & { file: string }) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(readFileSync(opts.file === '-' ? 0 : opts.file, 'utf8'))
      } catch (e) {
        throw new CdpError('InvalidInput', `Could not read answers from ${opts.file}: ${e instanceof Error ? e.message : String(e)}`)
      }
      const answers = answersSchema.safeParse(parsed)
      if (!answers.success) throw new CdpError('InvalidInput', `Answers must be a JSON array of { "id", "decision" }: ${answers.error.issues[0]?.message ?? 'invalid'}.`)
      const r = await withWorkspace(opts, (ws) => answerReviews(ws, answers.data, { actor: actorOf(opts), reason: opts.reason ?? null }))
      emit(opts, r, () => `${r.approved} approved, ${r.rejected} rejected, ${r.skipped} skipped, ${r.conflicts.length} conflict(s).` +
        r.conflicts.map((c) => `\n  #${c.id}: ${c.message}`).join(''))
    })
}

function parseCount(value: string, what: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN
  if (!Number.isSafeInteger(n)) throw new CdpError('InvalidInput', `${what} must be a whole number ≥ 0, got "${value}".`)
  return n
}
