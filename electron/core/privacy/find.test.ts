import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../../test/helpers/temp-workspace'
import { importFile } from '../import'
import { findPerson } from './find'

let t: ReturnType<typeof tempWorkspace>
beforeEach(() => { t = tempWorkspace() })
afterEach(() => t.dispose())

const mapping = { kind: 'person', system: 'crm', columns: { id: 'source_key', email: 'email', email2: 'email_secondary', phone: 'phone' } } as const

describe('findPerson by email', () => {
  it('finds a record by its mailbox, a secondary mailbox, or any spelling gmail delivers to the same inbox', async () => {
    await importFile(t.ws, t.tmp.lines('crm.csv', ['id,email,email2,phone', '1,annlee@gmail.com,,', '2,b.o.ray@gmail.com,,', '3,cy@mail.example,cy.work@mail.example,',
      '4,di@mail.example,,+1 202 555 0101']), { mapping, parallel: false, defaultCountry: 'US' })
    const profileOf = (key: string): number => t.ws.sqlite.prepare('SELECT profile_id FROM records WHERE source_key = ?').pluck().get(key) as number
    const found = (email: string): number[] => findPerson(t.ws, { email }).profileIds
    // Ann's mailbox is its own match key, so no email_match row holds it: her email row answers for the key.
    expect(found('Ann.Lee+news@googlemail.com')).toEqual([profileOf('1')])
    expect(found('annlee@gmail.com')).toEqual([profileOf('1')])
    expect(found('boray@gmail.com')).toEqual([profileOf('2')])
    expect(found('b.o.ray+x@gmail.com')).toEqual([profileOf('2')])
    expect(found('cy.work@mail.example')).toEqual([profileOf('3')])
    // Folding is gmail's alone: another provider's dots make another mailbox.
    expect(found('c.y@mail.example')).toEqual([])
    expect(findPerson(t.ws, { phone: '(202) 555-0101', country: 'US' }).profileIds).toEqual([profileOf('4')])
  })
})
