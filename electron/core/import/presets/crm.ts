import { attr, type PresetDefinition } from './types'

/**
 * HubSpot contacts. The export holds whatever properties the view shows, so recognition rests on the id
 * column (`Record ID` now, `Contact ID` before) plus one HubSpot-only property.
 */
export const hubspotContacts: PresetDefinition = {
  id: 'hubspot-contacts',
  label: 'HubSpot contacts',
  kind: 'person',
  system: 'hubspot',
  signature: [['record id', 'contact id'], ['email'], ['lifecycle stage', 'lead status', 'contact owner', 'hubspot score', 'original source']],
  columns: {
    'record id': 'source_key',
    'contact id': 'source_key',
    'first name': 'first_name',
    'last name': 'last_name',
    email: 'email',
    'phone number': 'phone',
    'mobile phone number': 'phone_secondary',
    'company name': 'company',
    'street address': 'street',
    city: 'city',
    'state/region': 'region',
    'postal code': 'postcode',
    'country/region': 'country',
    'date of birth': 'birth_date',
    'create date': 'source_created_at',
    'last modified date': 'observed_at',
    'marketing contact status': attr('Marketing contact status'),
    'lifecycle stage': attr('Lifecycle Stage'),
    'lead status': attr('Lead Status'),
    'contact owner': attr('Contact owner'),
    'annual revenue': attr('Annual Revenue'),
    'associated company id': attr('Associated Company ID'),
    'website url': attr('Website URL'),
    'original source': attr('Original Source'),
    'hubspot score': attr('HubSpot Score'),
    'number of associated deals': attr('Number of Associated Deals'),
    'total revenue': attr('Total Revenue'),
  },
}

/** Custom Salesforce fields (`Foo__c`) are carried as attributes. */
const customField = { test: /__c$/i, target: (name: string) => attr(name) }

/** Salesforce fields common to contacts and leads, by API name and by report label. */
const salesforceCommon = {
  id: 'source_key',
  isdeleted: attr('IsDeleted'),
  deleted: attr('Deleted'),
  masterrecordid: attr('MasterRecordId'),
  'master record id': attr('Master Record ID'),
  lastname: 'last_name',
  'last name': 'last_name',
  firstname: 'first_name',
  'first name': 'first_name',
  salutation: 'title',
  name: 'full_name',
  'full name': 'full_name',
  email: 'email',
  phone: 'phone',
  mobilephone: 'phone_secondary',
  mobile: 'phone_secondary',
  'mobile phone': 'phone_secondary',
  title: attr('Job Title'),
  leadsource: attr('Lead Source'),
  'lead source': attr('Lead Source'),
  description: attr('Description'),
  ownerid: attr('OwnerId'),
  createddate: 'source_created_at',
  'created date': 'source_created_at',
  lastmodifieddate: 'observed_at',
  'last modified date': 'observed_at',
  hasoptedoutofemail: attr('HasOptedOutOfEmail'),
  'email opt out': attr('Email Opt Out'),
} as const

/**
 * Salesforce contacts: weekly Data Export (`Contact.csv`, API names) and report exports (labels). Mailing
 * address is the person's; the Other* address is kept as attributes. `MasterRecordId` (already merged by
 * Salesforce's own dedupe) is kept as an attribute so resolution can use it later.
 */
export const salesforceContacts: PresetDefinition = {
  id: 'salesforce-contacts',
  label: 'Salesforce contacts',
  kind: 'person',
  system: 'salesforce',
  signature: [['id', 'contact id'], ['lastname', 'last name'], ['accountid', 'account id', 'mailingstreet', 'mailing street', 'masterrecordid', 'master record id']],
  exclude: ['lead id', 'isconverted', 'company'],
  columns: {
    ...salesforceCommon,
    'contact id': 'source_key',
    accountid: attr('AccountId'),
    'account id': attr('Account ID'),
    mailingstreet: 'street',
    'mailing street': 'street',
    mailingcity: 'city',
    'mailing city': 'city',
    mailingstate: 'region',
    'mailing state/province': 'region',
    mailingpostalcode: 'postcode',
    'mailing zip/postal code': 'postcode',
    mailingcountry: 'country',
    'mailing country': 'country',
    homephone: attr('HomePhone'),
    otherstreet: attr('OtherStreet'),
    'other street': attr('Other Street'),
    othercity: attr('OtherCity'),
    'other city': attr('Other City'),
    birthdate: 'birth_date',
    department: attr('Department'),
  },
  patterns: [customField],
}

/** Salesforce leads (API names and report labels): the address columns are bare (`Street`, `City`). */
export const salesforceLeads: PresetDefinition = {
  id: 'salesforce-leads',
  label: 'Salesforce leads',
  kind: 'person',
  system: 'salesforce',
  signature: [['id', 'lead id'], ['lastname', 'last name'], ['company'], ['isconverted', 'status', 'lead id', 'masterrecordid', 'master record id']],
  exclude: ['accountid', 'account id', 'contact id', 'financial status'],
  columns: {
    ...salesforceCommon,
    'lead id': 'source_key',
    company: 'company',
    street: 'street',
    city: 'city',
    state: 'region',
    'state/province': 'region',
    postalcode: 'postcode',
    'zip/postal code': 'postcode',
    country: 'country',
    status: attr('Lead Status'),
    'lead status': attr('Lead Status'),
    isconverted: attr('IsConverted'),
    website: attr('Website'),
  },
  patterns: [customField],
}
