import { describe, expect, it } from 'vitest'
import { getPreset, mailchimpAddress, type PresetId } from './presets'
import { isSha256Hex, sha256Hex } from './hash'
import type { ProfileData } from './profile-data'

/** A profile as the export sees it; golden values in Tessera's own normal form unless a case says otherwise. */
function profile(golden: Record<string, string>, extra: Partial<ProfileData> = {}): ProfileData {
  return { id: 42, golden, emails: golden.email ? [golden.email] : [], phones: golden.phone ? [golden.phone] : [], summary: null, custom: {}, identifiers: [], ...extra }
}

function cell(preset: PresetId, header: string, p: ProfileData, opts: { hashed?: boolean; gmailDotFolding?: boolean } = {}): string {
  const col = getPreset(preset).columns!.find((c) => c.header === header)
  if (!col) throw new Error(`no column ${header} in ${preset}`)
  const v = col.value(p, { gmailDotFolding: opts.gmailDotFolding === true })
  return col.hash === 'always' || (col.hash === 'optional' && opts.hashed) ? sha256Hex(v) : v
}

describe('hashing', () => {
  it('is SHA-256 lowercase hex of the normalised text (the digest every platform documents for test@example.com)', () => {
    expect(sha256Hex('test@example.com')).toBe('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b')
  })
  it('never hashes a value that already is a 64-hex digest, and keeps empty cells empty', () => {
    const h = '973DFE463EC85785F5F95AF5BA3906EEDB2D931C24E69824A89EA65DBA4E813B'
    expect(isSha256Hex(h)).toBe(true)
    expect(sha256Hex(h)).toBe(h.toLowerCase())
    expect(sha256Hex('')).toBe('')
  })
})

describe('presets: exact headers', () => {
  it.each([
    ['meta', 'email,phone,fn,ln,ct,st,zip,country,dob,doby,gen,madid,extern_id'],
    ['google', 'Email,Phone,First Name,Last Name,Country,Zip'],
    ['linkedin', 'email'],
    ['mailchimp', 'Email Address,First Name,Last Name,Address,Phone Number,Birthday,Tags'],
    ['klaviyo', 'Email,Phone Number,First Name,Last Name,City,Region,Zip Code,Country,Email Marketing Consent,SMS Marketing Consent'],
    ['hubspot', 'Email,First Name,Last Name,Phone Number,Company Name,City,State/Region,Postal Code,Country/Region'],
  ] as const)('%s', (id, header) => {
    expect(getPreset(id).columns!.map((c) => c.header).join(',')).toBe(header)
  })
  it('declares the consent each destination needs', () => {
    expect(getPreset('meta').consent).toEqual(['ads'])
    expect(getPreset('google').consent).toEqual(['ads'])
    expect(getPreset('linkedin').consent).toEqual(['ads'])
    expect(getPreset('mailchimp').consent).toEqual(['email'])
  })
  it('rejects an unknown preset with the valid ids', () => {
    expect(() => getPreset('tiktok')).toThrow(/meta, google, linkedin/)
  })
})

// Meta's "Hashing and normalizing data" rules for customer-list keys, with its documented examples.
describe('Meta customer list normalisation', () => {
  it.each([
    ['email', { email: '  John_Smith@Gmail.com ' }, 'john_smith@gmail.com'],
    ['phone', { phone: '+1 (616) 954-78 88' }, '16169547888'],
    ['phone', { phone: '+44 844 412 4653' }, '448444124653'],
    ['phone', { phone: '07400 123456', country: 'GB' }, '447400123456'],
    ['fn', { first_name: 'Mary' }, 'mary'],
    ['fn', { first_name: 'Valéry' }, 'valéry'],
    ['ln', { last_name: "O'Brien-Smith" }, 'obriensmith'],
    ['ct', { city: 'Menlo Park' }, 'menlopark'],
    ['ct', { city: 'London' }, 'london'],
    ['st', { region: 'US-AZ' }, 'az'],
    ['st', { region: 'New South Wales' }, 'newsouthwales'],
    ['zip', { postcode: '94035-1234', country: 'US' }, '94035'],
    ['zip', { postcode: 'M1 1AE', country: 'GB' }, 'm11ae'],
    ['country', { country: 'US' }, 'us'],
    ['dob', { birth_date: '1997-02-16' }, '19970216'],
    ['doby', { birth_date: '1997-02-16' }, '1997'],
    ['gen', { gender: 'Female' }, 'f'],
    ['gen', { gender: 'M' }, 'm'],
    ['gen', { gender: 'non-binary' }, ''],
    ['madid', { madid: '6D92078A-8246-4BA4-AE5B-76104861E7DC' }, '6d92078a-8246-4ba4-ae5b-76104861e7dc'],
    ['extern_id', {}, '42'],
  ])('%s %j → %s', (header, golden, expected) => {
    expect(cell('meta', header, profile(golden))).toBe(expected)
  })
  it('hashes every key but madid and extern_id when hashed', () => {
    const p = profile({ email: 'Test@Example.com', madid: 'ABC', country: 'US' })
    expect(cell('meta', 'email', p, { hashed: true })).toBe('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b')
    expect(cell('meta', 'country', p, { hashed: true })).toBe(sha256Hex('us'))
    expect(cell('meta', 'madid', p, { hashed: true })).toBe('abc')
    expect(cell('meta', 'extern_id', p, { hashed: true })).toBe('42')
  })
  it('passes an already-hashed email through once', () => {
    const h = sha256Hex('test@example.com')
    expect(cell('meta', 'email', profile({ email: h }), { hashed: true })).toBe(h)
  })
})

// Google Ads Customer Match: E.164 phones with '+', lower-cased trimmed names, Country and Zip never hashed.
describe('Google Customer Match normalisation', () => {
  it.each([
    ['Email', { email: 'Jane.Doe@Gmail.com' }, {}, 'jane.doe@gmail.com'],
    ['Email', { email: 'Jane.Doe@Gmail.com' }, { gmailDotFolding: true }, 'janedoe@gmail.com'],
    ['Email', { email: 'jane.doe@googlemail.com' }, { gmailDotFolding: true }, 'janedoe@googlemail.com'],
    ['Email', { email: 'jane.doe@example.com' }, { gmailDotFolding: true }, 'jane.doe@example.com'],
    ['Phone', { phone: '+1 650-253-0000' }, {}, '+16502530000'],
    ['Phone', { phone: '020 7946 0018', country: 'GB' }, {}, '+442079460018'],
    ['First Name', { first_name: '  Jane ' }, {}, 'jane'],
    ['Last Name', { last_name: 'Van Der Berg' }, {}, 'van der berg'],
    ['Country', { country: 'us' }, {}, 'US'],
    ['Zip', { postcode: ' 94043 ' }, {}, '94043'],
  ])('%s %j %j → %s', (header, golden, opts, expected) => {
    expect(cell('google', header, profile(golden), opts)).toBe(expected)
  })
  it('hashes email, phone and names but never Country or Zip', () => {
    const p = profile({ email: 'a@b.co', phone: '+16502530000', first_name: 'Jane', last_name: 'Doe', country: 'US', postcode: '94043' })
    expect(cell('google', 'Phone', p, { hashed: true })).toBe(sha256Hex('+16502530000'))
    expect(cell('google', 'First Name', p, { hashed: true })).toBe(sha256Hex('jane'))
    expect(cell('google', 'Country', p, { hashed: true })).toBe('US')
    expect(cell('google', 'Zip', p, { hashed: true })).toBe('94043')
  })
})

describe('LinkedIn, Mailchimp, Klaviyo, HubSpot', () => {
  it('LinkedIn emails are always SHA-256 of the lower-cased address, and it warns under 300 rows', () => {
    expect(cell('linkedin', 'email', profile({ email: 'Test@Example.com ' }))).toBe('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b')
    expect(getPreset('linkedin').minRows?.rows).toBe(300)
  })
  it('Mailchimp writes the address in one cell with two spaces between parts', () => {
    const p = profile({ street: '123 Main St', street2: 'Apt 4', city: 'Springfield', region: 'US-IL', postcode: '62701', country: 'US' })
    expect(mailchimpAddress(p)).toBe('123 Main St  Apt 4  Springfield  IL  62701  US')
    expect(mailchimpAddress(profile({ street: '1 High St', city: 'Leeds', country: 'GB' }))).toBe('1 High St  Leeds  GB')
    expect(cell('mailchimp', 'Birthday', profile({ birth_date: '1990-07-04' }))).toBe('07/04')
  })
  it('Mailchimp tags are the profile tags, comma separated', () => {
    const summary = { tags: JSON.stringify(['VIP', 'wholesale']) } as ProfileData['summary']
    expect(cell('mailchimp', 'Tags', profile({}, { summary }))).toBe('VIP,wholesale')
  })
  it.each([
    ['granted', 'Subscribed'], ['denied', 'Unsubscribed'], ['unknown', 'Never subscribed'], [null, 'Never subscribed'],
  ])('Klaviyo consent %s → %s', (value, word) => {
    const summary = { consent_email: value, consent_sms: value, tags: '[]' } as ProfileData['summary']
    expect(cell('klaviyo', 'Email Marketing Consent', profile({}, { summary }))).toBe(word)
    expect(cell('klaviyo', 'SMS Marketing Consent', profile({}, { summary }))).toBe(word)
  })
  it('HubSpot and Mailchimp need an email; Meta an email or a phone', () => {
    expect(getPreset('hubspot').missingKey(profile({ phone: '+16502530000' }))).toBe('no-email')
    expect(getPreset('mailchimp').missingKey(profile({ email: 'a@b.co' }))).toBeNull()
    expect(getPreset('meta').missingKey(profile({ phone: '+16502530000' }))).toBeNull()
    expect(getPreset('meta').missingKey(profile({ first_name: 'Ann' }))).toBe('no-email-or-phone')
  })
})
