import { writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolve } from '../../electron/core/identity'
import { importFile } from '../../electron/core/import'
import { forgetPerson } from '../../electron/core/privacy'
import { tempWorkspace } from '../helpers/temp-workspace'

// The resolver stores hashed blocking keys and name counts per record (migration 0010) so an incremental run
// reads only what new records can pair with. Hashes of an email or a name still single a person out: after
// erasure the stored keys must be exactly what a workspace that never held the person would store.
let t: ReturnType<typeof tempWorkspace>
beforeEach(() => { t = tempWorkspace() })
afterEach(() => t.dispose())

const crm = { kind: 'person', columns: { first: 'first_name', last: 'last_name', email: 'email', phone: 'phone', zip: 'postcode' } } as const
const keys = (): unknown => ({
  keys: t.ws.sqlite.prepare('SELECT key, record_id FROM match_keys ORDER BY key, record_id').raw().all(),
  names: t.ws.sqlite.prepare('SELECT key, count FROM match_name_counts ORDER BY key').raw().all(),
})

describe('erasure and the resolver\'s stored keys', () => {
  it('leaves the keys and name counts a full rebuild without the person would write', async () => {
    const path = t.tmp.file('crm.csv')
    writeFileSync(path, ['first,last,email,phone,zip', 'Zephyrine,Quillfeather,zq@mail.example,+1 415 555 0199,94110',
      'Zephy,Quillfeather,zq@mail.example,+1 415 555 0199,94110', 'Ann,Lee,ann@mail.example,+1 415 555 0142,94110',
      'Bob,Lee,bob@mail.example,+1 415 555 0142,94110'].join('\n'))
    await importFile(t.ws, path, { mapping: crm, defaultCountry: 'US' })
    await resolve(t.ws)
    const ids = t.ws.sqlite.prepare("SELECT id FROM records WHERE last_name = 'Quillfeather'").pluck().all() as number[]
    expect(t.ws.sqlite.prepare(`SELECT count(*) FROM match_keys WHERE record_id IN (${ids.join(',')})`).pluck().get()).toBeGreaterThan(0)

    forgetPerson(t.ws, { email: 'zq@mail.example' }, { actor: 'dpo' })
    expect(t.ws.sqlite.prepare(`SELECT count(*) FROM match_keys WHERE record_id IN (${ids.join(',')})`).pluck().get()).toBe(0)
    const afterErasure = keys()
    await resolve(t.ws, { full: true })
    expect(afterErasure).toEqual(keys())
  })
})
