import { writeFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-workspace'
import { linkableBound, mailbox, phoneKey } from './linkable'

describe('exact-evidence bound', () => {
  const tmp = tempDir()
  afterAll(() => tmp.remove())

  it.each([
    ['John.Smith+shop@GoogleMail.com', 'johnsmith@gmail.com'], ['j.smith@yahoo.com', 'j.smith@yahoo.com'], ['n/a', null], ['test@test.com', null],
  ])('mailbox(%s) = %s', (raw, key) => expect(mailbox(raw)).toBe(key))

  it.each([['+1 (212) 555-0123', '2125550123'], ["'+12125550123", '2125550123'], ['0000000000', null], ['555-0123', null]])('phoneKey(%s) = %s', (raw, key) => expect(phoneKey(raw)).toBe(key))

  it('counts the true pairs joined by a chain of exact evidence within each person', () => {
    const file = tmp.file('crm.csv')
    const mapping = tmp.file('crm.json')
    writeFileSync(mapping, JSON.stringify({ kind: 'person', columns: { Email: 'email', Phone: 'phone', First: 'first_name', Last: 'last_name', Zip: 'postcode' } }))
    writeFileSync(file, [
      'Email,Phone,First,Last,Zip',
      'ann@x.com,,Ann,Lee,10001', // 1: person a
      'ANN@x.com,212-555-0101,,,', // 2: a, same mailbox as 1
      ',+12125550101,,,', // 3: a, same phone as 2 → chain 1-2-3
      'ann.lee@work.com,,Anne,Lee,10002', // 4: a, nothing exact in common
      'ann@x.com,,Bob,Lee,10001', // 5: person b shares a's inbox: not counted for b (no other b row)
      'bob@y.com,,Bob,Lee,10001', // 6: b, same name+postcode as 5
    ].join('\n'))
    const truth = new Map([['crm#1', 'a'], ['crm#2', 'a'], ['crm#3', 'a'], ['crm#4', 'a'], ['crm#5', 'b'], ['crm#6', 'b']])
    const b = linkableBound([{ file, mapping }], truth)
    expect(b.truePairs).toBe(6 + 1)
    expect(b.linkablePairs).toBe(3 + 1)
    expect(b.recallBound).toBeCloseTo(4 / 7)
  })
})
