import { contract, isChannel, type CallInfo, type Channel, type HandlerMap } from '../../shared/api/contract'
import { CdpError, toErrorResult, type Result } from '../../shared/api/errors'

/** Every channel's handler: building this map with `satisfies Handlers` makes a missing one a compile error. */
export type Handlers = HandlerMap<Channel>

export interface RouterOptions {
  handlers: Handlers
  /** The transport's sender check (Electron: the frame is the app's own bundle; bridge: token verified). */
  isAllowedSender(call: CallInfo): boolean
  /** Parse every output against its schema (strips fields the contract does not name). Default true. */
  validateOutput?: boolean
  /** Called before each accepted call (the session counts it as activity for auto-lock). */
  onCall?(channel: Channel, call: CallInfo): void
  log?(level: 'warn' | 'error', message: string): void
}

/** The one entry point for every transport. `call` never throws: every outcome is a Result. */
export interface Router {
  call(channel: unknown, input: unknown, call: CallInfo): Promise<Result<unknown>>
}

type AnyHandler = (input: unknown, call: CallInfo) => Promise<unknown>

/**
 * sender check → contract lookup → input.safeParse → handler → output parse → Result. Errors a person can
 * act on keep their CdpError code and message; anything else becomes `Internal` (logged with its stack,
 * never sent across).
 */
export function createRouter(opts: RouterOptions): Router {
  const validateOutput = opts.validateOutput ?? true
  const log = opts.log ?? (() => undefined)
  return {
    async call(channel, input, call) {
      try {
        if (!opts.isAllowedSender(call)) {
          log('warn', `refused a ${String(channel)} call from ${call.transport} ${call.frameUrl ?? ''}`)
          throw new CdpError('Forbidden', 'This page is not allowed to use the Tessera API.')
        }
        if (!isChannel(channel)) throw new CdpError('NotFound', `Unknown API channel "${String(channel).slice(0, 80)}".`)
        const spec = contract[channel]
        const parsed = spec.input.safeParse(input === undefined ? {} : input)
        if (!parsed.success) throw new CdpError('InvalidInput', `Invalid input for ${channel}: ${describeIssues(parsed.error.issues)}`)
        opts.onCall?.(channel, call)
        const handler = (opts.handlers as unknown as Record<Channel, AnyHandler>)[channel]
        const output = await handler(parsed.data, call)
        if (!validateOutput) return { ok: true, data: output }
        const checked = spec.output.safeParse(output)
        if (!checked.success) {
          log('error', `handler for ${channel} returned output outside the contract: ${describeIssues(checked.error.issues)}`)
          throw new CdpError('Internal', `Tessera produced an unexpected answer for ${channel}; please report this.`)
        }
        return { ok: true, data: checked.data }
      } catch (e) {
        if (isWriteLockBusy(e)) return toErrorResult(new CdpError('Conflict', 'A background job (such as an import) is writing to the workspace; try again when it has finished.'))
        if (!(e instanceof CdpError)) log('error', `${String(channel)} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
        return toErrorResult(e)
      }
    },
  }
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`)
    .join('; ')
}

/** SQLite's "database is locked": a job's worker holds the write lock (the UI connection waits only briefly). */
function isWriteLockBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || (e instanceof Error && /database is locked/i.test(e.message))
}
