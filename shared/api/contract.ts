import type { z } from 'zod'
import { appChannels } from './channels/app'
import { importChannels } from './channels/import'
import { jobChannels } from './channels/jobs'
import { workspaceChannels } from './channels/workspace'
import { reviewChannels } from './channels/review'
import { segmentChannels } from './channels/segments'
import { exportChannels } from './channels/exports'
import { settingsChannels } from './channels/settings'
import { privacyChannels } from './channels/privacy'
import { profileChannels } from './channels/profiles'
import { identityChannels } from './channels/identity'
import type { Result } from './errors'

/** One request channel: what the renderer may send, what it gets back. Both sides are zod schemas. */
export interface ChannelSpec {
  readonly input: z.ZodType
  readonly output: z.ZodType
}

/**
 * Every request the renderer can make, in one map: the single source of truth for the Electron preload,
 * the loopback bridge, the router and the renderer's client.
 *
 * Extension point: a domain adds `shared/api/channels/<domain>.ts` exporting `<domain>Channels` (names
 * `domain:verb`, e.g. `import:inspect`, `import:start`, `identity:resolve`, `review:list`, `review:approve`,
 * `profiles:list`, `profiles:get`, `profiles:search`, `segments:*`, `exports:*`, `privacy:*`, `settings:*`)
 * and spreads it here; the compiler then demands a handler for each new channel (electron/ipc/handlers.ts).
 *
 * Rules for channel schemas: inputs are `strictObject`s; outputs are JSON-safe (strings for times, no
 * Buffers, no Dates) because the bridge carries them as JSON; outputs never contain keys or absolute paths
 * (files travel as `FileRef`s). Output schemas are strict and enforced by the router: a handler that
 * returns a field the contract does not name gets `Internal`, so nothing unplanned ever crosses.
 */
export const contract = {
  ...appChannels,
  ...workspaceChannels,
  ...jobChannels,
  ...importChannels,
  ...reviewChannels,
  ...segmentChannels,
  ...exportChannels,
  ...settingsChannels,
  ...privacyChannels,
  ...profileChannels,
  ...identityChannels,
} as const satisfies Record<`${string}:${string}`, ChannelSpec>

export type Contract = typeof contract
export type Channel = keyof Contract
/** The input a handler receives (after parsing: defaults applied). */
export type In<C extends Channel> = z.output<Contract[C]['input']>
/** The input a caller may send (before parsing: defaulted fields optional). */
export type InArg<C extends Channel> = z.input<Contract[C]['input']>
export type Out<C extends Channel> = z.output<Contract[C]['output']>

/** True for a string that names a channel of the contract (own keys only: never `toString` & co.). */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/** A handler for channel C. `call` says who asked (the transport fills it in). */
export type Handler<C extends Channel, Ctx = CallInfo> = (input: In<C>, call: Ctx) => Promise<Out<C>>

/** The handlers for a subset of channels: a domain's handler file is typed with this. */
export type HandlerMap<K extends Channel, Ctx = CallInfo> = { [C in K]: Handler<C, Ctx> }

/** Who made a call. Transports describe the caller; the router decides whether to trust it. */
export interface CallInfo {
  transport: 'ipc' | 'bridge' | 'test'
  /** The URL of the frame that sent an IPC message (Electron), checked against the app's own bundle. */
  frameUrl?: string
}

/** The API both transports expose to the renderer: `window.api` in Electron, the bridge client in a browser. */
export interface ApiTransport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  on(event: string, handler: (payload: unknown) => void): () => void
}
