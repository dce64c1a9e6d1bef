import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { compactForm, expandCompact } from '../compact-evidence'
import { parseModel } from '../model-store'
import { parseEvidence } from './evidence'
import type { EvidenceItem } from './types'

/**
 * A stored pair's evidence as items: the full or older JSON forms through parseEvidence, the compact form
 * (levels only, see compact-evidence.ts) expanded with the model of the run that scored the pair. `null`
 * when compact evidence cannot be expanded (its run is gone, or its model is of other comparisons): the
 * caller compares the records now instead. Reads only; never throws.
 */
export function readStoredEvidence(db: SqliteDatabase, evidence: string, runId: number | null): { items: EvidenceItem[]; prior: number | null } | null {
  let raw: unknown
  try {
    raw = JSON.parse(evidence)
  } catch {
    return parseEvidence(evidence)
  }
  const form = compactForm(raw)
  if (!form) return parseEvidence(evidence)
  const json = runId === null ? undefined : db.prepare('SELECT model FROM match_runs WHERE id = ?').pluck().get(runId) as string | undefined
  let model = null
  try {
    model = json === undefined ? null : parseModel(JSON.parse(json))
  } catch {
    model = null
  }
  if (!model) return null
  const { prior, items } = expandCompact(form, model)
  return { prior, items: items.map((x) => ({ ...x, valueA: null, valueB: null })) }
}
