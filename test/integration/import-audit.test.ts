import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { importFile } from '../../electron/core/import'
import { verifyAudit } from '../../electron/core/privacy'
import { tempWorkspace } from '../helpers/temp-workspace'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

const fixture = join(__dirname, '..', 'fixtures', 'presets', 'hubspot-contacts.csv')

it('records every import in the hash-chained audit log, with counts and no row content', async () => {
  t = tempWorkspace()
  const report = await importFile(t.ws, fixture)
  const entries = t.ws.sqlite.prepare("SELECT actor, action, subject, details FROM audit_log WHERE action = 'import.done'").all() as
    Array<{ actor: string; subject: string; details: string }>
  expect(entries).toHaveLength(1)
  const details = JSON.parse(entries[0]!.details) as Record<string, unknown>
  expect(details).toMatchObject({ file: 'hubspot-contacts.csv', sha256: report.sha256, rows: report.rows, recordsImported: report.recordsImported })
  expect(entries[0]!.actor).not.toBe('')
  // Nothing a row held: no email address from the file appears in the entry.
  expect(entries[0]!.details).not.toMatch(/@/)
  expect(verifyAudit(t.ws.sqlite).ok).toBe(true)
  // The same file again is a no-op and adds no entry.
  await importFile(t.ws, fixture)
  expect(t.ws.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'import.done'").pluck().get()).toBe(1)
})
