import { closeSync, openSync, writeSync } from 'node:fs'

/** RFC 4180 quoting: only when a cell holds a comma, quote or line break (as spreadsheet exports do). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One CSV line (no line break). Built with join, so the result is one flat string, not a rope of 70 pieces. */
export function csvLine(cells: readonly string[]): string {
  const out = new Array<string>(cells.length)
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? ''
    out[i] = cell === '' ? cell : csvCell(cell)
  }
  return out.join(',')
}

/**
 * Appends text to a file through a bounded buffer and synchronous writes: memory stays flat whatever
 * the file's size, and the bytes written are exactly the strings given, in order.
 */
export class BufferedFile {
  private readonly fd: number
  private parts: string[] = []
  private size = 0
  bytes = 0

  constructor(path: string, private readonly limit = 1 << 20) {
    this.fd = openSync(path, 'w')
  }

  write(text: string): void {
    this.parts.push(text)
    this.size += text.length
    if (this.size >= this.limit) this.flush()
  }

  flush(): void {
    if (this.parts.length === 0) return
    const buf = Buffer.from(this.parts.join(''), 'utf8')
    writeSync(this.fd, buf)
    this.bytes += buf.length
    this.parts = []
    this.size = 0
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}
