/**
 * Test helpers for the reader tests (not used by production code): fixture paths and read-everything.
 */
import { join } from 'node:path'
import type { ReadRow, RowSource } from '../types'
import { openRowSource, type OpenOptions } from './index'

export const repoRoot = join(__dirname, '..', '..', '..', '..')
export const goodFixture = (name: string): string => join(repoRoot, 'test', 'fixtures', 'readers', name)
export const badFixture = (name: string): string => join(repoRoot, 'test', 'fixtures', 'bad', name)
export const sharedData = (name: string): string => join(repoRoot, '..', 'shared', 'data', name)

/** Opens and drains a file: the source (for info/header/bytesRead) and every row. */
export async function readAll(path: string, opts?: OpenOptions): Promise<{ source: RowSource; rows: ReadRow[] }> {
  const source = await openRowSource(path, opts)
  const rows: ReadRow[] = []
  for await (const row of source.rows) rows.push(row)
  return { source, rows }
}
