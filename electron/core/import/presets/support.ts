import { attr, type PresetDefinition } from './types'

/**
 * Zendesk users. No verbatim CSV export header was found in public data; these are the user object's
 * field names, which the full JSON/CSV data export uses. `external_id` is the customer's id in another
 * system, kept as an identifier.
 */
export const zendeskUsers: PresetDefinition = {
  id: 'zendesk-users',
  label: 'Zendesk users',
  kind: 'person',
  system: 'zendesk',
  signature: [['id'], ['name'], ['email'], ['role'], ['organization_id', 'time_zone', 'shared_phone_number', 'ticket_restriction', 'url']],
  columns: {
    id: 'source_key',
    name: 'full_name',
    email: 'email',
    phone: 'phone',
    external_id: 'external_id',
    created_at: 'source_created_at',
    updated_at: 'observed_at',
    tags: 'tags',
    organization: 'company',
    role: attr('role'),
    organization_id: attr('organization_id'),
    time_zone: attr('time_zone'),
    locale: attr('locale'),
    verified: attr('verified'),
    suspended: attr('suspended'),
    notes: attr('notes'),
    details: attr('details'),
    alias: attr('alias'),
    last_login_at: attr('last_login_at'),
    url: attr('url'),
  },
}
