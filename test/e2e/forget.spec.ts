import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ProfilesPage } from './pages/profiles-page'
import { SegmentsPage } from './pages/segments-page'

/** One person in two sources (they merge into one profile) among a few others. */
const crm = ['first_name,last_name,email,city', 'Zelda,Quist,zelda.quist@fastmail.com,Leeds', 'Amir,Khan,amir.khan@gmail.com,York', 'Bea,Lund,bea.lund@outlook.com,Hull']
const shop = ['first_name,last_name,email,city', 'Zelda,Quist,zelda.quist@fastmail.com,Leeds', 'Cal,Ortiz,cal.ortiz@gmail.com,Bath']

test('forget: the person disappears from profiles, search, segments and the CLI; the audit chain records it', async ({ app, workspace, shot }) => {
  for (const [name, rows] of [['crm', crm], ['shop', shop]] as const) {
    const file = join(workspace.dir, `${name}.csv`)
    writeFileSync(file, rows.join('\n'))
    workspace.cdp(['import', file])
  }
  workspace.cdp(['resolve'])
  expect(JSON.parse(workspace.cdp(['search', 'Quist', '--json']))).toHaveLength(1)
  await app.reload()

  const profiles = new ProfilesPage(app)
  await app.getByRole('link', { name: /Profiles/ }).click()
  await profiles.search.fill('Quist')
  await profiles.rowFor('Zelda Quist').click()
  await app.getByRole('button', { name: 'Forget this person' }).click()
  await app.getByRole('button', { name: 'Forget permanently' }).click()
  await expect(app.getByRole('dialog')).toHaveCount(0)

  await app.getByRole('link', { name: /Profiles/ }).click()
  await profiles.search.fill('Quist')
  await expect(profiles.rowFor('Zelda Quist')).toHaveCount(0)

  const seg = new SegmentsPage(app)
  await seg.open()
  await seg.addCondition('1')
  await seg.pick('Condition 1.1 field', 'Last name · text')
  await seg.pick('Condition 1.1 operator', 'is')
  await seg.fill('Condition 1.1 value', 'Quist')
  await expect.poll(() => seg.settledCount()).toBe(0)
  await shot('forget')

  // The erasure is in the audit log, and the chain still verifies.
  await app.getByRole('link', { name: /Settings/ }).click()
  await expect(app.getByRole('table', { name: 'Audit log' })).toContainText('privacy.erase')
  await app.getByRole('button', { name: 'Verify chain' }).click()
  await expect(app.getByTestId('audit-verify')).toContainText('The chain holds')
  await shot('settings')

  expect(JSON.parse(workspace.cdp(['search', 'Quist', '--json']))).toEqual([])
  expect(JSON.parse(workspace.cdp(['search', 'zelda.quist', '--json']))).toEqual([])
  const review = JSON.parse(workspace.cdp(['review', 'list', '--status', 'all', '--json'])) as unknown[]
  expect(JSON.stringify(review)).not.toMatch(/quist/i)
})
