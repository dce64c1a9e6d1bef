/**
 * Header lines of the five simulated exports. Shopify and Mailchimp are copied verbatim from real export
 * files (see ../shared/data/README.md §5); HubSpot's columns depend on the exported view, so its line is a
 * representative one built from real property labels; Zendesk has no verbatim export header on record,
 * so its line follows the Users API field names (documented in test/eval/README.md).
 */

export const sourceFiles = ['hubspot_contacts', 'shopify_customers', 'shopify_orders', 'mailchimp_audience', 'zendesk_users'] as const
export type SourceFile = (typeof sourceFiles)[number]

export const headerLines: Readonly<Record<SourceFile, string>> = {
  hubspot_contacts:
    'Record ID,First Name,Last Name,Email,Phone Number,Company Name,Street Address,City,State/Region,Postal Code,Country/Region,Date of Birth,Lifecycle Stage,Lead Status,Create Date,Contact owner',
  shopify_customers:
    'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags',
  shopify_orders:
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment Terms Name,Next Payment Due At',
  mailchimp_audience:
    '"Email Address","First Name","Last Name",MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS',
  zendesk_users: 'id,name,email,phone,organization,role,created_at,updated_at,time_zone,tags,external_id',
}

/** Number of columns of each file, from its header (the Mailchimp quotes hold no commas). */
export const columnCount = (file: SourceFile): number => headerLines[file].split(',').length
