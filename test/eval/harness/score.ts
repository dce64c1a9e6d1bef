/** Scores a `cdp links` file against truth with ../shared/bin/score-links (pairwise precision/recall/F1). */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { repoRoot } from './datasets'

export const scoreLinksPath = join(repoRoot, '..', 'shared', 'bin', 'score-links')

const scoreSchema = z.object({
  records: z.number(),
  lost: z.number(),
  unknown_rows: z.number(),
  persons: z.number(),
  profiles: z.number(),
  mixed_profiles: z.number(),
  true_pairs: z.number(),
  predicted_pairs: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
})
export type Score = z.infer<typeof scoreSchema>

/** Throws when score-links is missing or prints something other than its JSON. */
export function scoreLinks(truthPath: string, linksPath: string): Score {
  if (!existsSync(scoreLinksPath)) throw new Error(`score-links not found at ${scoreLinksPath}`)
  const r = spawnSync(process.execPath, [scoreLinksPath, truthPath, linksPath], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`score-links failed: ${r.stderr}`)
  return scoreSchema.parse(JSON.parse(r.stdout))
}
