import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** The main process's logger: one line per message in `<userData>/logs/main.log` (Help → Open logs folder). */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export function fileLogger(logsDir: string): Logger {
  mkdirSync(logsDir, { recursive: true })
  const file = join(logsDir, 'main.log')
  const write = (level: string, message: string): void => {
    try {
      appendFileSync(file, `${new Date().toISOString()} ${level} ${message}\n`)
    } catch {
      // Logging must never take the app down (full disk, permissions).
    }
  }
  return { info: (m) => write('INFO', m), warn: (m) => write('WARN', m), error: (m) => write('ERROR', m) }
}
