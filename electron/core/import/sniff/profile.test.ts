import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ValueType } from '../../../../shared/domain/fields'
import { guessMapping, profileColumns } from './index'

/**
 * Real export header lines from ../shared/data/README.md §5, each with a few synthetic rows: `values` gives the
 * cells for the columns that matter (other cells are left empty), `expect` the types profiling must detect.
 */
interface Case { name: string; header: string; values: Record<string, string[]>; expect: Record<string, ValueType> }

const cases: Case[] = [
  {
    name: 'Shopify customers (current)',
    header: 'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags',
    values: {
      'Customer ID': ["'7985351721238", "'7985351721239", '7.02255E+12'],
      'First Name': ['Jane', 'bob', ''], 'Last Name': ['Smith', "O'BRIEN", ''],
      Email: ['jane@shop.io', 'Bob.OBrien+x@gmail.com', 'n/a'],
      'Accepts Email Marketing': ['yes', 'no', 'no'],
      'Default Address Company': ['Acme Ltd', '', ''],
      'Default Address Address1': ['12 Main Street', '4 Elm Rd', ''],
      'Default Address City': ['Boston', 'Karachi', ''], 'Default Address Province Code': ['MA', 'SD', ''],
      'Default Address Country Code': ['US', 'PK', ''], 'Default Address Zip': ["'04616", "'75500", ''],
      Phone: ["'+16175550132", "'+923435290031", "'0343 5290031"], 'Accepts SMS Marketing': ['no', 'yes', 'no'],
      'Total Spent': ['0.00', '123.45', '1,204.10'], 'Total Orders': ['0', '3', '12'], 'Tax Exempt': ['no', 'no', 'yes'],
      Tags: ['"Bronze VIP, loyal-app_new"', 'vip', ''],
    },
    expect: {
      'Customer ID': 'id', 'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email',
      'Accepts Email Marketing': 'boolean', 'Default Address Address1': 'street', 'Default Address City': 'city',
      'Default Address Province Code': 'region', 'Default Address Country Code': 'country', 'Default Address Zip': 'postcode',
      Phone: 'phone', 'Total Spent': 'money', 'Total Orders': 'text', 'Tax Exempt': 'boolean', 'Default Address Address2': 'empty',
    },
  },
  {
    name: 'Stripe customers',
    header: 'id,Description,Email,Name,Created (UTC),Card ID,Total Spend,Payment Count,Refunded Volume,Dispute Losses',
    values: {
      id: ['cus_N1a2b3C4', 'cus_Q9z8y7X6', 'cus_X5w4v3U2'], Email: ['a@b.io', 'c@d.io', ''], Name: ['Jane Smith', 'Bob Lee', ''],
      'Created (UTC)': ['2019-05-09 18:02', '2020-01-02 09:15', '2021-11-30 23:59'], 'Card ID': ['card_1A2b', 'card_9Z8y', ''],
      'Total Spend': ['$120.00', '$0.00', '$15.50'], 'Payment Count': ['3', '0', '1'],
    },
    expect: { id: 'id', Email: 'email', Name: 'full_name', 'Created (UTC)': 'datetime', 'Total Spend': 'money', 'Payment Count': 'text' },
  },
  {
    name: 'Mailchimp audience',
    header: '"Email Address","First Name","Last Name",MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES',
    values: {
      'Email Address': ['x@y.com', 'z@w.org'], 'First Name': ['Ann', 'Li'], MEMBER_RATING: ['2', '2', '4'],
      OPTIN_TIME: ['2015-03-16 14:40:47', '2016-01-01 00:00:00'], CC: ['US', 'AU'], REGION: ['CA', 'NSW'],
      LATITUDE: ['51.5074', '-33.8688'], LAST_CHANGED: ['2017-05-01 10:11:12', '2018-06-02 11:12:13'], LEID: ['123456', '123457'],
    },
    expect: {
      'Email Address': 'email', 'First Name': 'first_name', MEMBER_RATING: 'text', OPTIN_TIME: 'datetime', CC: 'country',
      REGION: 'region', LATITUDE: 'text', LAST_CHANGED: 'datetime', LEID: 'id', NOTES: 'empty',
    },
  },
  {
    name: 'Salesforce contacts (API names)',
    header: 'Id,IsDeleted,MasterRecordId,AccountId,LastName,FirstName,Salutation,Name,MailingStreet,MailingCity,MailingState,MailingPostalCode,MailingCountry,Phone,MobilePhone,Email,Birthdate,CreatedDate,LastModifiedDate',
    values: {
      Id: ['0035e00000AbCdE', '0035e00000FgHiJ'], IsDeleted: ['false', 'false'], LastName: ['Smith', 'van der Berg'],
      FirstName: ['Jane', 'Jan'], Name: ['Jane Smith', 'Jan van der Berg'], MailingStreet: ['1 Market St', '22 Queen Street'],
      MailingState: ['California', 'Ontario'], MailingPostalCode: ['94105', 'M5H 2N2'], MailingCountry: ['USA', 'Canada'],
      MobilePhone: ['+1 415 555 0132', '+1 416 555 0199'], Email: ['jane@corp.com', 'jan@corp.ca'],
      Birthdate: ['1985-03-12', '1979-01-01'], CreatedDate: ['2020-01-01T10:00:00.000Z', '2021-02-02T11:00:00.000Z'],
    },
    expect: {
      Id: 'id', IsDeleted: 'boolean', LastName: 'last_name', FirstName: 'first_name', Name: 'full_name', MailingStreet: 'street',
      MailingState: 'region', MailingPostalCode: 'postcode', MailingCountry: 'country', MobilePhone: 'phone', Email: 'email',
      Birthdate: 'date', CreatedDate: 'datetime',
    },
  },
  {
    name: 'QuickBooks customer list',
    header: 'ListID,Name,FirstName,LastName,CompanyName,Email,Phone,CustomerType,PriceLevel,BillAddr1,BillAddr2,BillAddr3,BillAddr4,BillAddr5,BillFullAddr,BillCity,BillState,BillZip,ShipAddr1,ShipAddr2,ShipAddr3,ShipAddr4,ShipAddr5,ShipFullAddr,ShipCity,ShipState,ShipZip',
    values: {
      ListID: ['80000001-1234567890', '80000002-1234567891'], Name: ['Jane Smith', 'Bob Lee'], BillAddr1: ['12 High St', '9 Low Rd'],
      BillCity: ['Leeds', 'York'], BillState: ['TX', 'NY'], BillZip: ['73301', '10001'], Phone: ['555-201-3344', '(212) 555-0100'],
    },
    expect: { ListID: 'id', Name: 'full_name', BillAddr1: 'street', BillCity: 'city', BillState: 'region', BillZip: 'postcode', Phone: 'phone' },
  },
]

/** Splits a header line, honouring the double quotes Mailchimp puts round some names. */
const splitHeader = (line: string): string[] => line.split(',').map((h) => h.replace(/^"|"$/g, ''))

function rowsFor(header: string[], values: Record<string, string[]>): string[][] {
  const count = Math.max(...Object.values(values).map((v) => v.length))
  return Array.from({ length: count }, (_, r) => header.map((h) => values[h]?.[r] ?? ''))
}

describe('profileColumns on real export headers', () => {
  it.each(cases)('$name', ({ header, values, expect: expected }) => {
    const names = splitHeader(header)
    const profiles = profileColumns(names, rowsFor(names, values))
    expect(profiles).toHaveLength(names.length)
    const detected = Object.fromEntries(Object.keys(expected).map((name) => [name, profiles.find((p) => p.name === name)?.detected]))
    expect(detected).toEqual(expected)
  })

  it('reports fill rate, distinct count, at most five samples and the date order', () => {
    const rows = [['16/03/2015', 'a'], ['01/02/2020', 'a'], ['', 'b'], ['05/04/2019', 'c'], ['07/07/2007', 'd'], ['', 'e'], ['', 'f'], ['', 'g']]
    const [date, letters] = profileColumns(['Signup Date', 'Letter', 'Missing'], rows)
    expect(date).toMatchObject({ index: 0, fillRate: 0.5, distinct: 4, detected: 'date', dateOrder: 'DMY' })
    expect(letters).toMatchObject({ index: 1, fillRate: 1, distinct: 7, samples: ['a', 'b', 'c', 'd', 'e'] })
    expect(profileColumns(['x'], [])).toEqual([{ index: 0, name: 'x', fillRate: 0, distinct: 0, samples: [], detected: 'empty' }])
  })

  it('profiles the FEBRL reference file (lower-case AU persons, YYYYMMDD births)', () => {
    const path = join(__dirname, '../../../../../shared/data/febrl/dataset1.csv')
    const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '').slice(0, 201)
    const [head, ...body] = lines.map((l) => l.split(',').map((c) => c.trim()))
    const profiles = profileColumns(head!, body)
    expect(Object.fromEntries(profiles.map((p) => [p.name, p.detected]))).toEqual({
      rec_id: 'id', given_name: 'first_name', surname: 'last_name', street_number: 'street', address_1: 'street',
      address_2: 'street', suburb: 'city', postcode: 'postcode', state: 'region', date_of_birth: 'date', soc_sec_id: 'id',
    })
  })
})

describe('guessMapping', () => {
  it('maps a person list to canonical fields, secondary slots and attributes', () => {
    const names = splitHeader(cases[0]!.header)
    const mapping = guessMapping(profileColumns(names, rowsFor(names, cases[0]!.values)))
    expect(mapping.kind).toBe('person')
    expect(mapping.columns).toMatchObject({
      'Customer ID': 'source_key', 'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email',
      'Accepts Email Marketing': 'consent_email', 'Accepts SMS Marketing': 'consent_sms', 'Default Address Company': 'company',
      'Default Address Address1': 'street', 'Default Address Address2': 'ignore', 'Default Address City': 'city',
      'Default Address Province Code': 'region', 'Default Address Country Code': 'country', 'Default Address Zip': 'postcode',
      Phone: 'phone', Tags: 'tags', 'Total Spent': 'attribute:total_spent', 'Tax Exempt': 'attribute:tax_exempt',
    })
  })

  it('recognises an order export as events and keeps the customer keys', () => {
    const header = ['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Created at', 'Lineitem quantity', 'Billing Name', 'Billing Phone']
    const rows = [
      ['#1001', 'jane@shop.io', 'paid', 'USD', '120.00', '2022-01-11 04:32:30 -0500', '2', 'Jane Smith', '+1 415 555 0132'],
      ['#1002', 'bob@shop.io', 'refunded', 'USD', '15.50', '2022-01-12 10:00:00 -0500', '1', 'Bob Lee', '+1 415 555 0199'],
    ]
    const mapping = guessMapping(profileColumns(header, rows))
    expect(mapping).toMatchObject({ kind: 'event', eventType: 'line_item' })
    expect(mapping.columns).toMatchObject({
      Name: 'event_key', Email: 'email', 'Financial Status': 'status', Currency: 'currency', Total: 'amount',
      'Created at': 'occurred_at', 'Billing Name': 'full_name', 'Billing Phone': 'phone',
    })
  })

  it('moves a second email and phone to the secondary slots and records non-ISO date orders', () => {
    const header = ['Email', 'Work Email', 'Phone', 'Mobile', 'Birthday', 'Last Updated']
    const rows = [
      ['a@x.io', 'a@work.io', '+44 20 7946 0958', '+44 7700 900123', '16/03/1985', '2020-01-01 10:00'],
      ['b@x.io', 'b@work.io', '+44 20 7946 0959', '+44 7700 900124', '01/02/1990', '2020-01-02 10:00'],
    ]
    const mapping = guessMapping(profileColumns(header, rows))
    expect(mapping).toMatchObject({
      kind: 'person',
      columns: { Email: 'email', 'Work Email': 'email_secondary', Phone: 'phone', Mobile: 'phone_secondary', Birthday: 'birth_date', 'Last Updated': 'observed_at' },
      dateOrders: { Birthday: 'DMY' },
    })
  })
})
