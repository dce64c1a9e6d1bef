import { e2ePassphrase, expect, test } from './fixtures'

test('shell: navigation, jobs panel, lock and unlock', async ({ app, shot }) => {
  await expect(app.getByRole('link', { name: /Home/ })).toBeVisible()
  await app.getByRole('button', { name: 'Jobs' }).click()
  await expect(app.getByText('No jobs yet')).toBeVisible()
  await app.keyboard.press('Escape')

  await app.getByRole('button', { name: 'Lock the workspace' }).click()
  await expect(app.getByText('workspace.tessera is locked.')).toBeVisible()
  // The browser has no OS keychain: remembering is offered only with the reason it is off.
  await expect(app.getByRole('checkbox', { name: 'Remember on this device' })).toBeDisabled()
  await app.getByLabel('Passphrase').fill('not the passphrase')
  await app.getByRole('button', { name: 'Unlock' }).last().click()
  await expect(app.getByRole('alert')).toContainText(/passphrase/i)
  await app.getByLabel('Passphrase').fill(e2ePassphrase)
  await shot('unlock')
  await app.getByRole('button', { name: 'Unlock' }).last().click()
  await expect(app.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
})
