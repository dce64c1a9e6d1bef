import { expect, it } from 'vitest'
import { type ClusterInput, clusterPairs } from './cluster'
import { clusterAside } from './parallel-cluster'

/**
 * A clustering input with every rule at work: records in shared profiles, auto and review edges of all
 * weights (bridges, chains), ids of one system that conflict, within-source duplicates, must- and cannot-links.
 */
function input(n: number, pairs: number): ClusterInput {
  let seed = 7
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
  const near = (i: number): number => Math.min(n - 1, i + 1 + Math.floor(rand() * 6))
  const a = new Int32Array(pairs)
  const b = new Int32Array(pairs)
  const probability = new Float64Array(pairs)
  const weight = new Float64Array(pairs)
  const band = new Uint8Array(pairs)
  const duplicate = new Uint8Array(pairs)
  for (let t = 0; t < pairs; t++) {
    a[t] = Math.floor(rand() * (n - 1))
    b[t] = near(a[t]!)
    weight[t] = rand() * 20 - 6
    probability[t] = 1 / (1 + 2 ** -weight[t]!)
    band[t] = probability[t]! >= 0.9 ? 2 : probability[t]! >= 0.2 ? 1 : 0
    duplicate[t] = rand() < 0.05 ? 1 : 0
  }
  return {
    n, a, b, probability, weight, band, duplicate, strongWeight: 6,
    profile: Float64Array.from({ length: n }, (_v, i) => (i % 10 === 1 ? i - 1 : i)),
    systemIds: Array.from({ length: n }, (_v, i) => (i % 3 === 0 ? [`shop:${i % 7}`] : i % 5 === 0 ? [`crm:${i}`, `shop:${i % 4}`] : [])),
    mustLink: [[3, 40], [50, 90]],
    cannotLink: [[4, 5], [60, 61], [70, 72]],
  }
}

it('clusters on a worker exactly as on this thread, doing this thread\'s own work meanwhile', async () => {
  const x = input(3000, 9000)
  const alone = clusterPairs(x)
  expect(alone.merges.length).toBeGreaterThan(500)
  expect(new Set(alone.refused.map((r) => r.reason))).toEqual(new Set(['cannot-link', 'id-conflict', 'weak-bridge']))
  for (const minPairs of [1, Infinity]) {
    let calls = 0
    const { result, usedWorker } = await clusterAside(x, () => void calls++, minPairs)
    expect(usedWorker).toBe(minPairs === 1)
    expect(calls).toBe(1)
    expect(result).toEqual(alone)
  }
})
