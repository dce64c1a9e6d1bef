/**
 * Clustering without chaining. Starts from the current profiles (so ids stay stable), applies human
 * must-links, then auto-band edges strongest first, refusing any merge that would
 *  - join records a human kept apart (cannot-link), or
 *  - put two different ids of one system into one profile (two Shopify customer ids = two people), unless the
 *    edge itself is a strong within-source duplicate (same name and same mailbox, or same name, phone and
 *    address: one person registered twice), or
 *  - let one weak bridge join two clusters: unless the edge is strong, across the two clusters the scored pairs
 *    must on average be matches, and two clusters of 2+ records need two auto edges between them.
 * Refused edges are returned for the review queue with the reason.
 */
export interface ClusterInput {
  n: number
  /** Current profile of each record index. */
  profile: Float64Array
  /** Candidate pairs: indexes, match probability, band (0 non, 1 review, 2 auto), match weight. */
  a: Int32Array
  b: Int32Array
  probability: Float64Array
  band: Uint8Array
  weight: Float64Array
  mustLink: Array<[number, number]>
  cannotLink: Array<[number, number]>
  /** Per record, its one-per-system ids as "system:value". */
  systemIds: string[][]
  /**
   * Weight at or above which one edge may join two clusters on its own: neither a second auto edge nor the
   * other pairs across the two clusters averaging a match is asked of it.
   */
  strongWeight: number
  /**
   * Per pair, 1 when it is a strong within-source duplicate (see resolve.ts): such an edge may join clusters
   * holding different ids of one system, and is not a weak bridge. Omitted: no pair is.
   */
  duplicate?: Uint8Array
}

export type RefusalReason = 'cannot-link' | 'id-conflict' | 'weak-bridge'

export interface ClusterResult {
  /** Merges to apply, in order: pair index t, or -1 with the records for a must-link. */
  merges: Array<{ t: number; i: number; j: number; cause: 'auto' | 'review' }>
  refused: Array<{ t: number; reason: RefusalReason }>
}

class Clusters {
  readonly parent: Int32Array
  readonly members: number[][]
  /** Per cluster root, system → its ids (one, or more once within-source duplicates were joined). */
  readonly systems: Array<Map<string, string[]>>
  readonly cannot: number[][]

  constructor(n: number) {
    this.parent = new Int32Array(n)
    for (let i = 0; i < n; i++) this.parent[i] = i
    this.members = Array.from({ length: n }, (_v, i) => [i])
    this.systems = Array.from({ length: n }, () => new Map<string, string[]>())
    this.cannot = Array.from({ length: n }, () => [])
  }

  find(i: number): number {
    let r = i
    while (this.parent[r] !== r) r = this.parent[r]!
    while (this.parent[i] !== r) {
      const next = this.parent[i]!
      this.parent[i] = r
      i = next
    }
    return r
  }

  union(ra: number, rb: number): number {
    const [big, small] = this.members[ra]!.length >= this.members[rb]!.length ? [ra, rb] : [rb, ra]
    this.parent[small] = big
    for (const m of this.members[small]!) this.members[big]!.push(m)
    for (const [k, v] of this.systems[small]!) {
      const have = this.systems[big]!.get(k)
      if (!have) this.systems[big]!.set(k, v)
      else for (const id of v) if (!have.includes(id)) have.push(id)
    }
    for (const c of this.cannot[small]!) this.cannot[big]!.push(c)
    this.members[small] = []
    this.systems[small] = new Map()
    this.cannot[small] = []
    return big
  }

  /**
   * Why clusters ra and rb must not merge, or null. `duplicate`: the edge is a strong within-source
   * duplicate, which may join different ids of one system (one person registered twice, often in several
   * systems at once: twice in the newsletter and twice in the help desk).
   */
  conflict(ra: number, rb: number, duplicate = false): RefusalReason | null {
    for (const c of this.cannot[ra]!) if (this.find(c) === rb) return 'cannot-link'
    const [x, y] = this.systems[ra]!.size <= this.systems[rb]!.size ? [ra, rb] : [rb, ra]
    for (const [k, v] of this.systems[x]!) {
      const w = this.systems[y]!.get(k)
      if (w === undefined || duplicate) continue
      // Conflict when the merge would give both sides an id they do not have yet.
      if (!v.every((id) => w.includes(id)) && !w.every((id) => v.includes(id))) return 'id-conflict'
    }
    return null
  }
}

/** Runs the clustering; pure (no database), so every rule is unit-testable. */
export function clusterPairs(input: ClusterInput): ClusterResult {
  const cl = new Clusters(input.n)
  seed(cl, input)
  const result: ClusterResult = { merges: [], refused: [] }
  for (const [i, j] of input.mustLink) {
    const ri = cl.find(i)
    const rj = cl.find(j)
    if (ri === rj || cl.conflict(ri, rj) === 'cannot-link') continue
    cl.union(ri, rj)
    result.merges.push({ t: -1, i, j, cause: 'review' })
  }
  const adjacency = buildAdjacency(input)
  const auto: number[] = []
  for (let t = 0; t < input.a.length; t++) if (input.band[t] === 2) auto.push(t)
  auto.sort((x, y) => input.weight[y]! - input.weight[x]!)
  for (const t of auto) {
    const i = input.a[t]!
    const j = input.b[t]!
    const ri = cl.find(i)
    const rj = cl.find(j)
    if (ri === rj) continue
    const duplicate = input.duplicate?.[t] === 1
    const reason = cl.conflict(ri, rj, duplicate) ?? bridgeCheck(cl, ri, rj, t, input, adjacency, duplicate)
    if (reason) {
      result.refused.push({ t, reason })
      continue
    }
    cl.union(ri, rj)
    result.merges.push({ t, i, j, cause: 'auto' })
  }
  return result
}

function seed(cl: Clusters, input: ClusterInput): void {
  const byProfile = new Map<number, number>()
  for (let i = 0; i < input.n; i++) {
    for (const id of input.systemIds[i]!) {
      const cut = id.indexOf(':')
      const sys = id.slice(0, cut)
      const have = cl.systems[i]!.get(sys)
      if (have) have.push(id.slice(cut + 1))
      else cl.systems[i]!.set(sys, [id.slice(cut + 1)])
    }
  }
  for (const [i, j] of input.cannotLink) {
    cl.cannot[i]!.push(j)
    cl.cannot[j]!.push(i)
  }
  for (let i = 0; i < input.n; i++) {
    const first = byProfile.get(input.profile[i]!)
    if (first === undefined) byProfile.set(input.profile[i]!, i)
    else {
      const ra = cl.find(first)
      const rb = cl.find(i)
      if (ra !== rb) cl.union(ra, rb)
    }
  }
}

/** For each record index, the candidate pairs it takes part in (CSR layout: offsets + pair indexes). */
function buildAdjacency(input: ClusterInput): { start: Int32Array; pairs: Int32Array } {
  const start = new Int32Array(input.n + 1)
  for (let t = 0; t < input.a.length; t++) {
    start[input.a[t]! + 1]!++
    start[input.b[t]! + 1]!++
  }
  for (let i = 0; i < input.n; i++) start[i + 1]! += start[i]!
  const fill = start.slice(0, input.n)
  const pairs = new Int32Array(input.a.length * 2)
  for (let t = 0; t < input.a.length; t++) {
    pairs[fill[input.a[t]!]!++] = t
    pairs[fill[input.b[t]!]!++] = t
  }
  return { start, pairs }
}

function bridgeCheck(cl: Clusters, ri: number, rj: number, t: number, input: ClusterInput,
  adj: { start: Int32Array; pairs: Int32Array }, personal: boolean): RefusalReason | null {
  const si = cl.members[ri]!.length
  const sj = cl.members[rj]!.length
  if (si === 1 && sj === 1) return null
  const [small, other] = si <= sj ? [ri, rj] : [rj, ri]
  let sum = 0
  let count = 0
  let autoCross = 0
  for (const m of cl.members[small]!) {
    for (let k = adj.start[m]!; k < adj.start[m + 1]!; k++) {
      const u = adj.pairs[k]!
      const o = input.a[u] === m ? input.b[u]! : input.a[u]!
      if (cl.find(o) !== other) continue
      sum += input.probability[u]!
      count++
      if (input.band[u] === 2) autoCross++
    }
  }
  // A within-source duplicate edge is personal evidence of its own: the other pairs across the two clusters
  // (often a work and a personal address of the same name) need not average out as matches.
  const strong = input.weight[t]! >= input.strongWeight
  // A strong edge is personal evidence too (the same full address and name, a birth date): a namesake's or a
  // work address's pairs across the clusters scoring low do not undo it.
  if (count > 0 && sum / count < 0.5 && !personal && !strong) return 'weak-bridge'
  // A within-source duplicate edge is personal evidence, not a weak bridge: it is as good as a second edge.
  if (si >= 2 && sj >= 2 && autoCross < 2 && !personal && !strong) return 'weak-bridge'
  return null
}
