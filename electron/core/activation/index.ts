/**
 * Activation: writing the right file for an ad or email platform (nothing is ever sent). Presets carry
 * each platform's header, normalisation, hashing and consent needs; every export is gated, atomic and logged.
 */
export { previewExport, runExport, type ExportOptions, type ExportPreview, type ExportResult } from './export'
export { getPreset, listExportPresets, presetIds, mailchimpAddress, type Preset, type PresetId, type ExportFormat, type ConsentChannel } from './presets'
export { chooseColumn, defaultColumns, goldenAttributeNames, type ExportColumn, type HashRule, type ValueOptions } from './columns'
export { sha256Hex, isSha256Hex } from './hash'
export { neutraliseCell, isPlainNumber } from './safety'
export * as normalise from './normalise'
export { coverageOf, type Coverage } from './gate'
export { loadProfiles, type ProfileData } from './profile-data'
