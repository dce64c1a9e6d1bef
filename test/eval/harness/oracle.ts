/**
 * Answers the review queue the way a perfect reviewer would: approve when the truth says both rows are one
 * person, reject otherwise. Uses `cdp review list --json` and `cdp review answer --file`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { isUnknownCommand, mustRun, parseJson, runCdp } from './cdp-runner'

const itemSchema = z.object({ id: z.number(), sourceA: z.string(), rowA: z.number(), sourceB: z.string(), rowB: z.number() }).passthrough()
export type ReviewItem = z.infer<typeof itemSchema>

/** Pending review items, or undefined when this build has no `cdp review` yet. */
export function pendingReviews(db: string): ReviewItem[] | undefined {
  const r = runCdp(['review', 'list', '--db', db, '--json'])
  if (isUnknownCommand(r)) return undefined
  if (r.code !== 0) throw new Error(`cdp review list failed: ${r.stderr.trim()}`)
  return z.array(itemSchema).parse(parseJson(r, 'cdp review list'))
}

/** truth.csv → `source#row` → person. */
export function readTruthMap(path: string): Map<string, string> {
  const out = new Map<string, string>()
  const lines = readFileSync(path, 'utf8').split('\n')
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (!line) continue
    const [file, row, person] = line.split(',')
    out.set(`${file}#${row}`, person ?? '')
  }
  return out
}

export interface OracleAnswer {
  id: number
  decision: 'approve' | 'reject' | 'skip'
}

/** The correct decision for each item; rows the truth does not know are skipped. */
export function oracleAnswers(items: readonly ReviewItem[], truth: ReadonlyMap<string, string>): OracleAnswer[] {
  return items.map((it) => {
    const a = truth.get(`${it.sourceA}#${it.rowA}`)
    const b = truth.get(`${it.sourceB}#${it.rowB}`)
    if (a === undefined || b === undefined) return { id: it.id, decision: 'skip' }
    return { id: it.id, decision: a === b ? 'approve' : 'reject' }
  })
}

/** Applies the answers in one `cdp review answer` call; returns its JSON summary. */
export function applyAnswers(db: string, answers: readonly OracleAnswer[], answersPath: string): unknown {
  writeFileSync(answersPath, JSON.stringify(answers))
  return parseJson(mustRun(['review', 'answer', '--db', db, '--file', answersPath, '--actor', 'eval-oracle', '--json']), 'cdp review answer')
}
