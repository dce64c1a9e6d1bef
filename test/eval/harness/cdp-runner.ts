/**
 * Runs the real `cdp` CLI in child processes, as an analyst's script would, and parses its --json output.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from './datasets'

const bin = join(repoRoot, 'bin', 'cdp.js')
/** The eval's workspaces are throw-away; the passphrase only has to be consistent. */
export const evalPassphrase = 'tessera eval passphrase'

export interface CdpRun {
  code: number
  stdout: string
  stderr: string
  seconds: number
}

/** Runs `cdp args…`; never throws for a non-zero exit (the caller decides what a failure means). */
export function runCdp(args: string[]): CdpRun {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, CDP_PASSPHRASE: evalPassphrase },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 60 * 60 * 1000,
  })
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? ''), seconds: (performance.now() - t0) / 1000 }
}

/** True when commander rejected the command name: that command has not landed in this build yet. */
export const isUnknownCommand = (r: CdpRun): boolean => r.code !== 0 && /unknown command/i.test(r.stderr)

/** Runs a command that must succeed; throws with its stderr otherwise. */
export function mustRun(args: string[]): CdpRun {
  const r = runCdp(args)
  if (r.code !== 0) throw new Error(`cdp ${args.slice(0, 2).join(' ')} failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`)
  return r
}

/** Parses --json output; throws naming the command when it is not JSON. */
export function parseJson(r: CdpRun, what: string): unknown {
  try {
    return JSON.parse(r.stdout)
  } catch {
    throw new Error(`${what}: expected JSON on stdout, got '${r.stdout.slice(0, 120)}'`)
  }
}

/** A number field of an unknown JSON object, or undefined. */
export function numberField(value: unknown, ...names: string[]): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  for (const name of names) {
    const v = (value as Record<string, unknown>)[name]
    if (typeof v === 'number' && Number.isFinite(v)) return v
  }
  return undefined
}
