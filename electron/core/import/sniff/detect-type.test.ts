import { describe, expect, it } from 'vitest'
import { detectValueType } from './detect-type'

describe('detectValueType from values alone', () => {
  it.each([
    [['jane@shop.io', 'BOB@x.co.uk', 'n/a'], 'email'],
    [['2022-01-11 04:32:30 -0500', '2022-02-01 10:00:00 -0500'], 'datetime'],
    [['16/03/2015', '01/02/2020', '25/12/1999'], 'date'],
    [['March 16, 2015', 'Jan 2, 2020'], 'date'],
    [['yes', 'no', 'no', 'yes'], 'boolean'],
    [['TRUE', 'FALSE'], 'boolean'],
    [['$1,234.50', '$12.00', '$0.99'], 'money'],
    [['12.50', '1,234.00', '0.99'], 'money'],
    [['+44 20 7946 0958', '(415) 555-0132', '02 69096869'], 'phone'],
    [['SW1A 1AA', 'EC1A 1BB', 'M1 1AE'], 'postcode'],
    [['02134-1234', '90210-0001'], 'postcode'],
    [['California', 'Texas', 'nsw', 'Ontario'], 'region'],
    [['Germany', 'France', 'United States', 'UK'], 'country'],
    [['12 Main Street', '4 Elm Rd', '221B Baker Street'], 'street'],
    [['cus_N1a2b3', 'cus_Q9z8y7', 'cus_X5w4v3'], 'id'],
    [['7985351721238', '7985351721239', '7985351721240'], 'id'],
    [['7.02255E+12', '7.02256E+12', '7.02257E+12'], 'id'],
    [['Jane Smith', 'Robert McDonald', 'Zoë Müller'], 'full_name'],
    [['1', '2', '2', '3', '1'], 'text'],
    [['51.5074', '48.8566', '40.7128'], 'text'],
    [['hello world', 'a note, with words'], 'text'],
    [['', '  ', ''], 'empty'],
    [[], 'empty'],
  ] as const)('%j → %s', (values, type) => expect(detectValueType([...values])).toBe(type))
})

describe('detectValueType with a header hint', () => {
  it.each([
    ['Zip', ['04616', '90210', '2640'], 'postcode'],
    ['postcode', ['2640', '4551', '0800'], 'postcode'],
    ['Phone', ['4155550132', '2069096869'], 'phone'],
    ['First Name', ['jane', 'BOB', 'Zoë'], 'first_name'],
    ['surname', ['smith', 'o\'brien'], 'last_name'],
    ['City', ['London', 'Lonon', 'New York'], 'city'],
    ['suburb', ['toowoomba', 'kellerberrin'], 'city'],
    ['state', ['nsw', 'vic', 'qld'], 'region'],
    ['Province Code', ['ON', 'QC'], 'region'],
    ['Country Code', ['US', 'GB', 'DE'], 'country'],
    ['date_of_birth', ['19850312', '19790101'], 'date'],
    ['Created at', ['2022-01-11 04:32:30 -0500'], 'datetime'],
    ['Accepts Email Marketing', ['yes', 'no'], 'boolean'],
    ['Total Spent', ['0.00', '123.45', '12'], 'money'],
    ['Total Orders', ['0', '3', '12'], 'text'],
    ['Customer ID', ['7985351721238', '7985351721239'], 'id'],
    ['soc_sec_id', ['1234567', '7654321'], 'id'],
    // The values overrule a header that does not fit them.
    ['Email', ['Jane Smith', 'Bob Jones', 'Ann Lee'], 'full_name'],
    ['Name', ['#1001', '#1002', '#1003'], 'id'],
    ['OPTIN_TIME', ['2015-03-16 14:40:47', '2015-04-01 09:00:00'], 'datetime'],
    ['EmailBouncedDate', ['2020-01-01', '2021-03-04'], 'date'],
    ['Phone', ['call after 5pm', 'ask reception'], 'text'],
  ] as const)('%s %j → %s', (header, values, type) => expect(detectValueType([...values], header)).toBe(type))
})
