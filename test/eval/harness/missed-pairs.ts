/**
 * Where the generator's lost true pairs go. Resolves the cached bench workspace of N people (seed 1, imported
 * with the evaluation's mappings) in-process with the current engine and default thresholds, then classifies
 * every true record pair left in two profiles by the best-weighted candidate pair of that person between those
 * two profiles: no candidate pair at all (blocking), scored below the review band, in the review band (a human
 * would join them), or in the auto band but refused by the clustering (id conflict, weak bridge: queued too).
 * Each class is broken down by that best pair's comparison levels (first, last, dob, address, email, phone,
 * company, external id; 0 = a value missing), a pair never compared by its own levels, so the report says what
 * the lost pairs share and what they lack.
 *
 * Usage: `npx tsx test/eval/harness/missed-pairs.ts [people] [--patterns N]` (default 20,000 people, 25 patterns).
 */
import { getThresholds, resolve } from '../../../electron/core/identity'
import { candidatePairs } from '../../../electron/core/identity/blocking'
import { pairLevels } from '../../../electron/core/identity/compare'
import { comparisons, K } from '../../../electron/core/identity/comparisons'
import { latestModel } from '../../../electron/core/identity/model-store'
import { toProbability } from '../../../electron/core/identity/model'
import { prepareRecords, type Prepared } from '../../../electron/core/identity/prepare'
import { computeLevels, weighPairs } from '../../../electron/core/identity/score'
import { tempDir } from '../../helpers/temp-workspace'
import { generatedData } from '../../bench/data'
import { benchWorkspace, RECORDS_PER_PERSON } from '../../bench/resolve-workspace'
import { personOf, truePairs } from './blocking-coverage'

/** The best-weighted same-person candidate pair between each two profiles, keyed "profileA:profileB". */
function bestBetweenProfiles(p: Prepared, person: Int32Array, a: Int32Array, b: Int32Array, weight: Float64Array): Map<string, number> {
  const best = new Map<string, number>()
  for (let t = 0; t < a.length; t++) {
    const i = a[t]!
    const j = b[t]!
    if (person[i]! < 0 || person[i] !== person[j] || p.profile[i] === p.profile[j]) continue
    const key = profileKey(p.profile[i]!, p.profile[j]!)
    const had = best.get(key)
    if (had === undefined || weight[t]! > weight[had]!) best.set(key, t)
  }
  return best
}

const profileKey = (x: number, y: number): string => (x < y ? `${x}:${y}` : `${y}:${x}`)

async function main(): Promise<void> {
  const people = Number(process.argv[2] ?? 20_000)
  const at = process.argv.indexOf('--patterns')
  const shown = at > 0 ? Number(process.argv[at + 1]) : 25
  const data = generatedData({ people })
  const tmp = tempDir('tessera-missed-')
  const { ws } = await benchWorkspace(tmp.file('ws.tdb'), Math.round(people * RECORDS_PER_PERSON), 0, (l) => console.log(l))
  try {
    const run = await resolve(ws, { full: true })
    const p = prepareRecords(ws.sqlite)
    const person = personOf(ws.sqlite, p, data.truth)
    const cand = candidatePairs(p, {})
    const levels = computeLevels(p, cand.a, cand.b)
    const weight = weighPairs(p, cand.a, levels, latestModel(ws.sqlite)!)
    const t = getThresholds(ws)
    const best = bestBetweenProfiles(p, person, cand.a, cand.b, weight)
    const pairs = truePairs(person)
    const classes = new Map<string, number>()
    const own = new Uint8Array(K)
    let lost = 0
    for (let k = 0; k < pairs.a.length; k++) {
      const i = pairs.a[k]!
      const j = pairs.b[k]!
      if (p.profile[i] === p.profile[j]) continue
      lost++
      const bt = best.get(profileKey(p.profile[i]!, p.profile[j]!))
      // Never compared: the levels this record pair would have had say what a blocking key could have used.
      pairLevels(p, i, j, own, 0)
      let name = `not a candidate pair (blocking) | ${own.join('')}`
      if (bt !== undefined) {
        const prob = toProbability(weight[bt]!)
        const band = prob >= t.autoMerge ? 'auto band, refused by the clustering' : prob >= t.review ? 'review band' : 'below review'
        const pattern = comparisons.map((_c, c) => levels[bt * K + c]).join('')
        name = `${band} | ${pattern}`
      }
      classes.set(name, (classes.get(name) ?? 0) + 1)
    }
    const byClass = new Map<string, number>()
    for (const [name, n] of classes) byClass.set(name.split(' | ')[0]!, (byClass.get(name.split(' | ')[0]!) ?? 0) + n)
    console.log(`resolve: ${run.merged} merged, ${run.queued} queued; true record pairs ${pairs.a.length}, lost ${lost}`)
    for (const [name, n] of [...byClass].sort((x, y) => y[1] - x[1])) console.log(`${String(n).padStart(7)}  ${name}`)
    console.log(`heaviest patterns (levels ${comparisons.map((c) => c.name).join(', ')}):`)
    for (const [name, n] of [...classes].sort((x, y) => y[1] - x[1]).slice(0, shown)) console.log(`${String(n).padStart(7)}  ${name}`)
  } finally {
    ws.close()
    tmp.remove()
  }
}

void main()
