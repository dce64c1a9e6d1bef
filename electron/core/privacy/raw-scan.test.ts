import { describe, expect, it } from 'vitest'
import { cellMentions, redactJson } from './raw-scan'
import { maskEmail, maskPhone, maskPii } from './masking'

const n = { emails: ['ann@x.com'], phones: ['+447400123456'], raws: ['ANN-0042'] }

describe('finding a person in raw cells', () => {
  it.each([
    ['ann@x.com', true],
    ['  ANN@X.COM ', true],
    ['Ann Lee <ann@x.com>', true],
    ['joann@x.com', false],
    ['ann@x.com.au', false],
    ['ann@x.community', false],
    ['07400 123456', true],
    ['+44 (0)7400 123 456', true],
    ["'+447400123456", true],
    ['order 7400123456 shipped', false],
    ['07400 123457', false],
    ['ANN-0042', true],
    ['ANN-00421', false],
    ['', false],
  ])('%j → %s', (cell, expected) => {
    expect(cellMentions(cell, n)).toBe(expected)
  })
  it('redacts only the strings that name the person inside JSON', () => {
    expect(redactJson(JSON.stringify({ referrer: 'ann@x.com', note: 'vip', list: ['joann@x.com', 'ann@x.com'] }), n))
      .toBe(JSON.stringify({ referrer: '[erased]', note: 'vip', list: ['joann@x.com', '[erased]'] }))
    expect(redactJson('{"a":"b"}', n)).toBeNull()
  })
})

describe('masking', () => {
  it.each([
    ['jane.doe@gmail.com', 'email', 'j***@gmail.com'],
    ['+447700900123', 'phone', '+44 •••• ••• 123'],
    ['+16502530000', 'phone', '+1 •••• ••• 000'],
    ['Quillfeather', 'text', 'Q••••••'],
    ['not-an-email', 'email', 'n••••••'],
  ] as const)('%s (%s) → %s', (value, kind, masked) => {
    expect(maskPii(value, kind)).toBe(masked)
  })
  it('never shows more than the first letter and the domain, or the country code and last three digits', () => {
    expect(maskEmail('a@b.co')).toBe('a***@b.co')
    expect(maskPhone('12')).toBe('•••')
    expect(maskPii(null, 'email')).toBeNull()
  })
})
