import { describe, expect, it } from 'vitest'
import { CdpError } from '../../../../shared/api/errors'
import { hidingPath, liveSignal } from './job-context-helpers'

/** A job context's cancellation half, with the cross-thread flag as a plain variable. */
function cancellable(): { ctx: { signal: AbortSignal; throwIfCancelled(): void }; flag: { set: boolean } } {
  const controller = new AbortController()
  const flag = { set: false }
  const ctx = {
    signal: controller.signal,
    throwIfCancelled(): void {
      if (flag.set && !controller.signal.aborted) controller.abort(new CdpError('Cancelled', 'The job was cancelled.'))
      controller.signal.throwIfAborted()
    },
  }
  return { ctx, flag }
}

describe('liveSignal', () => {
  it('sees the cancel flag without the event loop turning, and throws the job cancellation', () => {
    const { ctx, flag } = cancellable()
    const signal = liveSignal(ctx)
    expect(signal.aborted).toBe(false)
    expect(() => signal.throwIfAborted()).not.toThrow()
    flag.set = true
    // No await between setting the flag and looking: a synchronous engine loop sees it at its next check.
    expect(signal.aborted).toBe(true)
    expect(() => signal.throwIfAborted()).toThrow(expect.objectContaining({ code: 'Cancelled' }))
    expect(ctx.signal.aborted).toBe(true)
  })

  it('follows an abort of the job signal and fires its own abort listeners', () => {
    const { ctx, flag } = cancellable()
    const signal = liveSignal(ctx)
    let heard = 0
    signal.addEventListener('abort', () => heard++)
    flag.set = true
    // What the worker does when the 'cancel' message arrives: the job's own signal aborts.
    expect(() => ctx.throwIfCancelled()).toThrow()
    expect(signal.aborted).toBe(true)
    expect(heard).toBe(1)
    expect(signal.reason).toBe(ctx.signal.reason)
  })
})

describe('hidingPath', () => {
  const path = '/home/ana/private/exports/vip.csv'
  it.each([
    ['a CdpError naming the path', new CdpError('Internal', `The export could not be written to ${path}: EACCES`), 'The export could not be written to vip.csv: EACCES'],
    ['a CdpError naming a temp file beside it', new CdpError('Internal', 'unable to open database: /home/ana/private/exports/.vip.csv.1f.partial'),
      'unable to open database: .vip.csv.1f.partial'],
    ['a CdpError without it', new CdpError('InvalidInput', 'No such preset.'), 'No such preset.'],
  ])('%s', async (_name, thrown, message) => {
    await expect(hidingPath(path, () => { throw thrown })).rejects.toMatchObject({ code: thrown.code, message })
  })

  it('passes results and other errors through', async () => {
    await expect(hidingPath(path, async () => 7)).resolves.toBe(7)
    const bug = new TypeError(`bad ${path}`)
    await expect(hidingPath(path, () => { throw bug })).rejects.toBe(bug)
  })
})
