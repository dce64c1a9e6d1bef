import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'
import { priorModel } from './model'
import { latestModel } from './model-store'
import { prepareRecords } from './prepare'
import { type PairEvidence, pairEvidence } from './score'
import { initialLambda } from './train'
import { fold } from './text'

/**
 * The evidence for any two records (for explain and review): per comparison its level, the two values and
 * the weight, plus the rule adjustments, scored with the workspace's latest model (the priors before the
 * first run). Name frequencies for the term-frequency adjustment come from the whole workspace.
 * Throws CdpError('NotFound') when a record does not exist.
 */
export function comparePair(ws: Workspace, recordA: number, recordB: number): PairEvidence {
  const p = prepareRecords(ws.sqlite, [recordA, recordB])
  const ia = p.indexOf.get(recordA)
  const ib = p.indexOf.get(recordB)
  if (ia === undefined || ib === undefined) throw new CdpError('NotFound', `Record ${ia === undefined ? recordA : recordB} does not exist.`)
  const total = ws.sqlite.prepare('SELECT count(*) FROM records').pluck().get() as number
  nameFrequencies(ws, p, total)
  const model = latestModel(ws.sqlite) ?? priorModel(initialLambda(total))
  return pairEvidence(p, ia, ib, model)
}

/** Workspace-wide counts of the two records' names (SQL lower() is close enough to fold() for counting). */
function nameFrequencies(ws: Workspace, p: ReturnType<typeof prepareRecords>, total: number): void {
  const first = ws.sqlite.prepare('SELECT count(*) FROM records WHERE lower(first_name) = ?').pluck()
  const last = ws.sqlite.prepare('SELECT count(*) FROM records WHERE lower(last_name) = ?').pluck()
  p.fnTotal = ws.sqlite.prepare('SELECT count(*) FROM records WHERE first_name IS NOT NULL').pluck().get() as number
  p.lnTotal = ws.sqlite.prepare('SELECT count(*) FROM records WHERE last_name IS NOT NULL').pluck().get() as number
  for (let i = 0; i < p.n; i++) {
    if (p.fn[i]) p.fnFreq.set(p.fn[i]!, Math.max(1, first.get(fold(p.fn[i])) as number))
    if (p.ln[i]) p.lnFreq.set(p.ln[i]!, Math.max(1, last.get(fold(p.ln[i])) as number))
  }
  void total
}
