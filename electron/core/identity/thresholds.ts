import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../db'

/**
 * The three bands: a pair at or above `autoMerge` (match probability) is merged, at or above `review` it
 * goes to the review queue, below it is a non-match. Per workspace, in settings under `identity.thresholds`.
 */
export interface Thresholds {
  autoMerge: number
  review: number
}

/**
 * Defaults chosen from evaluation on FEBRL 1–4 and Splink fake_1000 (see test/integration/identity-quality), and
 * checked on the generator's 20k sets (seeds 1 and 3). Review at 0.2: the queue asks once per two profiles (see
 * queueReviews), which cut it by a third, and a lower review threshold is what the freed room buys. Seed 1: review
 * at 0.25 queues 1.47% of records for F1 after an answered queue 0.9950, 0.2 queues 1.63% for 0.9952 (seed 3:
 * 1.59%, 0.9955), 0.15 queued 2.25%, over the 2%. Auto-merge at 0.7 / 0.65 raises auto F1 by 0.0005 /
 * 0.0009 but adds 8 / 8 profiles mixing two people (seed 1).
 */
export const defaultThresholds: Thresholds = { autoMerge: 0.8, review: 0.2 }

const KEY = 'identity.thresholds'

/** The workspace's thresholds, or the defaults when none were set (or the stored value is unreadable). */
export function getThresholds(ws: Workspace): Thresholds {
  const raw = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined
  if (raw === undefined) return { ...defaultThresholds }
  try {
    const v: unknown = JSON.parse(raw)
    if (isThresholds(v)) return { autoMerge: v.autoMerge, review: v.review }
  } catch {
    // fall through: a damaged setting must not stop resolution
  }
  return { ...defaultThresholds }
}

/** Stores thresholds. Throws CdpError('InvalidInput') unless 0 < review ≤ autoMerge ≤ 1. */
export function setThresholds(ws: Workspace, t: Thresholds): Thresholds {
  if (!isThresholds(t) || !(t.review > 0 && t.review <= t.autoMerge && t.autoMerge <= 1)) {
    throw new CdpError('InvalidInput', 'Thresholds must satisfy 0 < review ≤ autoMerge ≤ 1 (match probabilities).')
  }
  ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(KEY, JSON.stringify({ autoMerge: t.autoMerge, review: t.review }))
  return { autoMerge: t.autoMerge, review: t.review }
}

function isThresholds(v: unknown): v is Thresholds {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return typeof o.autoMerge === 'number' && typeof o.review === 'number' && Number.isFinite(o.autoMerge) && Number.isFinite(o.review)
}

/** The band of a probability under thresholds. */
export function bandOf(probability: number, t: Thresholds): 'auto' | 'review' | 'non' {
  return probability >= t.autoMerge ? 'auto' : probability >= t.review ? 'review' : 'non'
}
