import { join } from 'node:path'
import { expect, repoRoot, test } from './fixtures'
import { ImportPage } from './pages/import-page'

test('import: drop a file, check the mapping, run, read the report', async ({ app, workspace, shot }) => {
  const wizard = new ImportPage(app)
  await wizard.open('Import')
  await wizard.dropFile(join(repoRoot, 'test/e2e/data/crm-contacts.csv'))

  // The preset is recognised and each column shows its detected type, fill rate and target field.
  await expect(app.getByText('Detected: HubSpot contacts')).toBeVisible()
  await expect(wizard.mappingFor('Email')).toHaveValue('email')
  await wizard.setMapping('Lead Status', 'attribute:lead_status')
  await app.getByRole('tab', { name: 'Normalisation preview' }).click()
  await expect(app.getByText('→ amelia.hartley@mail.example').first()).toBeVisible()
  await app.getByRole('tab', { name: /Column mapping/ }).click()
  await shot('import-mapping')

  await wizard.run()
  await expect(app.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 })
  await expect(wizard.count('records')).toHaveText('8')
  await expect(wizard.count('events')).toHaveText('0')
  await expect(wizard.count('quarantined')).toHaveText('1')
  await expect(app.getByRole('cell', { name: 'no-identity' })).toBeVisible()

  // The quarantine file downloads with its reason.
  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: /Download quarantined rows/ }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('crm-contacts-quarantine.csv')
  await shot('import-report')

  // The CLI sees the same import, with the attribute the analyst mapped.
  const links = JSON.parse(workspace.cdp(['info', '--json'])) as { counts: { records: number; quarantined: number } }
  expect(links.counts).toMatchObject({ records: 8, quarantined: 1 })
})
