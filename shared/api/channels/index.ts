/** Per-domain channel maps; `contract.ts` joins them. */
export { appChannels, theme, themePreference, filePurpose, type FilePurpose } from './app'
export { workspaceChannels, workspaceStatus, workspaceInfo, recentWorkspace, type WorkspaceStatus } from './workspace'
export { jobChannels, jobStatus, jobProgress, jobView, type JobView, type JobProgress, type JobStatusValue } from './jobs'
export { fileRef, noInput, isoTime, type FileRef } from './common'
export { importChannels } from './import'
