import type { ClusterInput, ClusterResult, RefusalReason } from './cluster'

/**
 * ClusterInput and ClusterResult in the form they cross to and from the clustering worker: typed arrays and
 * flat lists. Structured cloning copies a list of a million small arrays (a record's system ids) or merge
 * objects one by one; flat, the same data is a few buffers and one list of strings.
 */
export interface EncodedClusterInput extends Omit<ClusterInput, 'systemIds'> {
  /** Every record's system ids, record after record; record i's are ids[idStart[i]] up to ids[idStart[i + 1]]. */
  ids: string[]
  idStart: Int32Array
}

export interface EncodedClusterResult {
  /** Per merge: pair index (-1 for a must-link), records, and 1 when a human approved it (cause 'review'). */
  t: Int32Array
  i: Int32Array
  j: Int32Array
  review: Uint8Array
  refusedT: Int32Array
  refusedReason: RefusalReason[]
}

export function encodeClusterInput(input: ClusterInput): EncodedClusterInput {
  const { systemIds, ...rest } = input
  const idStart = new Int32Array(input.n + 1)
  const ids: string[] = []
  for (let r = 0; r < input.n; r++) {
    for (const id of systemIds[r]!) ids.push(id)
    idStart[r + 1] = ids.length
  }
  return { ...rest, ids, idStart }
}

export function decodeClusterInput(input: EncodedClusterInput): ClusterInput {
  const { ids, idStart, ...rest } = input
  const none: string[] = []
  const systemIds = new Array<string[]>(input.n)
  for (let r = 0; r < input.n; r++) systemIds[r] = idStart[r] === idStart[r + 1] ? none : ids.slice(idStart[r], idStart[r + 1])
  return { ...rest, systemIds }
}

export function encodeClusterResult(result: ClusterResult): EncodedClusterResult {
  const m = result.merges
  const out: EncodedClusterResult = {
    t: new Int32Array(m.length), i: new Int32Array(m.length), j: new Int32Array(m.length), review: new Uint8Array(m.length),
    refusedT: Int32Array.from(result.refused, (r) => r.t), refusedReason: result.refused.map((r) => r.reason),
  }
  for (let k = 0; k < m.length; k++) {
    out.t[k] = m[k]!.t
    out.i[k] = m[k]!.i
    out.j[k] = m[k]!.j
    out.review[k] = m[k]!.cause === 'review' ? 1 : 0
  }
  return out
}

export function decodeClusterResult(r: EncodedClusterResult): ClusterResult {
  const merges: ClusterResult['merges'] = new Array(r.t.length)
  for (let k = 0; k < r.t.length; k++) merges[k] = { t: r.t[k]!, i: r.i[k]!, j: r.j[k]!, cause: r.review[k] ? 'review' : 'auto' }
  return { merges, refused: Array.from(r.refusedT, (t, k) => ({ t, reason: r.refusedReason[k]! })) }
}
