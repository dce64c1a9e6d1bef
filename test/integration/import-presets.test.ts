import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, type ImportReport } from '../../electron/core/import'
import { tempWorkspace } from '../helpers/temp-workspace'

// Every preset through the real pipeline into one real encrypted workspace (one per file keeps it fast).
const fixture = (f: string): string => join(__dirname, '..', 'fixtures', 'presets', f)
let t: ReturnType<typeof tempWorkspace>
const reports = new Map<string, ImportReport>()

const files = [
  'shopify-customers-v1.csv', 'shopify-customers-v2.csv', 'shopify-customers-v3.csv', 'shopify-customers-template.csv',
  'shopify-orders.csv', 'hubspot-contacts.csv', 'salesforce-contacts-api.csv', 'salesforce-contacts-labels.csv',
  'salesforce-leads-api.csv', 'salesforce-leads-labels.csv', 'mailchimp-audience.csv', 'klaviyo-profiles.csv',
  'stripe-customers-full.csv', 'stripe-customers-reduced.csv', 'stripe-customers-metadata.csv', 'zendesk-users.csv',
  'woocommerce-customers.csv', 'quickbooks-customers.csv',
]

beforeAll(async () => {
  t = tempWorkspace()
  for (const f of files) reports.set(f, await importFile(t.ws, fixture(f)))
})
afterAll(() => t.dispose())

interface RecordRow { id: number; source_key: string | null; first_name: string | null; last_name: string | null; full_name: string | null
  email: string | null; phone: string | null; street: string | null; city: string | null; region: string | null; postcode: string | null
  country: string | null; birth_date: string | null; attributes: string; profile_id: number; origin: string }

const record = (source: string, where: string, ...args: unknown[]): RecordRow & { attrs: Record<string, unknown> } => {
  const r = t.ws.sqlite.prepare(`SELECT r.* FROM records r JOIN sources s ON s.id = r.source_id WHERE s.name = ? AND ${where}`)
    .get(source, ...args) as RecordRow | undefined
  if (!r) throw new Error(`no record in ${source} where ${where}`)
  return { ...r, attrs: JSON.parse(r.attributes) as Record<string, unknown> }
}
const idents = (recordId: number): string[] =>
  (t.ws.sqlite.prepare('SELECT kind || \'=\' || value FROM identifiers WHERE record_id = ? ORDER BY kind, value').pluck().all(recordId) as string[])

describe('every preset imports with every row accounted for', () => {
  it.each(files)('%s', (f) => {
    const r = reports.get(f)!
    expect(r.preset?.id, 'preset').toBe(f.replace(/(-(v\d|template|full|reduced|metadata|api|labels))?\.csv$/, ''))
    expect(r.recordsImported + r.recordsUpdated + r.eventsImported + r.rowsQuarantined).toBe(r.rows)
    const raw = t.ws.sqlite.prepare('SELECT count(*) FROM raw_rows WHERE import_id = ?').pluck().get(r.importId)
    expect(raw).toBe(r.rows)
    expect(r.reader?.format).toBe('csv')
  })
})

describe('preset quirks', () => {
  it('Shopify customers: apostrophes stripped, Excel-mangled id not a key, tags split, notes with newlines kept', () => {
    expect(reports.get('shopify-customers-v1.csv')).toMatchObject({ rows: 3, recordsImported: 3, rowsQuarantined: 0 })
    const ada = record('shopify-customers-v1', 'first_name = ?', 'Ada')
    expect(ada).toMatchObject({ source_key: '7985351721238', email: 'ada.quill+shop@mail.example', phone: '+16175550143', postcode: '02116', country: 'US', region: 'US-MA' })
    expect(ada.attrs.tags).toEqual(['Bronze VIP', 'loyal-app_new'])
    expect(ada.attrs.note).toBe('likes tea\nasked for a call')
    expect(idents(ada.id)).toContain('external:shopify=7985351721238')
    const consents = t.ws.sqlite.prepare('SELECT channel, value FROM consents WHERE record_id = ? ORDER BY channel').all(ada.id)
    expect(consents).toEqual([{ channel: 'email', value: 'granted' }, { channel: 'sms', value: 'denied' }])
    const bo = record('shopify-customers-v1', 'first_name = ?', 'Bo')
    expect(bo.source_key).toBeNull()
    expect(bo.attrs._rejected).toMatchObject({ source_key: 'excel-mangled' })
    expect(bo.phone).toBe('+442079460018')
  })

  it('junk identifiers are kept raw but never used as identifiers', () => {
    const di = record('shopify-customers-v2', 'first_name = ?', 'Di')
    expect(di.email).toBeNull()
    expect(idents(di.id).filter((i) => i.startsWith('email'))).toEqual([])
    const jo = record('hubspot-contacts', 'first_name = ?', 'Jo')
    expect([jo.email, jo.phone]).toEqual([null, null])
    expect(jo.attrs._rejected).toMatchObject({ email: 'junk', phone: 'junk' })
  })

  it('Shopify orders: line items are events of the order\'s person; the order row is an order event', () => {
    const r = reports.get('shopify-orders.csv')!
    expect(r).toMatchObject({ rows: 5, eventsImported: 4, rowsQuarantined: 1, quarantineReasons: { 'no-identity-for-event': 1 } })
    const events = t.ws.sqlite.prepare(`SELECT e.type, e.source_key AS key, e.amount_minor AS amount, e.currency, e.occurred_at AS at, e.record_id AS rec
      FROM events e JOIN sources s ON s.id = e.source_id WHERE s.name = 'shopify-orders' ORDER BY e.id`).all() as
      Array<{ type: string; key: string; amount: number | null; currency: string | null; at: string | null; rec: number }>
    expect(events.map((e) => `${e.key}:${e.type}`)).toEqual(['#1001:order', '#1001:line_item', '#1001:line_item', '#1002:order', '#1002:line_item', '#1002:line_item'])
    expect(events[0]).toMatchObject({ amount: 3450, currency: 'USD' })
    expect(events[0]!.at).toMatch(/^2022-01-11T09:32:30/)
    expect(events[3]).toMatchObject({ amount: 999, currency: 'EUR' })
    // #1001's buyer has Ada's phone: the order attaches to Ada's Shopify customer record.
    const ada = record('shopify-customers-v1', 'first_name = ?', 'Ada')
    expect(events.slice(0, 3).every((e) => e.rec === ada.id)).toBe(true)
    // #1002's buyer is unknown: a person record of origin 'event' is created, and its second line follows it.
    const hugo = record('shopify-orders', 'origin = ?', 'event')
    expect(hugo).toMatchObject({ first_name: 'Hugo', last_name: 'Stein', email: 'new.buyer@post.example', country: 'DE' })
    expect(events.slice(3).every((e) => e.rec === hugo.id)).toBe(true)
  })

  it('Stripe: card fingerprints are identifiers shared across customers; "Last, First" names split; metadata kept', () => {
    const pia = record('stripe-customers-full', 'source_key = ?', 'cus_A1b2C3d4E5')
    expect(pia).toMatchObject({ first_name: 'Pia', last_name: 'Ward', postcode: 'SW3 4UP', country: 'GB' })
    const shared = t.ws.sqlite.prepare("SELECT count(*) FROM identifiers WHERE kind = 'card_fingerprint' AND value = 'Xt5EWLLDS7FJjR1c'").pluck().get()
    expect(shared).toBe(2)
    expect(record('stripe-customers-metadata', 'source_key = ?', 'cus_P1q2R3s4T5').attrs).toMatchObject({ metadata_org_name: 'Tor Ltd', metadata_tag: 'beta' })
  })

  it('Mailchimp: the gmail-folded matching key sits beside the email, never instead of it', () => {
    const mia = record('mailchimp-audience', 'first_name = ?', 'Mia')
    expect(mia).toMatchObject({ email: 'mia.rossi@googlemail.com', country: 'IT', source_key: 'a1b2c3d4e5' })
    expect(idents(mia.id)).toEqual(expect.arrayContaining(['email=mia.rossi@googlemail.com', 'email_match=miarossi@gmail.com']))
  })

  it('Salesforce, Klaviyo, Zendesk, WooCommerce, QuickBooks map their own columns', () => {
    expect(record('salesforce-contacts-api', "source_key = '0035g00000AbCdEAA1'")).toMatchObject({ street: '1 Fjord Way', birth_date: '1980-02-29', region: 'US-WA' })
    expect(record('salesforce-contacts-api', "source_key = '0035g00000AbCdEAA1'").attrs).toMatchObject({ title: 'Dr.', job_title: 'CTO', loyalty_tier_c: 'Gold' })
    expect(record('salesforce-leads-api', "source_key = '00Q5g00000LmNoPQR'")).toMatchObject({ city: 'Lyon', country: 'FR', phone: expect.stringMatching(/^\+33/) })
    const oli = record('klaviyo-profiles', "first_name = 'Oli'")
    expect(t.ws.sqlite.prepare('SELECT channel || \'=\' || value FROM consents WHERE record_id = ? ORDER BY channel').pluck().all(oli.id)).toEqual(['email=granted', 'sms=denied'])
    const tess = record('zendesk-users', "source_key = '36001'")
    expect(idents(tess.id)).toContain('external:other=crm-889')
    expect(tess.attrs.tags).toEqual(['vip', 'churn-risk'])
    expect(record('woocommerce-customers', "source_key = '77'")).toMatchObject({ street: 'Keizersgracht 1', city: 'Amsterdam', country: 'NL' })
    expect(record('quickbooks-customers', "source_key = '80000001-1234567890'")).toMatchObject({ street: '77 Flour St', postcode: '78701' })
  })

  it('gives each new record its own profile, with an import membership row', () => {
    const q = (sql: string): unknown => t.ws.sqlite.prepare(sql).pluck().get()
    expect(q('SELECT count(DISTINCT profile_id) FROM records')).toBe(q('SELECT count(*) FROM records'))
    expect(q("SELECT count(*) FROM membership_history WHERE cause = 'import'")).toBe(q('SELECT count(*) FROM records'))
  })
})
