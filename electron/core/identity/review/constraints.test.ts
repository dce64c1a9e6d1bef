import { afterEach, expect, it } from 'vitest'
import { seedRecords } from '../../../../test/helpers/seed'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { loadConstraints } from './constraints'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

it('turns the latest live decision per pair into must-link / cannot-link', () => {
  t = tempWorkspace()
  const [a, b, c] = seedRecords(t.ws, [{ email: 'a@x.com' }, { email: 'b@x.com' }, { email: 'c@x.com' }])
  const ins = t.ws.sqlite.prepare("INSERT INTO decisions (record_a, record_b, decision, actor, at, undone_at) VALUES (?, ?, ?, 'ana', 't', ?)")
  ins.run(a, b, 'reject', null)
  ins.run(a, b, 'approve', null) // changed mind: approve wins
  ins.run(b, c, 'approve', null)
  ins.run(b, c, 'reject', 'later') // undone: the approval stands
  expect(loadConstraints(t.ws.sqlite)).toEqual({ mustLink: [[a, b], [b, c]], cannotLink: [] })
})
