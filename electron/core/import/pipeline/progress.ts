import type { ImportProgress } from './report'

/** Wraps a progress callback so it fires at most every `intervalMs`, plus whenever the phase changes. */
export function throttledProgress(cb: ((p: ImportProgress) => void) | undefined, intervalMs = 100): (p: ImportProgress, force?: boolean) => void {
  if (!cb) return () => {}
  let last = 0
  let phase: ImportProgress['phase'] | undefined
  return (p, force = false) => {
    const now = Date.now()
    if (!force && p.phase === phase && now - last < intervalMs) return
    last = now
    phase = p.phase
    cb(p)
  }
}
