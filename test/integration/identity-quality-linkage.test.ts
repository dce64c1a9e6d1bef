import { afterEach, expect, it } from 'vitest'
import { resolve } from '../../electron/core/identity'
import { scoreProfiles, seedFake1000, seedFebrl } from '../helpers/seed-febrl'
import { tempWorkspace } from '../helpers/temp-workspace'

/**
 * Pairwise quality with default settings and no labels. Measured when written: FEBRL 4 (4a↔4b) F1 0.9998
 * (target 0.999); Splink fake_1000 F1 0.939 at precision 1.0 (target 0.90; Splink's best published 0.86).
 */
let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('FEBRL 4: linking 4a to 4b reaches F1 ≥ 0.999', async () => {
  t = tempWorkspace()
  const { truth } = seedFebrl(t.ws, ['dataset4a.csv', 'dataset4b.csv'])
  const r = await resolve(t.ws)
  const s = scoreProfiles(t.ws, truth)
  console.log(`FEBRL 4: P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} queued ${r.queued} (${r.seconds.toFixed(1)} s)`)
  expect(s.f1).toBeGreaterThanOrEqual(0.999)
})

it('Splink fake_1000 reaches F1 ≥ 0.92', async () => {
  t = tempWorkspace()
  const { truth } = seedFake1000(t.ws)
  const r = await resolve(t.ws)
  const s = scoreProfiles(t.ws, truth)
  console.log(`fake_1000: P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} mixed ${s.mixedProfiles} queued ${r.queued} (${r.seconds.toFixed(1)} s)`)
  expect(s.f1).toBeGreaterThanOrEqual(0.92)
  expect(s.precision).toBeGreaterThanOrEqual(0.98)
})
