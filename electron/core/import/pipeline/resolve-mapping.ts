import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers'
import { CdpError } from '../../../../shared/api/errors'
import { detectPreset, findPreset, listPresets, presetMapping } from '../presets'
import { guessMapping, profileColumns } from '../sniff'
import type { Mapping, PresetMatch } from '../types'
import { parseMapping } from './mapping-schema'

/** Where the mapping of an import came from, reported so the analyst knows what to check. */
export type MappingOrigin = 'explicit' | 'preset' | 'saved' | 'detected' | 'guessed'

export interface ResolvedMapping {
  mapping: Mapping
  origin: MappingOrigin
  /** The preset chosen or recognised, if any (also when a saved mapping came from one). */
  preset: PresetMatch | null
}

/**
 * Picks the mapping for a file, in order: the one given (`mapping`), a named preset, the source's saved
 * mapping (when this header still has its columns), a preset recognised from the header, and a guess
 * from column profiling. Throws CdpError('InvalidInput') for an unknown preset or a mapping that names
 * no column of the file.
 */
export function resolveMapping(
  db: SqliteDatabase, header: readonly string[], sample: readonly string[][], sourceName: string,
  opts: { preset?: string; mapping?: unknown },
): ResolvedMapping {
  if (opts.mapping !== undefined) return checked({ mapping: parseMapping(opts.mapping), origin: 'explicit', preset: null }, header)
  if (opts.preset !== undefined) {
    const preset = findPreset(opts.preset)
    if (!preset) {
      const known = listPresets().map((p) => p.id).join(', ')
      throw new CdpError('InvalidInput', `Unknown preset "${opts.preset}". Known presets: ${known}.`)
    }
    const mapping = presetMapping(preset, header)
    return checked({ mapping, origin: 'preset', preset: { preset: preset.id, label: preset.label, confidence: 1, mapping } }, header)
  }
  const saved = savedMapping(db, sourceName)
  const detected = detectPreset(header)
  if (saved && fitsHeader(saved.mapping, header)) {
    return { mapping: saved.mapping, origin: 'saved', preset: saved.preset && detected?.preset === saved.preset ? detected : null }
  }
  if (detected) return { mapping: detected.mapping, origin: 'detected', preset: detected }
  const guessed = guessMapping(profileColumns([...header], sample.map((r) => [...r])))
  return checked({ mapping: guessed, origin: 'guessed', preset: null }, header)
}

/** The mapping saved with a source by its last successful import, if any. */
export function savedMapping(db: SqliteDatabase, sourceName: string): { mapping: Mapping; preset: string | null } | null {
  const row = db.prepare('SELECT mapping, preset FROM sources WHERE name = ?').get(sourceName) as { mapping: string | null; preset: string | null } | undefined
  if (!row?.mapping) return null
  try {
    return { mapping: parseMapping(JSON.parse(row.mapping) as unknown, `saved mapping of source "${sourceName}"`), preset: row.preset }
  } catch {
    // A saved mapping from an older version that no longer validates is ignored, not fatal: detection takes over.
    return null
  }
}

const mappedColumns = (m: Mapping): string[] => Object.entries(m.columns).filter(([, t]) => t !== 'ignore').map(([c]) => c.trim())

function fitsHeader(m: Mapping, header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim()))
  const cols = mappedColumns(m)
  return cols.length > 0 && cols.every((c) => names.has(c))
}

function checked(r: ResolvedMapping, header: readonly string[]): ResolvedMapping {
  const names = new Set(header.map((h) => h.trim()))
  const cols = mappedColumns(r.mapping)
  if (!cols.some((c) => names.has(c))) {
    throw new CdpError('InvalidInput', `The mapping names none of this file's columns (${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''}). Check the column names.`)
  }
  return r
}
