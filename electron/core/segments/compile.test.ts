import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedRecords } from '../../../test/helpers/seed'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { refreshDirtyProfiles } from '../profiles'
import { compileCount, countSegment, segmentMembers } from './evaluate'

// Text "in" lists take two SQL shapes (bound values under NOCASE up to 100, a JSON array beyond): same answers.
let t: ReturnType<typeof tempWorkspace>
const ids: number[] = []
beforeAll(() => {
  t = tempWorkspace()
  ids.push(...seedRecords(t.ws, [
    { first_name: 'Ann', city: 'Paris' }, { first_name: 'Bob', city: 'LYON' }, { first_name: 'Cat', city: 'London' }, { first_name: 'Dan', city: null },
  ]))
  refreshDirtyProfiles(t.ws)
})
afterAll(() => t.dispose())

const cityRule = (op: 'in' | 'not_in', values: string[]): unknown =>
  ({ kind: 'group', op: 'all', children: [{ kind: 'attribute', attribute: 'city', test: { op, values } }] })
const filler = Array.from({ length: 150 }, (_, i) => `Town ${i}`)

describe('text in / not in', () => {
  it.each([
    ['short list', ['paris', 'lyon'], 'COLLATE NOCASE IN'],
    ['long list', ['paris', ...filler, 'lyon'], 'json_each'],
  ])('%s matches case-insensitively, and not_in keeps empties', (_name, values, shape) => {
    expect(compileCount(t.ws, cityRule('in', values)).sql).toContain(shape)
    expect(segmentMembers(t.ws, cityRule('in', values))).toEqual([ids[0], ids[1]].sort((a, b) => a! - b!))
    expect(countSegment(t.ws, cityRule('not_in', values))).toBe(2)
  })

  it('treats quotes and wildcards in values as text', () => {
    expect(countSegment(t.ws, cityRule('in', ["Paris') OR 1=1 --", '%']))).toBe(0)
  })
})
