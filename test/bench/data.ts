/**
 * Generated multi-source data for benchmarks and the eval, cached in the OS temp folder by (seed, size) so a
 * second run reuses the files. A folder counts as complete only when its manifest.json exists (written last).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate, generatorVersion, type GenerateResult } from '../eval/generator/generate'
import { sourceFiles, type SourceFile } from '../eval/generator/headers'

export interface GeneratedData {
  dir: string
  /** Absolute paths of the five exports, by source name (= file base name). */
  files: Record<SourceFile, string>
  truth: string
  people: number
  rows: number
  bytes: number
  /** True when the files came from the cache. */
  cached: boolean
}

export interface DataRequest {
  /** Simulate this many people… */
  people?: number
  /** …or generate about this many rows in total (e.g. 1_300_000 for the scale benchmark). */
  rows?: number
  seed?: number
  /** Cache root; default `$TMPDIR/tessera-gen-cache`. */
  cacheDir?: string
}

/** Returns generated data for the request, generating it (seconds to a minute) only when not cached. */
export function generatedData(req: DataRequest): GeneratedData {
  const seed = req.seed ?? 1
  const size = req.rows !== undefined ? `rows-${req.rows}` : `people-${req.people ?? 20_000}`
  const dir = join(req.cacheDir ?? join(tmpdir(), 'tessera-gen-cache'), `v${generatorVersion}-seed-${seed}-${size}`)
  const manifest = join(dir, 'manifest.json')
  let cached = true
  let result: Omit<GenerateResult, 'seconds'>
  if (existsSync(manifest)) {
    result = JSON.parse(readFileSync(manifest, 'utf8')) as Omit<GenerateResult, 'seconds'>
  } else {
    cached = false
    rmSync(dir, { recursive: true, force: true })
    result = generate({ seed, out: dir, ...(req.rows !== undefined ? { rows: req.rows } : { people: req.people ?? 20_000 }) })
  }
  const files = Object.fromEntries(sourceFiles.map((f) => [f, join(dir, `${f}.csv`)])) as Record<SourceFile, string>
  return { dir, files, truth: join(dir, 'truth.csv'), people: result.people, rows: result.rows, bytes: result.bytes, cached }
}
