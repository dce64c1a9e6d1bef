import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { SegmentsPage } from './pages/segments-page'

test.use({ seedFiles: ['../shared/data/splink/fake_1000.csv'], resolve: true })

/** The rule the steps below build in the UI. */
const expected = {
  kind: 'group', op: 'all', children: [
    { kind: 'attribute', attribute: 'city', test: { op: 'equals', value: 'London' } },
    { kind: 'group', op: 'any', children: [
      { kind: 'attribute', attribute: 'birth_date', test: { op: 'in_last', last: 40, unit: 'years' } },
      { kind: 'attribute', attribute: 'first_name', test: { op: 'starts_with', value: 'J' } },
    ] },
  ],
}

test('a rule built in the builder counts what cdp segment count counts', async ({ app, workspace, shot }) => {
  const seg = new SegmentsPage(app)
  await seg.open()
  const everyone = await seg.settledCount()
  expect(everyone).toBeGreaterThan(0)

  await seg.addCondition('1')
  await seg.pick('Condition 1.1 field', 'City · text')
  await seg.pick('Condition 1.1 operator', 'is')
  await seg.fill('Condition 1.1 value', 'London')
  await seg.addGroup('1')
  await seg.addCondition('1.2')
  await seg.pick('Condition 1.2.1 field', 'Birth date · date')
  await seg.fill('Condition 1.2.1 amount', '40')
  await seg.pick('Condition 1.2.1 unit', 'years')
  await seg.addCondition('1.2')
  await seg.pick('Condition 1.2.2 field', 'First name · text')
  await seg.pick('Condition 1.2.2 operator', 'starts with')
  await seg.fill('Condition 1.2.2 value', 'J')

  await expect.poll(() => seg.settledCount()).toBeLessThan(everyone)
  const count = await seg.settledCount()
  await seg.save('Londoners')
  await shot('segments')

  const ruleFile = join(workspace.dir, 'rule.json')
  writeFileSync(ruleFile, JSON.stringify(expected))
  const cli = JSON.parse(workspace.cdp(['segment', 'count', '--rule', ruleFile, '--json'])) as { count: number }
  expect(cli.count).toBe(count)
  const saved = JSON.parse(workspace.cdp(['segment', 'show', 'Londoners', '--json'])) as { rule: unknown; count: number }
  expect(saved.rule).toEqual(expected)
  expect(saved.count).toBe(count)
})
