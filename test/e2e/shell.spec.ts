import { expect, test } from './fixtures'

test('the shell opens unlocked with navigation and the jobs panel', async ({ app, shot }) => {
  await expect(app.getByRole('link', { name: /Home/ })).toBeVisible()
  await app.getByRole('button', { name: 'Jobs' }).click()
  await expect(app.getByText('No jobs yet')).toBeVisible()
  await shot('shell')
})
