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

/**
 * The clusters as typed arrays and sparse maps: a run of a million records may not afford a member array, a
 * Map of system ids and a cannot-link array per record (about a gigabyte of small objects at 1.3M records).
 */
class Clusters {
  readonly parent: Int32Array
  /** Records per cluster root. */
  readonly size: Int32Array
  /** Members of a root's cluster as a list in join order: from head[root] along next[] to -1. */
  readonly head: Int32Array
  readonly next: Int32Array
  private readonly tail: Int32Array
  /**
   * Per cluster root, its one-per-system ids as "system:value" (undefined: none). A singleton's list is its
   * record's own (input.systemIds), never changed: a merge that brings new ids makes a new list.
   */
  private readonly ids: Array<readonly string[] | undefined>
  /** Per cluster root with any, the records a human kept apart from it. */
  private readonly cannot = new Map<number, number[]>()

  constructor(n: number, systemIds: readonly (readonly string[])[]) {
    this.parent = new Int32Array(n)
    this.size = new Int32Array(n).fill(1)
    this.head = new Int32Array(n)
    this.tail = new Int32Array(n)
    this.next = new Int32Array(n).fill(-1)
    this.ids = new Array<readonly string[] | undefined>(n)
    for (let i = 0; i < n; i++) {
      this.parent[i] = i
      this.head[i] = i
      this.tail[i] = i
      if (systemIds[i]!.length > 0) this.ids[i] = systemIds[i]
    }
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

  keepApart(i: number, j: number): void {
    for (const [x, y] of [[i, j], [j, i]] as const) {
      const list = this.cannot.get(x)
      if (list) list.push(y)
      else this.cannot.set(x, [y])
    }
  }

  union(ra: number, rb: number): number {
    const [big, small] = this.size[ra]! >= this.size[rb]! ? [ra, rb] : [rb, ra]
    this.parent[small] = big
    this.size[big]! += this.size[small]!
    this.next[this.tail[big]!] = this.head[small]!
    this.tail[big] = this.tail[small]!
    const bigIds = this.ids[big]
    const smallIds = this.ids[small]
    if (smallIds) {
      const added = bigIds ? smallIds.filter((id) => !bigIds.includes(id)) : smallIds
      if (added.length > 0) this.ids[big] = bigIds ? [...bigIds, ...added] : smallIds
      this.ids[small] = undefined
    }
    const smallCannot = this.cannot.get(small)
    if (smallCannot) {
      const bigCannot = this.cannot.get(big)
      if (bigCannot) for (const c of smallCannot) bigCannot.push(c)
      else this.cannot.set(big, smallCannot)
      this.cannot.delete(small)
    }
    return big
  }

  /**
   * Why clusters ra and rb must not merge, or null. `duplicate`: the edge is a strong within-source
   * duplicate, which may join different ids of one system (one person registered twice, often in several
   * systems at once: twice in the newsletter and twice in the help desk).
   */
  conflict(ra: number, rb: number, duplicate = false): RefusalReason | null {
    for (const c of this.cannot.get(ra) ?? []) if (this.find(c) === rb) return 'cannot-link'
    const x = this.ids[ra]
    const y = this.ids[rb]
    if (!x || !y || duplicate) return null
    return idsConflict(x, y) ? 'id-conflict' : null
  }
}

/** The system of a "system:value" id. */
const systemOf = (id: string): string => id.slice(0, id.indexOf(':'))

/**
 * True when, for some system both clusters hold ids of, the merge would give each side an id it does not have
 * yet (neither side's ids of that system include the other's).
 */
function idsConflict(x: readonly string[], y: readonly string[]): boolean {
  for (const id of x) {
    const system = systemOf(id)
    const w = y.filter((o) => systemOf(o) === system)
    if (w.length === 0) continue
    const v = x.filter((o) => systemOf(o) === system)
    if (!v.every((o) => w.includes(o)) && !w.every((o) => v.includes(o))) return true
  }
  return false
}

/** Runs the clustering; pure (no database), so every rule is unit-testable. */
export function clusterPairs(input: ClusterInput): ClusterResult {
  const cl = new Clusters(input.n, input.systemIds)
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
  for (const [i, j] of input.cannotLink) cl.keepApart(i, j)
  const byProfile = new Map<number, number>()
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
  const si = cl.size[ri]!
  const sj = cl.size[rj]!
  if (si === 1 && sj === 1) return null
  const [small, other] = si <= sj ? [ri, rj] : [rj, ri]
  let sum = 0
  let count = 0
  let autoCross = 0
  for (let m = cl.head[small]!; m !== -1; m = cl.next[m]!) {
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
