/** The workspace database: encrypted file, key sources, migrations, schema types. */
export { createWorkspace, openWorkspace, changePassphrase, readFileHeader, schemaVersion, type Workspace, type CreateWorkspaceOptions } from './workspace'
export { Passphrase, RawKey, type KeySource } from './key-source'
export { keyFilePath, defaultKdf, currentCipher, type KdfParams, type WorkspaceCipher } from './key-file'
export { migrate, currentSchemaVersion } from './migrate'
export * from './schema'
export { workspaceInfo, type WorkspaceInfo } from './stats'
export { deferIndexes } from './deferred-indexes'
export { tuneForBulkWrite } from './bulk-write-settings'
