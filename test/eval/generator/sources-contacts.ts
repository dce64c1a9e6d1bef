/**
 * Row builders for the contact-style sources: HubSpot contacts (CRM), Mailchimp audience (newsletter) and
 * Zendesk users (support desk).
 */
import { formatPhone, timestamp, typedPhoneFormats, usDate } from './noise'
import type { Person } from './person'
import { lineFor, type RowContext } from './rows'
import { addressView, emailView, nameView, phoneView, sourceNoise } from './views'

const year = 365 * 86400
const owners = ['Alex Rivera', 'Sam Patel', 'Jordan Lee', 'Casey Nguyen', 'Morgan Brooks', '']
const stages = ['Subscriber', 'Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer']
const leadStatuses = ['New', 'Open', 'In Progress', 'Connected', 'Attempted to Contact', '']
const countries = ['United States', 'United States', 'United States', 'US', 'USA', 'United States of America']

/** A HubSpot contact; returns the line and the Record ID (Zendesk may carry it as external_id). */
export function hubspotRow(ctx: RowContext, p: Person): { line: string; recordId: string } {
  const { rng } = ctx
  const noise = sourceNoise.hubspot_contacts
  const t = rng.range(0, 6 * year)
  const name = nameView(rng, p, noise, t)
  const addr = addressView(rng, p, noise, t)
  let phone = phoneView(rng, p, noise, t, rng.pick(typedPhoneFormats))
  let email = emailView(rng, p, noise, t)
  // A contact with no email came from a call or a form with a phone or an address: never a bare name.
  if (email === '' && phone === '' && addr.city === '') {
    const own = p.mobile ?? p.landline
    if (own) phone = formatPhone(own, rng.pick(typedPhoneFormats))
    else email = p.email
  }
  const recordId = String(51000 + ctx.ids.next('hubspot') * 17 + rng.int(17))
  const line = lineFor('hubspot_contacts', {
    'Record ID': recordId,
    'First Name': name.first,
    'Last Name': name.last,
    Email: email,
    'Phone Number': phone,
    'Company Name': p.company && (email === p.workEmail || rng.chance(0.5)) ? p.company : '',
    'Street Address': addr.line2 ? `${addr.line1} ${addr.line2}` : addr.line1,
    City: addr.city,
    'State/Region': rng.chance(0.7) ? addr.region : addr.regionName,
    'Postal Code': addr.postcode,
    'Country/Region': addr.city ? rng.pick(countries) : '',
    // Custom property typed by sales reps in US order: the import has to decide MDY for this column.
    'Date of Birth': rng.chance(0.4) ? usDate(p.birth) : '',
    'Lifecycle Stage': rng.pick(stages),
    'Lead Status': rng.pick(leadStatuses),
    'Create Date': timestamp(t, 'hubspot'),
    'Contact owner': rng.pick(owners),
  })
  return { line, recordId }
}

const ip = (ctx: RowContext): string => `${ctx.rng.range(23, 223)}.${ctx.rng.int(256)}.${ctx.rng.int(256)}.${ctx.rng.range(1, 254)}`
const hex = (ctx: RowContext, n: number): string => {
  let out = ''
  for (let i = 0; i < n; i++) out += '0123456789abcdef'[ctx.rng.int(16)]
  return out
}

/** A Mailchimp audience member: the email is always there (Mailchimp requires it), names often not. */
export function mailchimpRow(ctx: RowContext, p: Person): string {
  const { rng } = ctx
  const noise = sourceNoise.mailchimp_audience
  const t = rng.range(0, 10 * year - 86400)
  const email = emailView(rng, p, noise, t) || p.email
  const named = rng.chance(0.6)
  const name = named ? nameView(rng, p, noise, t) : { first: '', last: '' }
  const city = p.oldAddress && t < p.changeAt ? p.oldAddress.city : p.address.city
  const optinIp = ip(ctx)
  const jitter = (): number => (rng.next() - 0.5) * 0.2
  return lineFor('mailchimp_audience', {
    'Email Address': email,
    'First Name': name.first,
    'Last Name': named && rng.chance(0.85) ? name.last : '',
    MEMBER_RATING: String(rng.range(1, 5)),
    OPTIN_TIME: timestamp(t, 'mailchimp'),
    OPTIN_IP: optinIp,
    CONFIRM_TIME: timestamp(t + rng.range(30, 3600), 'mailchimp'),
    CONFIRM_IP: optinIp,
    LATITUDE: rng.chance(0.7) ? (city.lat + jitter()).toFixed(7) : '',
    LONGITUDE: rng.chance(0.7) ? (city.lon + jitter()).toFixed(7) : '',
    GMTOFF: String(city.gmt),
    DSTOFF: String(city.gmt + 1),
    TIMEZONE: city.tz,
    CC: 'US',
    REGION: city.region,
    LAST_CHANGED: timestamp(t + rng.range(3600, year), 'mailchimp'),
    LEID: String(100000000 + ctx.ids.next('mailchimp') * 3 + rng.int(3)),
    EUID: hex(ctx, 10),
    NOTES: '',
    TAGS: rng.chance(0.2) ? rng.pick(['Customers', 'VIP', 'Customers, VIP', 'Webinar 2021', 'Black Friday']) : '',
  })
}

const zones: Readonly<Record<number, string>> = { [-5]: 'Eastern Time (US & Canada)', [-6]: 'Central Time (US & Canada)', [-7]: 'Mountain Time (US & Canada)', [-8]: 'Pacific Time (US & Canada)' }

function zendeskName(ctx: RowContext, p: Person, t: number, email: string): string {
  const { rng } = ctx
  const name = nameView(rng, p, sourceNoise.zendesk_users, t)
  const roll = rng.next()
  // Zendesk fills the name from the email's local part when the requester gave none.
  if (roll < 0.08 && email.includes('@')) return email.slice(0, email.indexOf('@'))
  if (roll < 0.15) return name.first
  return `${name.first} ${name.last}`
}

/** A Zendesk end-user. `crmId` is the person's HubSpot Record ID when they have one (sometimes synced as external_id). */
export function zendeskRow(ctx: RowContext, p: Person, crmId: string | undefined): string {
  const { rng } = ctx
  const noise = sourceNoise.zendesk_users
  const t = rng.range(year, 10 * year - 86400)
  const phone = phoneView(rng, p, noise, t, rng.chance(0.5) ? 'e164' : rng.pick(typedPhoneFormats))
  // Zendesk users need an email or a phone to be reachable at all.
  const drawn = emailView(rng, p, noise, t)
  const email = drawn === '' && phone === '' ? p.email : drawn
  const city = p.oldAddress && t < p.changeAt ? p.oldAddress.city : p.address.city
  return lineFor('zendesk_users', {
    id: String(360000000000 + ctx.ids.next('zendesk') * 7 + rng.int(7)),
    name: zendeskName(ctx, p, t, email),
    email,
    phone,
    organization: p.company && rng.chance(0.4) ? p.company : '',
    role: 'end-user',
    created_at: timestamp(t, 'zendesk'),
    updated_at: timestamp(t + rng.range(0, year), 'zendesk'),
    time_zone: rng.chance(0.6) ? (zones[city.gmt] ?? '') : '',
    tags: rng.chance(0.25) ? rng.pick(['vip', 'returns', 'billing', 'vip returns', 'shipping_issue']) : '',
    external_id: crmId && rng.chance(0.15) ? crmId : '',
  })
}
