import { writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../../../test/helpers/temp-workspace'
import { importFile, inspectFile } from '..'
import { DEFAULT_COUNTRY_KEY, effectiveCountry, setWorkspaceDefaultCountry, workspaceDefaultCountry } from './default-country'

let t: ReturnType<typeof tempWorkspace>
afterEach(() => t.dispose())

/** A UK mobile written the national way: only a GB default turns it into +44… */
const csv = 'email,first_name,phone\nann.lee@mailbox.co.uk,Ann,07911 123456\n'

describe('workspace default country for phone numbers', () => {
  it('falls back to US, stores upper case, rejects anything but two letters', () => {
    t = tempWorkspace()
    expect(workspaceDefaultCountry(t.ws)).toBe('US')
    expect(setWorkspaceDefaultCountry(t.ws, ' gb ')).toBe('GB')
    expect(workspaceDefaultCountry(t.ws)).toBe('GB')
    expect(t.ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(DEFAULT_COUNTRY_KEY)).toBe('"GB"')
    for (const bad of ['', 'G', 'GBR', '4 ']) expect(() => setWorkspaceDefaultCountry(t.ws, bad)).toThrow(/two-letter/)
    t.ws.sqlite.prepare('UPDATE settings SET value = ? WHERE key = ?').run('not json', DEFAULT_COUNTRY_KEY)
    expect(workspaceDefaultCountry(t.ws)).toBe('US')
  })

  it.each([
    { option: undefined, setting: undefined, expected: 'US' },
    { option: undefined, setting: 'GB', expected: 'GB' },
    { option: 'de', setting: 'GB', expected: 'DE' },
    { option: ' ', setting: 'FR', expected: 'FR' },
  ])('option $option over setting $setting gives $expected', ({ option, setting, expected }) => {
    t = tempWorkspace()
    if (setting) setWorkspaceDefaultCountry(t.ws, setting)
    expect(effectiveCountry(t.ws, option)).toBe(expected)
  })

  it('inspect and import read national numbers in the workspace country when no option is given', async () => {
    t = tempWorkspace()
    const file = t.tmp.file('people.csv')
    writeFileSync(file, csv)
    setWorkspaceDefaultCountry(t.ws, 'GB')
    const preview = await inspectFile(t.ws, file)
    expect(JSON.stringify(preview.preview[0]?.result)).toContain('+447911123456')
    const report = await importFile(t.ws, file, { parallel: false })
    expect(report.recordsImported).toBe(1)
    const phones = t.ws.sqlite.prepare("SELECT value FROM identifiers WHERE kind = 'phone'").pluck().all()
    expect(phones).toEqual(['+447911123456'])
  })
})
