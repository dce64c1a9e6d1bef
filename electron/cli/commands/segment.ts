import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { CdpError } from '../../../shared/api/errors'
import type { Workspace } from '../../core/db'
import { refreshDirtyProfiles } from '../../core/profiles'
import {
  countSegment, createSegment, deleteSegment, getSegment, listSegments, overlapSegments, sampleSegment, snapshotMembers, updateSegment,
} from '../../core/segments'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { writeOutput } from './profiles'

/**
 * `cdp segment …`: saved segments from the command line. Rules are JSON files in the shape of
 * shared/domain/segment-rule.ts; a bad rule is reported with the path of the offending node.
 */

function readRule(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new CdpError('NotFound', `Cannot read the rule file ${file}.`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw new CdpError('InvalidInput', `${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Opens the workspace with derived data brought up to date, so counts include the latest imports and merges. */
function withFresh<T>(opts: WorkspaceOptions, fn: (ws: Workspace) => T): Promise<T> {
  return withWorkspace(opts, (ws) => {
    refreshDirtyProfiles(ws)
    return fn(ws)
  })
}

function registerWrites(segment: Command): void {
  workspaceCommand(segment.command('create <name>'))
    .description('save a segment from a rule file (version 1)')
    .requiredOption('--rule <file>', 'the rule, as JSON')
    .option('--description <text>', 'what the segment is for', '')
    .action(async (name: string, opts: WorkspaceOptions & { rule: string; description: string }) => {
      const rule = readRule(opts.rule)
      const r = await withFresh(opts, (ws) => ({ ...createSegment(ws, name, rule, opts.description), count: countSegment(ws, rule) }))
      emit(opts, r, () => `Segment "${r.name}" saved (version ${r.version}): ${r.count} profile(s).`)
    })
  workspaceCommand(segment.command('update <name>'))
    .description('save a new version of a segment\'s rule (older versions are kept)')
    .requiredOption('--rule <file>', 'the rule, as JSON')
    .option('--description <text>', 'a new description')
    .action(async (name: string, opts: WorkspaceOptions & { rule: string; description?: string }) => {
      const rule = readRule(opts.rule)
      const r = await withFresh(opts, (ws) => ({ ...updateSegment(ws, name, rule, opts.description), count: countSegment(ws, rule) }))
      emit(opts, r, () => `Segment "${r.name}" is now version ${r.version}: ${r.count} profile(s).`)
    })
  workspaceCommand(segment.command('delete <name>'))
    .description('delete a saved segment and its versions')
    .action(async (name: string, opts: WorkspaceOptions) => {
      await withWorkspace(opts, (ws) => deleteSegment(ws, name))
      emit(opts, { deleted: name }, () => `Segment "${name}" deleted.`)
    })
}

function registerReads(segment: Command): void {
  workspaceCommand(segment.command('list'))
    .description('saved segments with their current size')
    .action(async (opts: WorkspaceOptions) => {
      const rows = await withFresh(opts, (ws) => listSegments(ws).map((s) => ({ ...s, count: countSegment(ws, s.rule) })))
      emit(opts, rows, () => (rows.length === 0 ? 'No segments yet.' : rows.map((s) => `${s.name}  v${s.version}  ${s.count} profile(s)  ${s.description}`.trimEnd()).join('\n')))
    })
  workspaceCommand(segment.command('show <name>'))
    .description('a segment\'s rule, size and a sample of its members')
    .action(async (name: string, opts: WorkspaceOptions) => {
      const r = await withFresh(opts, (ws) => {
        const s = getSegment(ws, name)
        return { ...s, count: countSegment(ws, s.rule), sample: sampleSegment(ws, s.rule, 10) }
      })
      emit(opts, r, () => [
        `${r.name} (version ${r.version}, updated ${r.updatedAt}): ${r.count} profile(s)`, r.description,
        JSON.stringify(r.rule, null, 2), 'Sample:', ...r.sample.map((m) => `  ${m.profileId}  ${m.displayName ?? '-'}  ${m.city ?? ''}`),
      ].filter((l) => l !== '').join('\n'))
    })
  workspaceCommand(segment.command('count [name]'))
    .description('how many profiles a saved segment (or --rule FILE) matches now')
    .option('--rule <file>', 'count this rule instead of a saved segment')
    .action(async (name: string | undefined, opts: WorkspaceOptions & { rule?: string }) => {
      if ((name === undefined) === (opts.rule === undefined)) throw new CdpError('InvalidInput', 'Give either a segment name or --rule FILE.')
      const rule = opts.rule !== undefined ? readRule(opts.rule) : undefined
      const count = await withFresh(opts, (ws) => countSegment(ws, rule ?? getSegment(ws, name!).rule))
      emit(opts, { count }, () => String(count))
    })
  workspaceCommand(segment.command('overlap <a> <b>'))
    .description('sizes of A∩B, A−B and B−A for two saved segments')
    .action(async (a: string, b: string, opts: WorkspaceOptions) => {
      const o = await withFresh(opts, (ws) => overlapSegments(ws, getSegment(ws, a).rule, getSegment(ws, b).rule))
      emit(opts, o, () => `${a}: ${o.a}  ${b}: ${o.b}  both: ${o.both}  only ${a}: ${o.onlyA}  only ${b}: ${o.onlyB}`)
    })
  workspaceCommand(segment.command('members <name>'))
    .description('write the current member profile ids (one per line, CSV with a header)')
    .requiredOption('--out <file>', 'the file to write')
    .action(async (name: string, opts: WorkspaceOptions & { out: string }) => {
      const r = await withFresh(opts, (ws) => ({ segment: getSegment(ws, name).name, ...snapshotMembers(ws, getSegment(ws, name).id) }))
      writeOutput(opts.out, (write) => {
        write('profile_id\n')
        for (const id of r.profileIds) write(`${id}\n`)
      })
      emit(opts, { segment: r.segment, versionId: r.versionId, count: r.profileIds.length, out: opts.out },
        () => `${r.profileIds.length} member(s) of "${r.segment}" written to ${opts.out}.`)
    })
}

/** Registers the `segment` command group. */
export function registerSegment(program: Command): void {
  const segment = program.command('segment').description('saved segments: create, list, show, count, members, delete')
  registerWrites(segment)
  registerReads(segment)
}
