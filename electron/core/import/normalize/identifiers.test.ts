import { describe, expect, it } from 'vitest'
import { cleanCell, isJunkValue, normalizeEmail, normalizePhone } from './index'

describe('cleanCell', () => {
  it.each([
    ["'04616", '04616', ['apostrophe-prefix']],
    ["'+923145415648", '+923145415648', ['apostrophe-prefix']],
    ["'7985351721238", '7985351721238', ['apostrophe-prefix']],
    ["  '0343 5290031 ", '0343 5290031', ['apostrophe-prefix']],
    ['7.02255E+12', '7.02255E+12', ['excel-mangled']],
    ['1,23E+11', '1,23E+11', ['excel-mangled']],
    ['a\u0000b', 'ab', ['nul']],
    ['bell\u0007', 'bell', ['control-chars']],
    ['\ufeff\u00a0Jane\u200b ', 'Jane', []],
    ['=HYPERLINK("x")', '=HYPERLINK("x")', ['formula-like']],
    ['-3.10', '-3.10', []],
    ["O'Brien", "O'Brien", []],
    ['line one\nline two', 'line one\nline two', []],
    ['', '', []],
  ])('%j → %j %j', (raw, value, flags) => {
    expect(cleanCell(raw)).toEqual({ value, flags })
  })
})

describe('normalizeEmail', () => {
  it.each([
    ['  Jane.Doe@Example.co.UK ', 'jane.doe@example.co.uk', 'jane.doe@example.co.uk'],
    ['John.Doe+News@GoogleMail.com', 'john.doe+news@googlemail.com', 'johndoe@gmail.com'],
    ['j.o.h.n@gmail.com', 'j.o.h.n@gmail.com', 'john@gmail.com'],
    ['ann+shop@outlook.com', 'ann+shop@outlook.com', 'ann@outlook.com'],
    ['first.last+x@company.com', 'first.last+x@company.com', 'first.last+x@company.com'],
    ['Jane Doe <jane@shop.io>', 'jane@shop.io', 'jane@shop.io'],
    ['mailto:bob@shop.io', 'bob@shop.io', 'bob@shop.io'],
    ["'bob@shop.io", 'bob@shop.io', 'bob@shop.io'],
    ['zoë@exämple.de', 'zoë@exämple.de', 'zoë@exämple.de'],
  ])('%j → %j (match %j)', (raw, email, matchKey) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value: { email, matchKey } })
  })

  it.each([
    ['test@test.com', 'junk'], ['n/a', 'junk'], ['NULL', 'junk'], ['-', 'junk'], ['noemail@gmail.com', 'junk'],
    ['no-reply@shop.io', 'junk'], ['someone@example.com', 'junk'], ['a@a.com', 'junk'], ['none', 'junk'], ['no@email.com', 'junk'],
    ['bad@', 'invalid'], ['@shop.io', 'invalid'], ['a..b@shop.io', 'invalid'], ['.a@shop.io', 'invalid'],
    ['jane@shop', 'invalid'], ['jane shop.io', 'invalid'], ['jane@@shop.io', 'invalid'], ['jane@-shop.io', 'invalid'],
  ])('%j is rejected as %s', (raw, reason) => {
    expect(normalizeEmail(raw)).toEqual({ ok: false, reason })
  })

  it('returns null for empty input', () => {
    expect(normalizeEmail('')).toBeNull()
    expect(normalizeEmail('   ')).toBeNull()
  })
})

describe('normalizePhone', () => {
  it.each([
    ["'+923435290031", 'US', '+923435290031', 'PK'],
    ["'0343 5290031", 'PK', '+923435290031', 'PK'],
    ['(415) 555-0132', 'US', '+14155550132', 'US'],
    ['415.555.0132', 'US', '+14155550132', 'US'],
    ['020 7946 0958', 'GB', '+442079460958', 'GB'],
    ['0044 20 7946 0958', 'US', '+442079460958', 'GB'],
    ['+44 (0)20 7946 0958', 'US', '+442079460958', 'GB'],
    ['923435290031', 'US', '+923435290031', 'PK'],
    ['02 6909 6869', 'AU', '+61269096869', 'AU'],
    ['+1 650-253-0000 ext. 12', 'US', '+16502530000', 'US'],
    ['030 1234567', 'de', '+49301234567', 'DE'],
  ])('%j in %s → %s', (raw, country, e164, detected) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, value: { e164, country: detected } })
  })

  it.each([
    ['0000000000', 'junk'], ['1234567890', 'junk'], ['n/a', 'junk'], ['555-555-5555', 'junk'], ['123', 'junk'],
    ['9999999999', 'junk'], ['7.02255E+12', 'excel-mangled'], ['020 7946 0958', 'invalid'], ['call me maybe', 'junk'],
    ['+1 212 555 01', 'invalid'],
  ])('%j in US is rejected as %s', (raw, reason) => {
    expect(normalizePhone(raw, 'US')).toEqual({ ok: false, reason })
  })

  it('reads national numbers only when the default country is a real one', () => {
    expect(normalizePhone('(415) 555-0132', 'ZZ')).toEqual({ ok: false, reason: 'invalid' })
    expect(normalizePhone('+14155550132', 'ZZ')).toMatchObject({ ok: true })
  })

  it('returns null for empty input', () => expect(normalizePhone(' ', 'US')).toBeNull())
})

describe('isJunkValue', () => {
  it.each([
    ['email', 'test@test.com', true], ['email', 'noemail@shop.io', true], ['email', 'jane@shop.io', false],
    ['phone', '0000000000', true], ['phone', '1234567890', true], ['phone', '(555) 555-5555', true], ['phone', '+14155550132', false],
    ['id', '0', true], ['id', '000000', true], ['id', '-', true], ['id', 'cus_123', false], ['id', '7985351721238', false],
    ['name', 'N/A', true], ['name', 'Guest', true], ['name', 'asdf', true], ['name', '-', true], ['name', '???', true],
    ['name', 'Bob', false], ['name', 'Zoë', false], ['name', '李', false],
    ['email', 'unknown', true], ['phone', 'null', true], ['id', '', true], ['name', '  ', true],
  ] as const)('%s %j → %s', (kind, value, junk) => {
    expect(isJunkValue(kind, value)).toBe(junk)
  })
})
