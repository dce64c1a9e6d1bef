import type { Command } from 'commander'
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { CdpError } from '../../../shared/api/errors'
import type { ProfileSummary, Workspace } from '../../core/db'
import { allProfiles, getProfile, refreshDirtyProfiles, traitsContext, traitsOf, type ProfileDetail, type TraitsContext } from '../../core/profiles'
import { emit, withWorkspace, workspaceCommand, type WorkspaceOptions } from '../context'
import { profileCommand } from './profile'
import { parseId } from './review'

/**
 * `cdp profiles` (every golden record with its traits, as CSV or JSON lines) and `cdp profile show ID`.
 * Emails and phones are masked unless --reveal: output tends to end up in tickets and chat.
 */

interface ProfilesOptions extends WorkspaceOptions { format?: string; out?: string; reveal?: boolean }

/** `j***@gmail.com`: first character of the local part, the domain kept. */
export function maskEmail(email: string | null): string | null {
  if (email === null) return null
  const at = email.lastIndexOf('@')
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`
}

/** `+33*******78`: country prefix and last two digits kept. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null
  return phone.length <= 5 ? '***' : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 5)}${phone.slice(-2)}`
}

const columns = [
  'profile_id', 'display_name', 'first_name', 'last_name', 'email', 'phone', 'company', 'street', 'city', 'region', 'postcode', 'country',
  'birth_date', 'gender', 'record_count', 'order_count', 'spend_minor', 'spend', 'first_order_at', 'last_order_at', 'last_seen_at',
  'days_since_last_order', 'rfm_recency', 'rfm_frequency', 'rfm_monetary', 'sources', 'tags', 'consent_email', 'consent_sms', 'consent_ads',
] as const

function exportRow(ws: Workspace, s: ProfileSummary, reveal: boolean, now: Date, ctx: TraitsContext): Record<(typeof columns)[number], unknown> {
  const t = traitsOf(ws, s, now, ctx)
  return {
    profile_id: s.profile_id, display_name: s.display_name, first_name: s.first_name, last_name: s.last_name,
    email: reveal ? s.email : maskEmail(s.email), phone: reveal ? s.phone : maskPhone(s.phone), company: s.company, street: s.street,
    city: s.city, region: s.region, postcode: s.postcode, country: s.country, birth_date: s.birth_date, gender: s.gender,
    record_count: s.record_count, order_count: s.order_count, spend_minor: s.spend_minor, spend: t.spend, first_order_at: s.first_order_at,
    last_order_at: s.last_order_at, last_seen_at: s.last_seen_at, days_since_last_order: t.daysSinceLastOrder,
    rfm_recency: t.rfm?.recency ?? null, rfm_frequency: t.rfm?.frequency ?? null, rfm_monetary: t.rfm?.monetary ?? null,
    sources: t.sources, tags: t.tags, consent_email: s.consent_email, consent_sms: s.consent_sms, consent_ads: s.consent_ads,
  }
}

/** One CSV cell: quoted when needed; a leading = @ or tab is defused so a spreadsheet does not run it. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let s = Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (/^[=@\t\r]/.test(s) || /^[+-][^\d]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Writes to FILE through a temporary name, so a failed run never leaves half a file; stdout without FILE. */
export function writeOutput(out: string | undefined, write: (chunk: (s: string) => void) => void): void {
  if (out === undefined) {
    write((s) => process.stdout.write(s))
    return
  }
  const tmp = `${out}.partial`
  const fd = openSync(tmp, 'w', 0o600)
  try {
    write((s) => writeSync(fd, s))
    closeSync(fd)
    renameSync(tmp, out)
  } catch (e) {
    closeSync(fd)
    rmSync(tmp, { force: true })
    throw e
  }
}

function registerProfilesExport(program: Command): void {
  workspaceCommand(program.command('profiles'))
    .description('golden records with their traits, one row per profile (emails and phones masked unless --reveal)')
    .option('--format <format>', 'csv or json (JSON lines: one object per line)', 'csv')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--reveal', 'show emails and phones in full')
    .action(async (opts: ProfilesOptions) => {
      const format = opts.format ?? 'csv'
      if (format !== 'csv' && format !== 'json') throw new CdpError('InvalidInput', `Unknown --format "${format}": use csv or json.`)
      let n = 0
      await withWorkspace(opts, (ws) => {
        refreshDirtyProfiles(ws)
        const now = new Date()
        const ctx = traitsContext(ws)
        writeOutput(opts.out, (write) => {
          if (format === 'csv') write(`${columns.join(',')}\n`)
          for (const s of allProfiles(ws)) {
            const row = exportRow(ws, s, opts.reveal === true, now, ctx)
            write(format === 'csv' ? `${columns.map((c) => csvCell(row[c])).join(',')}\n` : `${JSON.stringify(row)}\n`)
            n++
          }
        })
      })
      if (opts.out !== undefined) process.stderr.write(`${n} profile(s) written to ${opts.out}\n`)
    })
}

function showText(p: ProfileDetail): string {
  const lines = [`Profile ${p.id}${p.requestedId !== undefined ? ` (merged from ${p.requestedId})` : ''}`]
  for (const g of p.golden) {
    const v = g.provenance
    lines.push(`  ${g.attribute.padEnd(11)} ${g.value}  ← ${v.source}, ${v.fileName} row ${v.rowNumber} (import ${v.importId}, ${g.rule})`)
  }
  const t = p.traits
  lines.push(`Traits: ${t.orderCount} order(s), spend ${JSON.stringify(t.spend)}, last order ${t.lastOrderAt ?? '-'} (${t.daysSinceLastOrder ?? '-'} days), last seen ${t.lastSeenAt ?? '-'}`)
  lines.push(`  RFM ${t.rfm ? `${t.rfm.recency}/${t.rfm.frequency}/${t.rfm.monetary}` : '-'}  sources ${t.sources.join(', ')}  tags ${t.tags.join(', ') || '-'}`)
  for (const [channel, c] of Object.entries(t.consent)) {
    lines.push(`  consent ${channel}: ${c.value} (${c.source}, ${c.observedAt ?? 'undated'})${c.conflicts.length ? ` — conflicts: ${c.conflicts.map((x) => `${x.value} from ${x.source}`).join(', ')}` : ''}`)
  }
  for (const [name, value] of Object.entries(t.custom)) lines.push(`  ${name}: ${JSON.stringify(value)}`)
  lines.push('Identifiers:')
  for (const i of p.identifiers) lines.push(`  ${i.kind} ${i.value}  (${i.sources.join(', ')}; ${i.firstSeen ?? '?'} → ${i.lastSeen ?? '?'})`)
  lines.push(`Segments: ${p.segments.map((s) => s.name).join(', ') || '-'}`)
  lines.push('Timeline:')
  for (const e of p.timeline) lines.push(`  ${e.at ?? 'undated'}  ${e.kind === 'record' ? 'record' : e.type} from ${e.source} (row ${e.rowNumber})${e.amountMinor != null ? ` ${e.amountMinor} ${e.currency ?? ''}` : ''}`)
  lines.push('History:')
  for (const h of p.history) lines.push(`  ${h.at}  record ${h.recordId}: ${h.from ?? 'new'} → ${h.to} (${h.cause}${h.actor ? `, ${h.actor}` : ''})`)
  return lines.join('\n')
}

/** Registers `cdp profiles` and `cdp profile show`. */
export function registerProfiles(program: Command): void {
  registerProfilesExport(program)
  workspaceCommand(profileCommand(program).command('show <id>'))
    .description('one profile: golden record with provenance, identifiers, traits, segments, timeline, merge history')
    .action(async (id: string, opts: WorkspaceOptions) => {
      const profileId = parseId(id, 'The profile id')
      const p = await withWorkspace(opts, (ws) => {
        refreshDirtyProfiles(ws)
        return getProfile(ws, profileId)
      })
      emit(opts, p, () => showText(p))
    })
}
