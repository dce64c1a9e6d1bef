import { attr, type PresetDefinition } from './types'

const stripeExtras = ['Description', 'Delinquent', 'Card ID', 'Card Last4', 'Card Brand', 'Card Funding', 'Card Exp Month',
  'Card Exp Year', 'Card Name', 'Card Issue Country', 'Card CVC Status', 'Card AVS Zip Status', 'Card AVS Line1 Status',
  'Card Tokenization Method', 'Plan', 'Status', 'Cancel At Period End', 'Account Balance', 'Currency', 'Total Spend',
  'Payment Count', 'Average Order', 'Refunded Volume', 'Dispute Losses', 'Business Vat ID', 'Tax Location Recognized']

/**
 * Stripe customers (`unified_customers.csv`): the full column set, the reduced one, and the one with
 * `<key> (metadata)` columns (kept as attributes). `Card Fingerprint` identifies the same card across
 * customer records, so it is an identifier. The card's billing address is the best address Stripe has.
 */
export const stripeCustomers: PresetDefinition = {
  id: 'stripe-customers',
  label: 'Stripe customers',
  kind: 'person',
  system: 'stripe',
  signature: [['id'], ['email'], ['created (utc)'], ['card id', 'total spend', 'delinquent', 'description']],
  columns: {
    id: 'source_key',
    email: 'email',
    name: 'full_name',
    'created (utc)': 'source_created_at',
    phone: 'phone',
    'card fingerprint': 'card_fingerprint',
    'card address line1': 'street',
    'card address line2': 'street2',
    'card address city': 'city',
    'card address state': 'region',
    'card address country': 'country',
    'card address zip': 'postcode',
    ...Object.fromEntries(stripeExtras.map((c) => [c.toLowerCase(), attr(c)])),
  },
  patterns: [{ test: /\s*\(metadata\)$/i, target: (name) => attr(`metadata ${name.replace(/\s*\(metadata\)$/i, '')}`) }],
}

/**
 * WooCommerce customers as export plugins write them: the `billing_*` user-meta keys (with or without the
 * leading underscore of the postmeta form). No verbatim export header was found; these keys are from code.
 */
export const woocommerceCustomers: PresetDefinition = {
  id: 'woocommerce-customers',
  label: 'WooCommerce customers',
  kind: 'person',
  system: 'woocommerce',
  signature: [['billing_email', '_billing_email'], ['billing_first_name', '_billing_first_name', 'billing_last_name', '_billing_last_name']],
  columns: {
    customer_id: 'source_key',
    id: 'source_key',
    user_id: 'source_key',
    ...Object.fromEntries(Object.entries({
      billing_first_name: 'first_name', billing_last_name: 'last_name', billing_email: 'email', billing_phone: 'phone',
      billing_company: 'company', billing_address_1: 'street', billing_address_2: 'street2', billing_postcode: 'postcode',
      billing_city: 'city', billing_state: 'region', billing_country: 'country',
    } as const).flatMap(([k, v]) => [[k, v], [`_${k}`, v]])),
    user_email: 'email_secondary',
    first_name: 'first_name',
    last_name: 'last_name',
    date_registered: 'source_created_at',
    user_registered: 'source_created_at',
    orders: attr('Orders'),
    total_spent: attr('Total Spent'),
  },
}

/**
 * QuickBooks Desktop customer list. `ListID` is QuickBooks' own id. The billing address is split over up to
 * five lines; the first line is commonly the name or company, so only the city/state/zip columns and the
 * second line are mapped, and every address line is kept as an attribute.
 */
export const quickbooksCustomers: PresetDefinition = {
  id: 'quickbooks-customers',
  label: 'QuickBooks customer list',
  kind: 'person',
  system: 'quickbooks',
  signature: [['listid'], ['billaddr1', 'billcity'], ['companyname', 'customertype', 'firstname']],
  columns: {
    listid: 'source_key',
    name: attr('Name'),
    firstname: 'first_name',
    lastname: 'last_name',
    companyname: 'company',
    email: 'email',
    phone: 'phone',
    customertype: attr('CustomerType'),
    pricelevel: attr('PriceLevel'),
    billaddr1: attr('BillAddr1'),
    billaddr2: 'street',
    billaddr3: 'street2',
    billaddr4: attr('BillAddr4'),
    billaddr5: attr('BillAddr5'),
    billfulladdr: attr('BillFullAddr'),
    billcity: 'city',
    billstate: 'region',
    billzip: 'postcode',
    shipfulladdr: attr('ShipFullAddr'),
  },
}
