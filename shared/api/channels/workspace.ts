import { z } from 'zod'
import { fileRef, isoTime, noInput } from './common'

/** What the UI needs to show about the workspace: never its key, never its full path. */
export const workspaceStatus = z.strictObject({
  state: z.enum(['none', 'locked', 'open']),
  /** The workspace that is open, or the one that was locked and can be unlocked again. */
  file: fileRef.nullable(),
  /** True when this device holds the key (OS keychain) and unlocking needs no passphrase. */
  remembered: z.boolean(),
  /** True when this shell can remember keys (the desktop app with an OS keychain; not the browser bridge). */
  canRemember: z.boolean(),
  /** Minutes of inactivity before the workspace locks itself; 0 = never. */
  autoLockMinutes: z.number().int().min(0),
})
export type WorkspaceStatus = z.infer<typeof workspaceStatus>

export const workspaceInfo = z.strictObject({
  workspaceId: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  counts: z.strictObject({
    sources: z.number().int(),
    imports: z.number().int(),
    rawRows: z.number().int(),
    quarantined: z.number().int(),
    records: z.number().int(),
    events: z.number().int(),
    profiles: z.number().int(),
    pendingReviews: z.number().int(),
    segments: z.number().int(),
    exports: z.number().int(),
    suppressed: z.number().int(),
  }),
})

export const recentWorkspace = z.strictObject({
  file: fileRef,
  lastOpenedAt: isoTime,
  remembered: z.boolean(),
  exists: z.boolean(),
})

const passphrase = z.string().min(1).max(1024)

/** Creating, unlocking and locking the (one) open workspace. */
export const workspaceChannels = {
  'workspace:status': { input: noInput, output: workspaceStatus },
  'workspace:create': {
    input: z.strictObject({ file: fileRef, passphrase: passphrase.min(8), remember: z.boolean().default(false) }),
    output: workspaceStatus,
  },
  /** Opens a workspace; the passphrase may be omitted when this device remembers its key. */
  'workspace:open': {
    input: z.strictObject({ file: fileRef, passphrase: passphrase.optional(), remember: z.boolean().default(false) }),
    output: workspaceStatus,
  },
  /** Unlocks the workspace that was locked (idle, menu, or `workspace:lock`). */
  'workspace:unlock': {
    input: z.strictObject({ passphrase: passphrase.optional(), remember: z.boolean().optional() }),
    output: workspaceStatus,
  },
  'workspace:lock': { input: noInput, output: workspaceStatus },
  'workspace:info': { input: noInput, output: workspaceInfo },
  'workspace:change-passphrase': {
    input: z.strictObject({ current: passphrase, next: passphrase.min(8) }),
    output: workspaceStatus,
  },
  'workspace:recent': { input: noInput, output: z.array(recentWorkspace) },
  /** Forgets the key this device remembers for the workspace (the next unlock asks for the passphrase). */
  'workspace:forget-device-key': { input: z.strictObject({ file: fileRef }), output: z.strictObject({ forgotten: z.boolean() }) },
  'workspace:set-auto-lock': {
    input: z.strictObject({ minutes: z.number().int().min(0).max(24 * 60) }),
    output: workspaceStatus,
  },
} as const
