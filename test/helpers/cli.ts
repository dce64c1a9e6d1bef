import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { testPassphrase } from './temp-workspace'

const bin = join(__dirname, '..', '..', 'bin', 'cdp.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real `cdp` command in a child process, as a user or a script would. */
export function cdp(args: string[], opts: { passphrase?: string | null; env?: Record<string, string>; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env }
  if (opts.passphrase === null) delete env.CDP_PASSPHRASE
  else env.CDP_PASSPHRASE = opts.passphrase ?? testPassphrase
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', input: opts.input ?? '', timeout: 120_000 })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}
