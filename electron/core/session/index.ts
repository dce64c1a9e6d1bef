/** The app session: the one open workspace, its key, jobs, file refs, recents, auto-lock; and its handlers. */
export { Session, type SessionOptions } from './session'
export { FileRefs } from './file-refs'
export { JsonRecentStore, MemoryRecentStore, noDeviceKeys, type DeviceKeyStore, type RecentStore, type RecentEntry } from './stores'
export { headlessPlatform, type ShellPlatform, type ThemePreference } from './platform'
export { appHandlers, workspaceHandlers, type SessionApi } from './handlers'
export { deriveKeyAsync } from './kdf'
export { OpenedInbox, type OpenedFiles } from './inbox'
