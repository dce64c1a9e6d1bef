/**
 * Identity resolution: one profile per real person. `resolve` runs blocking → comparisons → Fellegi-Sunter
 * model → bands → constrained clustering, and writes merges (through membership.ts), scored pairs and the
 * review queue. The review queue, decisions, unmerge and explain live in ./review.
 */
export { resolve, type ResolveOptions, type ResolveResult, type ResolveProgress } from './resolve'
export { scoreHistogram, type ScoreHistogram } from './histogram'
export { getThresholds, setThresholds, defaultThresholds, bandOf, type Thresholds } from './thresholds'
export { comparePair } from './explain-pair'
export { type PairEvidence, type EvidenceItem } from './score'
export { type Model, priorModel, matchWeights, toProbability, HOUSEHOLD_PENALTY } from './model'
export { comparisons, type ComparisonSpec } from './comparisons'
export { blockingKeys } from './blocking'
export { forgetKeys } from './match-keys-store'
