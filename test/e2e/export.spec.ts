import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ExportsPage } from './pages/exports-page'

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')

/** Six people: four gave ads consent, one refused, one never said. */
const people = [
  ['Ann', 'Lee', ' Ann.Lee@Gmail.com', 'granted'],
  ['Bob', 'Ray', 'bob.ray@fastmail.com', 'yes'],
  ['Cy', 'Moss', 'cy.moss@outlook.com', 'granted'],
  ['Di', 'Fox', 'di.fox@yahoo.co.uk', 'granted'],
  ['Ed', 'Hart', 'ed.hart@gmail.com', 'denied'],
  ['Flo', 'Kim', 'flo.kim@gmail.com', ''],
]

test('export wizard: Meta preset, hashed, consent gate; the downloaded file holds the right hashes', async ({ app, workspace, shot }) => {
  const csv = join(workspace.dir, 'ads.csv')
  writeFileSync(csv, ['first_name,last_name,email,ads', ...people.map((p) => p.join(','))].join('\n'))
  const mapping = join(workspace.dir, 'mapping.json')
  writeFileSync(mapping, JSON.stringify({ kind: 'person', columns: { first_name: 'first_name', last_name: 'last_name', email: 'email', ads: 'consent_ads' } }))
  const rule = join(workspace.dir, 'everyone.json')
  writeFileSync(rule, JSON.stringify({ kind: 'group', op: 'all', children: [] }))
  workspace.cdp(['import', csv, '--mapping', mapping, '--source', 'Ads list'])
  workspace.cdp(['resolve'])
  workspace.cdp(['segment', 'create', 'Everyone', '--rule', rule])
  await app.reload()

  const ex = new ExportsPage(app)
  await ex.open()
  await ex.chooseSegment(/^Everyone/)
  await ex.choosePreset('Meta customer list')
  await expect(app.getByRole('switch', { name: /Hash identifiers/ })).toBeChecked()
  await ex.next()
  await expect(app.getByTestId('export-included')).toHaveText('4')
  const reasons = app.getByRole('table', { name: 'Exclusions by reason' })
  await expect(reasons).toContainText('Consent denied (ads)')
  await expect(reasons).toContainText('No consent (ads)')
  await shot('export')
  await ex.next()
  const download = await ex.saveAndDownload()

  const text = readFileSync(await download.path(), 'utf8')
  const [header, ...rows] = text.trim().split(/\r?\n/)
  expect(header?.split(',').slice(0, 4)).toEqual(['email', 'phone', 'fn', 'ln'])
  const emails = rows.map((r) => r.split(',')[0]).sort()
  const expected = ['ann.lee@gmail.com', 'bob.ray@fastmail.com', 'cy.moss@outlook.com', 'di.fox@yahoo.co.uk'].map(sha).sort()
  expect(emails).toEqual(expected)
  expect(rows.map((r) => r.split(',')[2])).toContain(sha('ann'))
  expect(text).not.toMatch(/@|ann|lee/i)
  const fileSha = createHash('sha256').update(readFileSync(await download.path())).digest('hex')
  await expect(app.getByTestId('export-sha')).toHaveText(`SHA-256 ${fileSha}`)
  await expect(app.getByRole('table', { name: 'Export history' })).toContainText('meta')
})
