/**
 * Row builders for the shop: Shopify customers (one account per line, apostrophe-prefixed ids, phones and
 * zips) and Shopify orders (one line per line item; only an order's first line carries the order fields).
 */
import { formatPhone, timestamp, typedPhoneFormats } from './noise'
import type { Person } from './person'
import { apostrophe, lineFor, money, yesNo, type RowContext } from './rows'
import type { Rng } from './rng'
import { addressView, emailView, nameView, phoneView, sourceNoise, type AddressView } from './views'
import { products, surnames, femaleNames, maleNames } from './vocab'

const year = 365 * 86400
const horizon = 10 * year

/** Orders of one shop customer: counts drawn once so the customer row can show its totals. */
export interface OrderPlan {
  times: number[]
  lines: number[]
}

/** 1 + geometric orders (mean `meanOrders`), 1 + geometric lines per order (mean ≈ 2.4). */
export function planOrders(rng: Rng, from: number, meanOrders: number): OrderPlan {
  const times: number[] = []
  const lines: number[] = []
  const more = 1 - 1 / meanOrders
  do {
    times.push(rng.range(from, horizon - 86400))
    let k = 1
    while (k < 8 && rng.chance(0.6)) k++
    lines.push(k)
  } while (times.length < 40 && rng.chance(more))
  times.sort((a, b) => a - b)
  return { times, lines }
}

/** The email a Shopify account created at `t` holds; drawn before the orders, which reuse it. */
export function shopifyAccountEmail(ctx: RowContext, p: Person, t: number): string {
  return emailView(ctx.rng, p, sourceNoise.shopify_customers, t)
}

/** A Shopify customer account line, showing the customer's latest details and their order totals. */
export function shopifyCustomerRow(ctx: RowContext, p: Person, email: string, totals: { cents: number; orders: number }): string {
  const { rng } = ctx
  const noise = sourceNoise.shopify_customers
  const now = horizon - 1
  const name = rng.chance(0.03) ? { first: '', last: '' } : nameView(rng, p, noise, now)
  const addr = addressView(rng, p, noise, now)
  // Shopify needs an email or a phone on every customer: without an email, the phone is always there.
  const own = p.mobile ?? p.landline
  const mobile = own && (email === '' || rng.chance(0.35)) ? formatPhone(own, 'e164') : ''
  const note = rng.chance(0.01) ? 'Prefers morning delivery.\nLeave parcels at the side door.' : rng.chance(0.02) ? 'Wholesale enquiry, see email' : ''
  return lineFor('shopify_customers', {
    'Customer ID': apostrophe(String(7000000000000 + ctx.ids.next('shopify-customer') * 97 + rng.int(97))),
    'First Name': name.first,
    'Last Name': name.last,
    Email: email,
    'Accepts Email Marketing': yesNo(rng, 0.45),
    'Default Address Company': p.company && rng.chance(0.1) ? p.company : '',
    'Default Address Address1': addr.line1,
    'Default Address Address2': addr.line2,
    'Default Address City': addr.city,
    'Default Address Province Code': addr.region,
    'Default Address Country Code': addr.city ? 'US' : '',
    'Default Address Zip': apostrophe(addr.postcode),
    'Default Address Phone': addr.city ? apostrophe(phoneView(rng, p, noise, now, rng.pick(typedPhoneFormats))) : '',
    Phone: apostrophe(mobile),
    'Accepts SMS Marketing': mobile ? yesNo(rng, 0.3) : 'no',
    'Total Spent': money(totals.cents),
    'Total Orders': String(totals.orders),
    Note: note,
    'Tax Exempt': 'no',
    Tags: rng.chance(0.15) ? rng.pick(['VIP', 'Bronze VIP, loyal-app_new', 'wholesale', 'newsletter, returning']) : '',
  })
}

interface OrderParty {
  name: string
  addr: AddressView
  phone: string
}

function shippingParty(rng: Rng, buyer: OrderParty): OrderParty {
  // Gifts: about one order in ten ships to someone else, whose name must not be mistaken for the buyer's.
  if (!rng.chance(0.1)) return buyer
  const first = rng.chance(0.5) ? rng.pick(femaleNames) : rng.pick(maleNames)
  const addr: AddressView = { ...buyer.addr, line1: `${rng.range(1, 999)} ${rng.pick(['Elm', 'Oak', 'Bay', 'Hill'])} St`, line2: '' }
  return { name: `${first} ${rng.pick(surnames)}`, addr, phone: '' }
}

const partyColumns = ['Name', 'Street', 'Address1', 'Address2', 'Company', 'City', 'Zip', 'Province', 'Country', 'Phone', 'Province Name'] as const
const columnNames = {
  Billing: partyColumns.map((c) => `Billing ${c}`),
  Shipping: partyColumns.map((c) => `Shipping ${c}`),
}

/** The Billing … or Shipping … cells of an order. Keys are precomputed: this runs for every order. */
function partyCells(prefix: 'Billing' | 'Shipping', party: OrderParty, company: string): Record<string, string> {
  const a = party.addr
  const values = [
    party.name, a.line2 ? `${a.line1}, ${a.line2}` : a.line1, a.line1, a.line2, company, a.city,
    apostrophe(a.postcode), a.region, a.city ? 'US' : '', party.phone, a.regionName,
  ]
  const names = columnNames[prefix]
  const cells: Record<string, string> = {}
  for (let i = 0; i < names.length; i++) cells[names[i] as string] = values[i] ?? ''
  return cells
}

/** The lines of one order placed at `t`; `accountEmail` is the email of the buyer's account, if any. */
export function shopifyOrderLines(ctx: RowContext, p: Person, t: number, lineCount: number, accountEmail: string): { lines: string[]; cents: number } {
  const { rng } = ctx
  const noise = sourceNoise.shopify_orders
  const number = `#${1000 + ctx.ids.next('shopify-order')}`
  const email = accountEmail && rng.chance(0.9) ? accountEmail : emailView(rng, p, noise, t) || p.email
  const name = nameView(rng, p, noise, t)
  const buyer: OrderParty = { name: `${name.first} ${name.last}`.trim(), addr: addressView(rng, p, noise, t), phone: phoneView(rng, p, noise, t, rng.pick(typedPhoneFormats)) }
  const items = Array.from({ length: lineCount }, () => ({ product: rng.pick(products), qty: rng.chance(0.8) ? 1 : rng.range(2, 3) }))
  const subtotal = items.reduce((sum, it) => sum + it.product[2] * 100 * it.qty, 0)
  const shipping = subtotal >= 7500 ? 0 : rng.pick([599, 999])
  const taxes = Math.round(subtotal * 0.08)
  const total = subtotal + shipping + taxes
  const created = timestamp(t, 'shopify')
  const lines = items.map((it, i) => {
    const lineCells: Record<string, string> = {
      Name: number, Email: email,
      'Lineitem quantity': String(it.qty), 'Lineitem name': it.product[0], 'Lineitem price': money(it.product[2] * 100),
      'Lineitem sku': it.product[1], 'Lineitem requires shipping': 'true', 'Lineitem taxable': 'true',
      'Lineitem fulfillment status': 'fulfilled', Vendor: 'Tessera Goods', 'Lineitem discount': '0.00',
    }
    if (i > 0) return lineFor('shopify_orders', lineCells)
    return lineFor('shopify_orders', lineCells, orderCells(ctx, { t, created, subtotal, shipping, taxes, total, buyer, company: p.company && rng.chance(0.05) ? p.company : '' }))
  })
  return { lines, cents: total }
}

interface OrderFacts {
  t: number
  created: string
  subtotal: number
  shipping: number
  taxes: number
  total: number
  buyer: OrderParty
  company: string
}

function orderCells(ctx: RowContext, o: OrderFacts): Record<string, string> {
  const { rng } = ctx
  const paid = timestamp(o.t + rng.range(0, 120), 'shopify')
  return Object.assign({
    'Financial Status': 'paid', 'Paid at': paid, 'Fulfillment Status': 'fulfilled',
    'Fulfilled at': timestamp(o.t + rng.range(3600, 5 * 86400), 'shopify'), 'Accepts Marketing': yesNo(rng, 0.4), Currency: 'USD',
    Subtotal: money(o.subtotal), Shipping: money(o.shipping), Taxes: money(o.taxes), Total: money(o.total),
    'Discount Code': '', 'Discount Amount': '0.00', 'Shipping Method': o.shipping === 0 ? 'Free Shipping' : 'Standard', 'Created at': o.created,
    ...partyCells('Billing', o.buyer, o.company),
    ...partyCells('Shipping', shippingParty(rng, o.buyer), ''),
    'Payment Method': rng.pick(['Shopify Payments', 'PayPal Express Checkout', 'Shop Pay']),
    'Payment Reference': `c${rng.digits(11)}.1`, 'Refunded Amount': '0.00',
    Id: String(4000000000000 + ctx.ids.next('shopify-order-id') * 89 + rng.int(89)),
    'Risk Level': 'Low', Source: rng.pick(['web', 'web', 'shopify_draft_order', 'pos']),
    'Tax 1 Name': 'State Tax 8%', 'Tax 1 Value': money(o.taxes),
  }, partyCells('Billing', o.buyer, o.company), partyCells('Shipping', shippingParty(rng, o.buyer), ''))
}
