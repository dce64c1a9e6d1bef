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
})
