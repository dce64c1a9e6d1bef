import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { detectPreset, findPreset, listPresets } from './index'

const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'presets')
const headerOf = (file: string): string[] => {
  const parsed = Papa.parse<string[]>(readFileSync(join(fixtures, file), 'utf8'), { preview: 1 })
  return parsed.data[0] ?? []
}

describe('detectPreset on every fixture (headers copied from real exports)', () => {
  const cases: Array<[file: string, preset: string, expected: Record<string, string>]> = [
    ['shopify-customers-v1.csv', 'shopify-customers', { 'Customer ID': 'source_key', 'Default Address Address1': 'street', 'Default Address Zip': 'postcode', Tags: 'tags', 'Accepts SMS Marketing': 'consent_sms', Note: 'attribute:note' }],
    ['shopify-customers-v2.csv', 'shopify-customers', { 'Customer ID': 'source_key', Address1: 'street', 'Province Code': 'region', Province: 'attribute:province', 'Country Code': 'country' }],
    ['shopify-customers-v3.csv', 'shopify-customers', { Email: 'email', Zip: 'postcode', 'Accepts Email Marketing': 'consent_email' }],
    ['shopify-customers-template.csv', 'shopify-customers', { 'Accepts Marketing': 'consent_email' }],
    ['shopify-orders.csv', 'shopify-orders', { Name: 'event_key', 'Billing Name': 'full_name', 'Billing Phone': 'phone', Total: 'amount', 'Created at': 'occurred_at', 'Lineitem name': 'attribute:lineitem_name' }],
    ['hubspot-contacts.csv', 'hubspot-contacts', { 'Record ID': 'source_key', 'Phone Number': 'phone', 'State/Region': 'region', 'Country/Region': 'country' }],
    ['salesforce-contacts-api.csv', 'salesforce-contacts', { Id: 'source_key', MailingStreet: 'street', Salutation: 'title', Birthdate: 'birth_date', Loyalty_Tier__c: 'attribute:loyalty_tier_c', Title: 'attribute:job_title' }],
    ['salesforce-contacts-labels.csv', 'salesforce-contacts', { 'Contact ID': 'source_key', 'Full Name': 'full_name', 'Mailing City': 'city' }],
    ['salesforce-leads-api.csv', 'salesforce-leads', { Id: 'source_key', Company: 'company', Street: 'street', PostalCode: 'postcode' }],
    ['salesforce-leads-labels.csv', 'salesforce-leads', { 'Lead ID': 'source_key', Company: 'company' }],
    ['mailchimp-audience.csv', 'mailchimp-audience', { 'Email Address': 'email', EUID: 'source_key', CC: 'country', TAGS: 'tags', LAST_CHANGED: 'observed_at' }],
    ['klaviyo-profiles.csv', 'klaviyo-profiles', { 'Klaviyo ID': 'source_key', 'Email Marketing Consent': 'consent_email', 'State / Region': 'region' }],
    ['stripe-customers-full.csv', 'stripe-customers', { id: 'source_key', 'Card Fingerprint': 'card_fingerprint', Name: 'full_name', 'Card Address Zip': 'postcode' }],
    ['stripe-customers-reduced.csv', 'stripe-customers', { id: 'source_key', 'Total Spend': 'attribute:total_spend' }],
    ['stripe-customers-metadata.csv', 'stripe-customers', { 'org_name (metadata)': 'attribute:metadata_org_name', 'tag (metadata)': 'attribute:metadata_tag' }],
    ['zendesk-users.csv', 'zendesk-users', { id: 'source_key', external_id: 'external_id', tags: 'tags' }],
    ['woocommerce-customers.csv', 'woocommerce-customers', { customer_id: 'source_key', billing_email: 'email', billing_address_1: 'street' }],
    ['quickbooks-customers.csv', 'quickbooks-customers', { ListID: 'source_key', BillAddr2: 'street', BillZip: 'postcode', CompanyName: 'company' }],
  ]
  it.each(cases)('%s → %s', (file, preset, expected) => {
    const header = headerOf(file)
    const match = detectPreset(header)
    expect(match?.preset).toBe(preset)
    expect(match!.confidence).toBeGreaterThan(0.6)
    expect(Object.keys(match!.mapping.columns)).toEqual(header)
    for (const [column, target] of Object.entries(expected)) expect(match!.mapping.columns[column], column).toBe(target)
    expect(match!.mapping.kind).toBe(findPreset(preset)!.kind)
  })
})

describe('detectPreset quirks and non-matches', () => {
  it('marks Shopify orders as line-item events with the order-lines quirk', () => {
    const m = detectPreset(headerOf('shopify-orders.csv'))!
    expect(m.mapping).toMatchObject({ kind: 'event', eventType: 'order', system: 'shopify' })
    expect(m.mapping.quirks).toContain('shopify-order-lines')
  })

  it('recognises the 2025 Shopify orders header', () => {
    const h = headerOf('shopify-orders.csv')
    const at = h.indexOf('Id')
    const newer = [...h.slice(0, at), 'Outstanding Balance', 'Employee', 'Location', 'Device ID', ...h.slice(at), 'Payment ID', 'Payment References']
    expect(detectPreset(newer)?.preset).toBe('shopify-orders')
  })

  it('tolerates case, spacing and a BOM in header names', () => {
    const h = headerOf('hubspot-contacts.csv').map((c) => `  ${c.toUpperCase()} `)
    h[0] = `\uFEFF${h[0]}`
    expect(detectPreset(h)?.preset).toBe('hubspot-contacts')
  })

  it.each([
    ['FEBRL', ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id']],
    ['Splink', ['unique_id', 'first_name', 'surname', 'dob', 'city', 'email', 'cluster']],
    ['generic contacts', ['Name', 'Email', 'Phone']],
    ['empty header', []],
  ])('returns null for %s', (_name, header) => {
    expect(detectPreset(header)).toBeNull()
  })

  it('lists every preset once', () => {
    const ids = listPresets().map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(11)
  })
})
