import { expect, test } from './fixtures'
import { ReviewPage } from './pages/review-page'

interface CliItem { id: number; status: string }

test.use({ seedFiles: ['../shared/data/splink/fake_1000.csv'], resolve: true })

test('approve and reject with the keyboard; decisions persist after reload and the CLI sees them', async ({ app, workspace, shot }) => {
  const review = new ReviewPage(app)
  await review.open()
  await expect(review.item.getByRole('table', { name: 'Records side by side' })).toBeVisible()
  await expect(review.item.getByRole('img', { name: /Match evidence/ })).toBeVisible()
  await shot('review')

  const first = await review.currentId()
  await review.press('a', new RegExp(`Approved pair #${first}`))
  const second = await review.currentId()
  expect(second).not.toBe(first)
  await review.press('r', new RegExp(`Rejected pair #${second}`))
  const third = await review.currentId()
  await review.press('s', new RegExp(`Skipped pair #${third}`))
  // U undoes the latest decision (a skip is not one): the reject of the second pair, which comes back.
  await review.press('u', new RegExp(`Undid the last decision on pair #${second}`))
  expect(await review.currentId()).toBe(second)

  // Arrows move through the queue without deciding.
  await app.locator('body').press('ArrowDown')
  await expect.poll(() => review.currentId()).not.toBe(second)

  await app.reload()
  await expect(review.progress).toHaveText(/^2 of [\d,.\s]+ decided/)

  const all = JSON.parse(workspace.cdp(['review', 'list', '--status', 'all', '--json'])) as CliItem[]
  const byId = new Map(all.map((i) => [i.id, i.status]))
  expect(byId.get(first)).toBe('approved')
  expect(byId.get(second)).toBe('pending')
  expect(byId.get(third)).toBe('skipped')
})
