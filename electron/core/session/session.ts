import { existsSync } from 'node:fs'
import { timingSafeEqual } from 'node:crypto'
import type { WorkspaceStatus } from '../../../shared/api/channels'
import { CdpError, isCdpError } from '../../../shared/api/errors'
import type { EventPayload, EventSink } from '../../../shared/api/events'
import { changePassphrase, createWorkspace, openWorkspace, Passphrase, RawKey, type KdfParams, type Workspace } from '../db'
import { JobRunner, type JobLog } from '../jobs'
import { SegmentCounter } from '../segments/parallel-count'
import { appendAudit } from '../privacy/audit'
import { localActor } from '../privacy/actor'
import { FileRefs } from './file-refs'
import { OpenedInbox } from './inbox'
import { deriveKeyAsync } from './kdf'
import { MemoryRecentStore, noDeviceKeys, type DeviceKeyStore, type RecentStore } from './stores'

export interface SessionOptions {
  emit: EventSink
  deviceKeys?: DeviceKeyStore
  recents?: RecentStore
  /** Minutes without any API call before the workspace locks itself; 0 = never. Default 15. */
  autoLockMinutes?: number
  /** Called when the analyst changes the auto-lock delay, so the shell can keep it for the next launch. */
  onAutoLockChange?(minutes: number): void
  /** scrypt parameters for new workspaces and passphrase changes (tests pass cheap ones). */
  kdf?: KdfParams
  log?: JobLog
}

type LockReason = 'idle' | 'menu' | 'api' | 'shutdown'

/** How long the main thread's connection waits for the write lock (milliseconds). */
export const mainBusyTimeoutMs = 100

interface OpenWorkspace {
  ws: Workspace
  key: Buffer
}

/**
 * The app's one open workspace and everything tied to it: the key (held only here and in job workers),
 * the job runner, file refs, recent workspaces and auto-lock. Shared by every transport (Electron IPC, the
 * browser bridge); one per process. Methods throw CdpError; the router turns them into Results.
 */
export class Session {
  readonly files = new FileRefs()
  /** Files the OS handed over before the window could listen; the renderer takes them at start-up. */
  readonly inbox = new OpenedInbox()
  readonly jobs: JobRunner
  private current: OpenWorkspace | undefined
  /** The second connection live segment counts use; it holds the key, so it goes when the workspace locks or rekeys. */
  private counter: SegmentCounter | undefined
  /** The workspace shown on the unlock screen: the one open, last locked, or given at start-up. */
  private lastPath: string | undefined
  private autoLockMs: number
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private readonly deviceKeys: DeviceKeyStore
  readonly recents: RecentStore

  constructor(private readonly opts: SessionOptions) {
    this.deviceKeys = opts.deviceKeys ?? noDeviceKeys
    this.recents = opts.recents ?? new MemoryRecentStore()
    this.autoLockMs = (opts.autoLockMinutes ?? 15) * 60_000
    this.jobs = new JobRunner({ emit: opts.emit, ...(opts.log ? { log: opts.log } : {}) })
  }

  /** Points the unlock screen at a workspace without opening it (e.g. `cdp serve --db PATH`). */
  select(path: string): void {
    if (!this.current) this.lastPath = path
  }

  status(): WorkspaceStatus {
    const path = this.current?.ws.path ?? this.lastPath
    return {
      state: this.current ? 'open' : path ? 'locked' : 'none',
      file: path ? this.files.register(path) : null,
      remembered: path ? this.deviceKeys.has(path) : false,
      canRemember: this.deviceKeys.available,
      autoLockMinutes: Math.round(this.autoLockMs / 60_000),
    }
  }

  /** Creates a workspace and opens it. Throws WorkspaceExists rather than touch an existing file. */
  async create(path: string, passphrase: string, remember: boolean): Promise<WorkspaceStatus> {
    await this.lock('api')
    const ws = createWorkspace(path, passphrase, this.opts.kdf ? { kdf: this.opts.kdf } : {})
    let key: Buffer
    try {
      key = await deriveKeyAsync(passphrase, path)
    } catch (e) {
      ws.close()
      throw e
    }
    return this.adopt(ws, key, remember)
  }

  /**
   * Opens (unlocks) the workspace at `path`. Without a passphrase, the key this device remembers is used.
   * Throws WorkspaceNotFound, WrongPassphrase (file untouched), WorkspaceTooNew, WorkspaceCorrupt.
   */
  async open(path: string, passphrase: string | undefined, remember: boolean): Promise<WorkspaceStatus> {
    if (this.current?.ws.path === path) return this.status()
    if (!existsSync(path)) throw new CdpError('WorkspaceNotFound', `There is no workspace file named ${this.files.register(path).name} there.`)
    await this.lock('api')
    this.lastPath = path
    if (passphrase === undefined) return this.openWithDeviceKey(path)
    const key = await deriveKeyAsync(passphrase, path)
    let ws: Workspace
    try {
      ws = openWorkspace(path, new RawKey(key))
    } catch (e) {
      // An interrupted passphrase change leaves a pending key file only a passphrase source can use.
      if (!(isCdpError(e) && e.code === 'WrongPassphrase')) throw e
      ws = openWorkspace(path, new Passphrase(passphrase))
      return this.adopt(ws, new Passphrase(passphrase).keyFor(path), remember)
    }
    return this.adopt(ws, key, remember)
  }

  /** Unlocks the workspace last shown on the unlock screen. */
  async unlock(passphrase: string | undefined, remember = false): Promise<WorkspaceStatus> {
    if (this.current) return this.status()
    if (!this.lastPath) throw new CdpError('WorkspaceNotFound', 'No workspace to unlock: open or create one first.')
    return this.open(this.lastPath, passphrase, remember)
  }

  /**
   * Locks: cancels and waits for jobs, closes the connection, wipes the key from memory. Safe to call
   * when nothing is open.
   */
  async lock(reason: LockReason): Promise<WorkspaceStatus> {
    const cur = this.current
    if (!cur) return this.status()
    this.current = undefined
    this.clearIdle()
    try {
      await this.closeCounter()
      await this.jobs.detach()
    } finally {
      cur.ws.close()
      cur.key.fill(0)
    }
    this.opts.emit('workspace:locked', { reason })
    this.opts.emit('data:changed', { scope: 'workspace' })
    return this.status()
  }

  /** The open workspace; throws CdpError('WorkspaceLocked') when none is. Counts as activity. */
  workspace(): Workspace {
    if (!this.current) throw new CdpError('WorkspaceLocked', 'The workspace is locked: unlock it to continue.')
    this.touch()
    return this.current.ws
  }

  /**
   * The open workspace's segment counter (a worker with its own read connection, started on its first
   * count), or undefined when none is open.
   */
  segmentCounter(): SegmentCounter | undefined {
    if (!this.current) return undefined
    this.counter ??= new SegmentCounter(this.current.ws.path, this.current.key)
    return this.counter
  }

  private async closeCounter(): Promise<void> {
    const counter = this.counter
    this.counter = undefined
    await counter?.close()
  }

  /** Verifies the current passphrase, then rekeys. Refused while jobs run (their connections hold the old key). */
  async changePassphrase(current: string, next: string): Promise<WorkspaceStatus> {
    const cur = this.current
    if (!cur) throw new CdpError('WorkspaceLocked', 'Unlock the workspace before changing its passphrase.')
    if (this.jobs.busy) throw new CdpError('Conflict', 'Wait for the running jobs to finish (or cancel them) before changing the passphrase.')
    const check = await deriveKeyAsync(current, cur.ws.path)
    if (!timingSafeEqual(check, cur.key)) throw new CdpError('WrongPassphrase', 'The current passphrase is not right; the passphrase was not changed.')
    // Rekeying rewrites every page: no other connection may read meanwhile.
    await this.closeCounter()
    changePassphrase(cur.ws, next, this.opts.kdf)
    // The audit trail records that the key changed, never anything about the passphrases themselves.
    appendAudit(cur.ws.sqlite, { actor: localActor(), action: 'workspace.change-passphrase', subject: null, details: {} })
    const key = await deriveKeyAsync(next, cur.ws.path)
    cur.key.fill(0)
    this.current = { ws: cur.ws, key }
    await this.jobs.detach()
    this.jobs.attach({ ws: cur.ws, key })
    if (this.deviceKeys.has(cur.ws.path)) this.deviceKeys.set(cur.ws.path, key)
    return this.status()
  }

  /** True when this device holds the key for the workspace at `path`. */
  remembers(path: string): boolean {
    return this.deviceKeys.has(path)
  }

  forgetDeviceKey(path: string): boolean {
    return this.deviceKeys.delete(path)
  }

  setAutoLock(minutes: number): WorkspaceStatus {
    this.autoLockMs = minutes * 60_000
    this.opts.onAutoLockChange?.(minutes)
    this.touch()
    return this.status()
  }

  /** Tells every screen showing `scope` to refetch; domain handlers call it after they change data. */
  changed(scope: EventPayload<'data:changed'>['scope']): void {
    this.opts.emit('data:changed', { scope })
  }

  /** Records activity: restarts the idle timer. The transports call it on every API call. */
  touch(): void {
    this.clearIdle()
    if (!this.current || this.autoLockMs <= 0) return
    this.idleTimer = setTimeout(() => this.onIdle(), this.autoLockMs)
    this.idleTimer.unref?.()
  }

  /** For shutdown: lock and stop timers. */
  async close(): Promise<void> {
    await this.lock('shutdown')
  }

  private onIdle(): void {
    // A running job is activity: never lock (and cancel) an import because nobody touched the mouse.
    if (this.jobs.busy) {
      void this.jobs.whenIdle().then(() => this.touch())
      return
    }
    void this.lock('idle')
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
  }

  private openWithDeviceKey(path: string): WorkspaceStatus {
    const key = this.deviceKeys.get(path)
    if (!key) throw new CdpError('WrongPassphrase', 'Enter the passphrase: this device does not remember the key for this workspace.')
    let ws: Workspace
    try {
      ws = openWorkspace(path, new RawKey(key))
    } catch (e) {
      if (isCdpError(e) && e.code === 'WrongPassphrase') {
        this.deviceKeys.delete(path)
        throw new CdpError('WrongPassphrase', 'The key remembered on this device no longer opens this workspace (its passphrase changed?): enter the passphrase.')
      }
      throw e
    }
    return this.adopt(ws, key, false)
  }

  private adopt(ws: Workspace, key: Buffer, remember: boolean): WorkspaceStatus {
    // This connection serves the UI thread: never wait long behind a job's write lock (an import holds it
    // for the whole file). A write that meets it fails fast as Conflict and the screen says to retry.
    ws.sqlite.pragma(`busy_timeout = ${mainBusyTimeoutMs}`)
    this.current = { ws, key }
    this.lastPath = ws.path
    this.jobs.attach({ ws, key })
    this.recents.touch(ws.path)
    if (remember && this.deviceKeys.available) this.deviceKeys.set(ws.path, key)
    this.touch()
    this.opts.emit('data:changed', { scope: 'workspace' })
    return this.status()
  }
}
