import type { Migration } from './types'

/**
 * `records.detail_of`: set on a record an import kept from an event row's buyer details (the billing phone or
 * address an order names and its buyer's profile did not hold; see import/pipeline/buyer-details.ts), to the
 * record that event belongs to. Identity resolution blocks such a record only on the details it adds: on its
 * name or mailbox it would meet everyone its owner meets, a second time. Null for every other record.
 * No foreign key: erasing or splitting never has to visit it first, and a dangling id only names a record
 * that is gone.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'buyer-detail-records',
  up(db) {
    db.exec('ALTER TABLE records ADD COLUMN detail_of INTEGER')
  },
}
