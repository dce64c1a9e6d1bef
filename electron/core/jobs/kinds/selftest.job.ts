import { z } from 'zod'
import { CdpError } from '../../../../shared/api/errors'
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import { defineJob, type JobContext } from '../define'

/**
 * A diagnostic job that exercises the machinery end to end: phases, progress, CPU-bound steps, sleeping
 * steps, writes in short transactions, failures and cancellation. Tests use it; support can too.
 */
export const selftestJob = defineJob({
  kind: 'selftest',
  startFromApi: true,
  params: z.strictObject({
    steps: z.number().int().min(1).max(100_000),
    /** Milliseconds per step: spent busy (`spin`, a CPU-heavy job) or asleep (`sleep`). */
    stepMs: z.number().min(0).max(10_000).default(1),
    mode: z.enum(['spin', 'sleep']).default('sleep'),
    phases: z.array(z.string().min(1)).min(1).default(['work']),
    /** Write one settings row per step, each in its own transaction. */
    write: z.boolean().default(false),
    /** Hold the write lock for the whole run (one transaction), as an import does. */
    holdLock: z.boolean().default(false),
    /** Fail at this step (1-based) with a CdpError, to test the failure path. */
    failAt: z.number().int().min(1).optional(),
  }),
  async run(ctx, p) {
    const upsert = ctx.ws.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    let step = 0
    if (p.holdLock) ctx.ws.sqlite.exec('BEGIN IMMEDIATE')
    try {
      step = await steps(ctx, p, upsert)
      if (p.holdLock) ctx.ws.sqlite.exec('COMMIT')
    } finally {
      if (ctx.ws.sqlite.inTransaction) ctx.ws.sqlite.exec('ROLLBACK')
    }
    return { steps: step }
  },
})

type Params = { steps: number; stepMs: number; mode: 'spin' | 'sleep'; phases: string[]; write: boolean; holdLock: boolean; failAt?: number | undefined }

async function steps(ctx: JobContext, p: Params, upsert: Statement): Promise<number> {
  let step = 0
  for (const phase of p.phases) {
    for (let i = 1; i <= p.steps; i++) {
      ctx.throwIfCancelled()
      step++
      if (p.failAt === step) throw new CdpError('InvalidInput', `selftest failed at step ${step}, as asked.`)
      if (p.mode === 'spin') spin(p.stepMs)
      else await new Promise((r) => setTimeout(r, p.stepMs))
      if (p.write) {
        const write = (): unknown => upsert.run(`selftest:${ctx.jobId}`, JSON.stringify({ phase, step: i, at: Date.now() }))
        if (p.holdLock) write()
        else ctx.ws.sqlite.transaction(write)()
      }
      ctx.progress(phase, i, p.steps)
    }
  }
  return step
}

function spin(ms: number): void {
  const end = performance.now() + ms
  let x = 0
  while (performance.now() < end) x += Math.sqrt(x + 1)
  if (x < 0) throw new Error('unreachable')
}
