/**
 * The import domain's public surface: sniff → preview → mapping → run → report, each callable on its own
 * (the CLI, the desktop wizard and background jobs drive the same functions). Nothing here knows about a
 * shell: no CLI, no Electron.
 */
export { importFile } from './pipeline/run'
export { inspectFile, type InspectResult, type InspectOptions } from './pipeline/inspect'
export { workspaceDefaultCountry, setWorkspaceDefaultCountry, DEFAULT_COUNTRY_KEY } from './pipeline/default-country'
export { writeLinks } from './pipeline/links'
export { parseMapping, mappingSchema } from './pipeline/mapping-schema'
export { resolveMapping, savedMapping, type MappingOrigin, type ResolvedMapping } from './pipeline/resolve-mapping'
export { suppressionCheck, suppressionHmac, type IsSuppressed } from './pipeline/suppression'
export type { ImportOptions, ImportProgress, ImportReport, DateOrderDecision } from './pipeline/report'
export { detectPreset, listPresets, findPreset, presetMapping } from './presets'
export type { Mapping, PresetMatch, ReaderInfo, ColumnProfile, RecordKind } from './types'
