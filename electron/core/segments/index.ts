/** Segments: rules compiled to SQL, live counts and samples, overlap, saved versioned segments, export snapshots. */
export { compileContext, compileRule, type CompileContext } from './compile'
export {
  ensureRule, ruleWhere, compileCount, countSegment, sampleSegment, segmentMembers, overlapSegments, type Overlap, type SampleRow,
} from './evaluate'
export {
  listSegments, getSegment, segmentVersions, createSegment, updateSegment, deleteSegment, snapshotMembers, type SavedSegment,
} from './saved'
export { segmentsOfProfile } from './membership'
export { countSegmentParallel, SegmentCounter, PARALLEL_MIN_PROFILES } from './parallel-count'
