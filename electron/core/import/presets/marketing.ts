import { attr, type PresetDefinition } from './types'

const mailchimpSystem = ['MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LATITUDE', 'LONGITUDE',
  'GMTOFF', 'DSTOFF', 'TIMEZONE', 'LEID', 'NOTES', 'Address', 'Birthday']

/**
 * Mailchimp audience export: merge fields first, then fixed system columns. `EUID` is the member's stable
 * id across lists (source key); `CC`/`REGION` are the geolocated country and region; `LAST_CHANGED` says
 * when Mailchimp last changed the member. The file is exported per status (subscribed, unsubscribed,
 * cleaned), so consent is not read from a column.
 */
export const mailchimpAudience: PresetDefinition = {
  id: 'mailchimp-audience',
  label: 'Mailchimp audience',
  kind: 'person',
  system: 'mailchimp',
  signature: [['email address'], ['member_rating', 'optin_time', 'leid', 'euid', 'confirm_time']],
  columns: {
    'email address': 'email',
    'first name': 'first_name',
    'last name': 'last_name',
    'phone number': 'phone',
    euid: 'source_key',
    cc: 'country',
    region: 'region',
    last_changed: 'observed_at',
    tags: 'tags',
    ...Object.fromEntries(mailchimpSystem.map((c) => [c.toLowerCase(), attr(c)])),
  },
}

/**
 * Klaviyo profiles export. No verbatim header was found in public data; these names follow Klaviyo's
 * profile export and the code that reads it (`Klaviyo ID`, `Email Marketing Consent`, `State / Region`).
 */
export const klaviyoProfiles: PresetDefinition = {
  id: 'klaviyo-profiles',
  label: 'Klaviyo profiles',
  kind: 'person',
  system: 'klaviyo',
  signature: [['klaviyo id', 'profile id'], ['email']],
  columns: {
    'klaviyo id': 'source_key',
    'profile id': 'source_key',
    email: 'email',
    'phone number': 'phone',
    'first name': 'first_name',
    'last name': 'last_name',
    organization: 'company',
    title: attr('Job Title'),
    address: 'street',
    'address 2': 'street2',
    city: 'city',
    'state / region': 'region',
    'zip code': 'postcode',
    country: 'country',
    'email marketing consent': 'consent_email',
    'sms consent': 'consent_sms',
    'sms marketing consent': 'consent_sms',
    'profile created on': 'source_created_at',
    created: 'source_created_at',
    'last updated': 'observed_at',
    updated: 'observed_at',
    source: attr('Source'),
    'ip address': attr('IP Address'),
    timezone: attr('Timezone'),
    'external id': 'external_id',
  },
}
