/**
 * The merge review queue, human decisions, unmerge and explain. Decisions are stored on record pairs
 * and read back by the resolver as constraints (constraints.ts), so they hold on every later run.
 */
export { loadConstraints, type Constraints } from './constraints'
export { listReviews, countReviews, getReview } from './queue'
export { approve, reject, skip, decideBand, answerReviews, type BandDecision, type ReviewAnswer, type AnswersResult } from './decisions'
export { undo, type UndoOptions } from './undo'
export { splitProfile, removeRecord } from './unmerge'
export { explain, type ExplainQuery, type PairExplanation, type RecordExplanation, type PairEvidence, type DecisionInfo, type HistoryEntry } from './explain'
export { type Edge } from './edges'
export { parseEvidence, waterfall, probabilityOfWeight } from './evidence'
export { fieldAgreement } from './field-agreement'
export * from './types'
