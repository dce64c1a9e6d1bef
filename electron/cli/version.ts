import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The app's version, from package.json (two folders up from electron/cli). */
export const appVersion: string = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version
