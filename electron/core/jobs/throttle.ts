/**
 * Rate-limits progress reports to at most one per `intervalMs`, always delivering the latest value
 * (a trailing report after a burst) and letting `flush` force out a pending one (before "finished").
 */
export class Throttle<T> {
  private last = Number.NEGATIVE_INFINITY
  private pending: { value: T } | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly intervalMs: number,
    private readonly send: (value: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(value: T): void {
    const t = this.now()
    if (t - this.last >= this.intervalMs && !this.timer) {
      this.last = t
      this.send(value)
      return
    }
    this.pending = { value }
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.intervalMs - (t - this.last)))
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    const p = this.pending
    this.pending = undefined
    if (p) {
      this.last = this.now()
      this.send(p.value)
    }
  }
}
