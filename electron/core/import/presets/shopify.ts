import type { FieldTarget } from '../../../../shared/domain/fields'
import { attr, type PresetDefinition } from './types'

/**
 * Shopify customers, every header generation seen: the current one (`Customer ID` + `Default Address …`),
 * the intermediate one (`Customer ID` + bare address columns), the one without an id, and the old import
 * template with `Accepts Marketing` and no SMS column. One preset covers them all because the names never
 * change meaning; only the presence of `Customer ID` differs (without it, re-imports cannot update by id).
 */
export const shopifyCustomers: PresetDefinition = {
  id: 'shopify-customers',
  label: 'Shopify customers',
  kind: 'person',
  system: 'shopify',
  quirks: ['shopify-apostrophe'],
  signature: [['first name'], ['last name'], ['email'], ['total spent'], ['total orders'], ['accepts email marketing', 'accepts marketing']],
  exclude: ['lineitem name', 'financial status'],
  columns: {
    'customer id': 'source_key',
    'first name': 'first_name',
    'last name': 'last_name',
    email: 'email',
    'accepts email marketing': 'consent_email',
    'accepts marketing': 'consent_email',
    'accepts sms marketing': 'consent_sms',
    'default address company': 'company',
    company: 'company',
    'default address address1': 'street',
    address1: 'street',
    'default address address2': 'street2',
    address2: 'street2',
    'default address city': 'city',
    city: 'city',
    'default address province code': 'region',
    'province code': 'region',
    province: attr('Province'),
    'default address country code': 'country',
    'country code': 'country',
    country: attr('Country'),
    'default address zip': 'postcode',
    zip: 'postcode',
    phone: 'phone',
    'default address phone': 'phone_secondary',
    'total spent': attr('Total Spent'),
    'total orders': attr('Total Orders'),
    note: attr('Note'),
    'tax exempt': attr('Tax Exempt'),
    tags: 'tags',
  },
}

const orderBilling: Record<string, FieldTarget> = {
  'billing name': 'full_name',
  'billing address1': 'street',
  'billing address2': 'street2',
  'billing company': 'company',
  'billing city': 'city',
  'billing zip': 'postcode',
  'billing province': 'region',
  'billing country': 'country',
  'billing phone': 'phone',
  phone: 'phone_secondary',
}

const lineItem = ['Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Lineitem discount', 'Vendor']

const orderExtras = ['Paid at', 'Fulfillment Status', 'Fulfilled at', 'Subtotal', 'Shipping', 'Taxes', 'Discount Code',
  'Discount Amount', 'Shipping Method', 'Notes', 'Cancelled at', 'Payment Method', 'Refunded Amount', 'Id', 'Tags',
  'Risk Level', 'Source', 'Receipt Number', 'Outstanding Balance', 'Location', 'Shipping City', 'Shipping Country']

/**
 * Shopify orders: one row per line item, and only the first row of an order carries the order-level fields
 * (quirk `shopify-order-lines`). The pipeline makes every row a `line_item` event and the first row of each
 * order also an `order` event; the buyer's billing name/address/email/phone are the person keys. Both the
 * 2022 header and the 2025 one (`Outstanding Balance … Device ID`, `Payment ID`) are covered.
 */
export const shopifyOrders: PresetDefinition = {
  id: 'shopify-orders',
  label: 'Shopify orders',
  kind: 'event',
  eventType: 'order',
  system: 'shopify',
  quirks: ['shopify-apostrophe', 'shopify-order-lines'],
  signature: [['name'], ['email'], ['financial status'], ['lineitem name'], ['billing name'], ['total']],
  columns: {
    name: 'event_key',
    email: 'email',
    'financial status': 'status',
    'created at': 'occurred_at',
    currency: 'currency',
    total: 'amount',
    'accepts marketing': 'consent_email',
    ...orderBilling,
    ...Object.fromEntries([...lineItem, ...orderExtras].map((c) => [c.toLowerCase(), attr(c)])),
  },
}
