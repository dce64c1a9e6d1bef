import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { ProfilesPage } from './pages/profiles-page'

test.use({ seedFiles: ['test/e2e/data/crm-contacts.csv', 'test/e2e/data/shop-customers.csv'], resolve: true })

test('profile: search, open, see where each value came from', async ({ app, workspace, shot }) => {
  const profiles = new ProfilesPage(app)
  // Home first: the counts and charts of the seeded workspace.
  await expect(app.getByTestId('count-profiles')).toHaveText('9')
  await expect(app.getByRole('table', { name: 'Source overlap' })).toContainText('3')
  await expect(app.getByText(/scored pairs/)).toBeVisible()
  await shot('home')
  await profiles.open('Profiles')
  await expect(profiles.total).toHaveText('9 profiles')
  // Contact details are masked in the table.
  await expect(app.getByText('a***@mail.example')).toBeVisible()
  await shot('profiles')

  await profiles.search.fill('nakam')
  await expect(profiles.total).toHaveText('1 profiles')
  await profiles.rowFor('Esther Nakamura').click()

  await expect(app.getByRole('heading', { name: 'Esther Nakamura' })).toBeVisible()
  await expect(app.getByRole('tab', { name: 'Source records (2)' })).toBeVisible()
  await profiles.goldenValue('street').hover()
  const card = profiles.provenance()
  await expect(card).toContainText('shop-customers')
  await expect(card).toContainText('shop-customers.csv, row 3')
  await shot('profile-provenance')

  // Contact details stay masked until the analyst reveals them (which the audit log records).
  await expect(profiles.goldenValue('email')).toContainText('e***@mail.example')
  await app.getByRole('button', { name: 'Reveal', exact: true }).click()
  await expect(profiles.goldenValue('email')).toContainText('esther.n@mail.example')
  // The reveal went into the hash-chained audit log, which still verifies.
  const audit = JSON.parse(workspace.cdp(['audit', 'verify', '--json'])) as { ok: boolean; entries: number }
  expect(audit.ok).toBe(true)
  expect(audit.entries).toBeGreaterThan(0)

  // Subject access: the browser downloads subject.json with her records, and the request is audited.
  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Subject access export' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^subject-access-profile-\d+-[\d-]+\.json$/)
  const subject = JSON.parse(readFileSync(await file.path(), 'utf8')) as { records: unknown[] }
  expect(subject.records).toHaveLength(2)
  await expect(app.getByRole('status').filter({ hasText: 'Subject access export saved' })).toBeVisible()
  const after = JSON.parse(workspace.cdp(['audit', 'verify', '--json'])) as { ok: boolean; entries: number }
  expect(after).toMatchObject({ ok: true, entries: audit.entries + 1 })

  // Split: tick one source record and move it into a new profile, with a reason.
  await app.getByRole('tab', { name: 'Source records (2)' }).click()
  await app.getByRole('checkbox', { name: /from shop-customers/ }).check()
  await app.getByRole('button', { name: 'Split into new profile' }).click()
  await app.getByLabel(/Reason/).fill('different person at the same address')
  await app.getByRole('button', { name: 'Split', exact: true }).click()
  await expect(app.getByRole('tab', { name: 'Source records (1)' })).toBeVisible()
  await expect(app.getByRole('status').filter({ hasText: /Split into profile #\d+/ })).toBeVisible()
})
