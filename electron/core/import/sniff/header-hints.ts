import type { ValueType } from '../../../../shared/domain/fields'

/** 'MailingPostalCode', 'billing_first_name', 'Created (UTC)' → 'mailing postal code', 'billing first name', 'created utc'. */
export function headerWords(header: string): string {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

// Order matters: "Accepts Email Marketing" is a consent flag before it is an email, "Email Address" an email
// before it is an address, "Country Code" a country before it is an id.
const HINTS: Array<[RegExp, ValueType]> = [
  [/\b(accepts?|opt ?in|opted|consent|subscribed|subscription status|unsubscribed|marketing|newsletter|is|has|tax exempt|deleted|delinquent|taxable|requires|verified|active|cancel at period end)\b/, 'boolean'],
  [/\b(e ?mail|email address)\b/, 'email'],
  [/\b(birth ?date|birthday|dob|date of birth|born)\b/, 'date'],
  [/\b(date|at|time|timestamp|created|updated|modified|changed|since|optin time|confirm time|last activity)\b/, 'datetime'],
  [/\b(phone|mobile|fax|tel|telephone|cell|sms number|whats ?app)\b/, 'phone'],
  [/\b(zip|post ?code|postal( code)?|plz|zipcode|postcode fake)\b/, 'postcode'],
  [/\b(country|cc|nation)\b/, 'country'],
  [/\b(state|province|region|county|territory)\b/, 'region'],
  [/\b(city|town|suburb|locality)\b/, 'city'],
  [/\b(first ?name|given( ?name)?|fname|forename|firstname)\b/, 'first_name'],
  [/\b(last ?name|surname|family ?name|lname|lastname)\b/, 'last_name'],
  [/^((full|contact|customer|billing|shipping|card|display|person) )?name$/, 'full_name'],
  // Companies and counts have no value type of their own: keep them away from the name, address and money rules.
  [/\b(company|organization|organisation|org name|business|employer|account name)\b/, 'text'],
  [/\b(count|orders|quantity|qty|number of|rating|score|age)\b/, 'text'],
  [/\b(address ?\d?|street|addr ?\d?|line ?\d|address line ?\d?)\b/, 'street'],
  [/\b(amount|total|spent|spend|price|revenue|balance|subtotal|shipping|taxes|tax value|discount amount|refunded|volume|cost|losses|average order|paid)\b/, 'money'],
  [/\b(id|key|uuid|guid|number|no|leid|euid|ref|reference|sku|soc sec id|list id|rec id)\b|id$/, 'id'],
]

/** The value type a header name suggests, if any. A hint only: detectValueType lets the values overrule it. */
export function headerHint(header: string | undefined): ValueType | undefined {
  if (!header) return undefined
  const words = headerWords(header)
  if (words === '') return undefined
  for (const [pattern, type] of HINTS) if (pattern.test(words)) return type
  return undefined
}
