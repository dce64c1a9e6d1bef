import { describe, expect, it } from 'vitest'
import { type ClusterInput, clusterPairs } from './cluster'

/** Builds an input from edges [i, j, probability, band(0 non, 1 review, 2 auto)]; weight = log2 odds. */
function input(n: number, edges: Array<[number, number, number, number]>, extra: Partial<ClusterInput> = {}): ClusterInput {
  return {
    n,
    profile: Float64Array.from({ length: n }, (_v, i) => i + 1),
    a: Int32Array.from(edges.map((e) => e[0])),
    b: Int32Array.from(edges.map((e) => e[1])),
    probability: Float64Array.from(edges.map((e) => e[2])),
    band: Uint8Array.from(edges.map((e) => e[3])),
    weight: Float64Array.from(edges.map((e) => Math.log2(e[2] / (1 - e[2] + 1e-12)))),
    mustLink: [],
    cannotLink: [],
    systemIds: Array.from({ length: n }, () => []),
    strongWeight: 20,
    ...extra,
  }
}

describe('clusterPairs', () => {
  it('merges auto edges, strongest first, and ignores review and non edges', () => {
    const r = clusterPairs(input(4, [[0, 1, 0.99, 2], [1, 2, 0.5, 1], [2, 3, 0.1, 0]]))
    expect(r.merges.map((m) => [m.i, m.j])).toEqual([[0, 1]])
    expect(r.refused).toEqual([])
  })

  it('never merges a cannot-link pair, even through a third record', () => {
    const r = clusterPairs(input(3, [[0, 1, 0.99, 2], [1, 2, 0.98, 2]], { cannotLink: [[0, 2]] }))
    expect(r.merges.map((m) => [m.i, m.j])).toEqual([[0, 1]])
    expect(r.refused).toEqual([{ t: 1, reason: 'cannot-link' }])
  })

  it('applies must-links first, as human merges', () => {
    const r = clusterPairs(input(3, [], { mustLink: [[0, 2]] }))
    expect(r.merges).toEqual([{ t: -1, i: 0, j: 2, cause: 'review' }])
  })

  it('keeps one id per system in a profile', () => {
    const r = clusterPairs(input(3, [[0, 1, 0.99, 2], [1, 2, 0.99, 2]], { systemIds: [['shopify:1'], [], ['shopify:2']] }))
    expect(r.merges).toHaveLength(1)
    expect(r.refused[0]!.reason).toBe('id-conflict')
  })

  it('lets a strong within-source duplicate join two ids of one system, and only that edge', () => {
    const systemIds = [['hubspot:1'], ['hubspot:2'], ['hubspot:3']]
    // 0–1 is a duplicate (one person registered twice); 1–2 scores as high but is no duplicate.
    const r = clusterPairs(input(3, [[0, 1, 0.99, 2], [1, 2, 0.99, 2]], { systemIds, duplicate: Uint8Array.from([1, 0]) }))
    expect(r.merges.map((m) => m.t)).toEqual([0])
    expect(r.refused).toEqual([{ t: 1, reason: 'id-conflict' }])
  })

  it('keeps a cluster of joined duplicates from taking a third id of the system', () => {
    const systemIds = [['hubspot:1'], ['hubspot:2'], ['hubspot:3'], []]
    const r = clusterPairs(input(4, [[0, 1, 0.999, 2], [1, 3, 0.99, 2], [3, 2, 0.98, 2]], { systemIds, duplicate: Uint8Array.from([1, 0, 0]) }))
    expect(r.merges.map((m) => m.t)).toEqual([0, 1])
    expect(r.refused).toEqual([{ t: 2, reason: 'id-conflict' }])
  })

  it('does not treat a duplicate edge between two clusters as a weak bridge', () => {
    const edges: Array<[number, number, number, number]> = [[0, 1, 0.999, 2], [2, 3, 0.999, 2], [1, 2, 0.9, 2], [0, 3, 0.01, 0]]
    const r = clusterPairs(input(4, edges, { duplicate: Uint8Array.from([0, 0, 1, 0]) }))
    expect(r.merges.map((m) => m.t)).toEqual([0, 1, 2])
  })

  it('sends a single weak bridge between two clusters to review', () => {
    // {0,1} and {2,3} are strong pairs; 1–2 is the only auto edge across, and 0–3 says they differ.
    const r = clusterPairs(input(4, [[0, 1, 0.999, 2], [2, 3, 0.999, 2], [1, 2, 0.9, 2], [0, 3, 0.01, 0]]))
    expect(r.merges.map((m) => m.t)).toEqual([0, 1])
    expect(r.refused).toEqual([{ t: 2, reason: 'weak-bridge' }])
  })

  it('lets one strong edge join two clusters whatever the other cross pairs say', () => {
    // 1–2 at 0.99 (6.6 bits) is the only auto edge across and 0–3 says they differ: strong enough at 6 bits, not at 20.
    const edges: Array<[number, number, number, number]> = [[0, 1, 0.999, 2], [2, 3, 0.999, 2], [1, 2, 0.99, 2], [0, 3, 0.01, 0]]
    expect(clusterPairs(input(4, edges, { strongWeight: 6 })).merges.map((m) => m.t)).toEqual([0, 1, 2])
    expect(clusterPairs(input(4, edges)).refused).toEqual([{ t: 2, reason: 'weak-bridge' }])
  })

  it('joins two clusters when the cross pairs agree', () => {
    const r = clusterPairs(input(4, [[0, 1, 0.999, 2], [2, 3, 0.999, 2], [1, 2, 0.95, 2], [0, 3, 0.95, 2]]))
    expect(r.merges).toHaveLength(3)
  })

  it('refuses to chain a record onto a cluster whose other members it does not match', () => {
    const r = clusterPairs(input(3, [[0, 1, 0.999, 2], [1, 2, 0.9, 2], [0, 2, 0.001, 0]]))
    expect(r.refused).toEqual([{ t: 1, reason: 'weak-bridge' }])
  })

  it('starts from the current profiles, so records already together stay together', () => {
    const base = input(3, [[1, 2, 0.99, 2]])
    base.profile = Float64Array.from([7, 7, 9])
    const r = clusterPairs(base)
    expect(r.merges).toHaveLength(1)
  })
})
