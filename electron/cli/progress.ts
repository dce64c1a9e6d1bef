/**
 * A one-line progress bar on stderr when it is a terminal; silent otherwise, so piped and --json output
 * stays clean. Redraws at most ten times a second.
 */
export interface ProgressBar {
  update(done: number, total: number | undefined, label?: string): void
  finish(): void
}

export function progressBar(enabled = Boolean(process.stderr.isTTY)): ProgressBar {
  let last = 0
  let drawn = false
  return {
    update(done, total, label = '') {
      if (!enabled) return
      const now = Date.now()
      if (now - last < 100 && (total === undefined || done < total)) return
      last = now
      const width = 30
      const frac = total ? Math.min(1, done / total) : 0
      const bar = total ? `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0).padStart(3)}%` : ''
      process.stderr.write(`\r${bar} ${done.toLocaleString('en')}${total ? `/${total.toLocaleString('en')}` : ''} ${label}`.padEnd(80))
      drawn = true
    },
    finish() {
      if (drawn) process.stderr.write('\r'.padEnd(81) + '\r')
      drawn = false
    },
  }
}
