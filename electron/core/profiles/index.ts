/**
 * Unified profiles: golden records with provenance, computed and custom traits kept current
 * incrementally, timelines, search. Everything here reads derived tables as of the last refresh;
 * callers that change records, events or membership call `refreshDirtyProfiles` (or `refreshProfiles`).
 */
export { refreshProfiles, refreshDirtyProfiles, refreshAllProfiles, removeProfileDerivedData, reportingCurrency, type RefreshOptions, type RefreshResult } from './refresh'
export {
  getProfile, activeProfileId, traitsOf, traitsContext, timelineOf, type TraitsContext, type ProfileDetail, type GoldenAttributeValue, type ProfileIdentifier, type ProfileTraits, type TimelineEntry,
  type MembershipEntry,
} from './read'
export { listProfiles, allProfiles, profileSorts, type ListProfilesOptions, type ProfilePage, type ProfileSort } from './list'
export { searchProfiles, type SearchHit } from './search'
export {
  getSurvivorshipRules, setSurvivorshipRules, defaultSurvivorship, pickWinner, attributeGroups, ruleKinds,
  type SurvivorshipRule, type SurvivorshipRules, type AttributeGroup, type Candidate,
} from './survivorship'
export {
  listCustomTraits, createCustomTrait, updateCustomTrait, deleteCustomTrait, recomputeCustomTrait, customTraitDefinition,
  type CustomTraitDefinition, type CustomTraitInfo,
} from './custom-traits'
export { getRfmBreakpoints, rfmScores, type RfmBreakpoints, type RfmScores } from './rfm'
export { resolveConsent, spendByCurrency, type ConsentState, type SpendByCurrency } from './derive'
