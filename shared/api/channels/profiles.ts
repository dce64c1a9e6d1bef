import { z } from 'zod'

/** One row of the profiles table. Contact details arrive masked; `profiles:reveal` shows them (audited). */
export const profileRow = z.strictObject({
  id: z.number().int(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  recordCount: z.number().int(),
  orderCount: z.number().int(),
  spendMinor: z.number().int(),
  /** Spend per currency, e.g. { "USD": 12050 } in minor units. */
  spend: z.record(z.string(), z.number()),
  lastOrderAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  sources: z.array(z.string()),
  tags: z.array(z.string()),
})
export type ProfileRow = z.infer<typeof profileRow>

export const profileSort = z.enum(['id', 'name', 'last_order', 'orders', 'spend'])

const provenance = z.strictObject({
  recordId: z.number().int(),
  source: z.string(),
  importId: z.number().int(),
  fileName: z.string(),
  rowNumber: z.number().int(),
  observedAt: z.string().nullable(),
})

export const profileDetail = z.strictObject({
  id: z.number().int(),
  /** Set when the id asked for was merged into this one. */
  requestedId: z.number().int().optional(),
  displayName: z.string().nullable(),
  /** Golden values (PII masked) with the rule that chose them and the record they came from. */
  golden: z.array(z.strictObject({ attribute: z.string(), value: z.string(), masked: z.boolean(), rule: z.string(), provenance })),
  identifiers: z.array(z.strictObject({ kind: z.string(), value: z.string(), masked: z.boolean(), sources: z.array(z.string()), firstSeen: z.string().nullable(), lastSeen: z.string().nullable() })),
  traits: z.record(z.string(), z.unknown()),
  // detailOf: for a record kept from an order's buyer details (a billing phone or address, the mailbox or the name the order gave), the record the order belongs to.
  records: z.array(z.strictObject({ id: z.number().int(), source: z.string(), sourceKey: z.string().nullable(), importId: z.number().int(), rowNumber: z.number().int(),
    detailOf: z.number().int().nullable() })),
  timeline: z.array(
    z.strictObject({
      at: z.string().nullable(),
      kind: z.enum(['event', 'record']),
      type: z.string(),
      source: z.string(),
      recordId: z.number().int(),
      amountMinor: z.number().nullable(),
      currency: z.string().nullable(),
    }),
  ),
  segments: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
  history: z.array(z.strictObject({ recordId: z.number().int(), from: z.number().int().nullable(), to: z.number().int(), cause: z.string(), actor: z.string().nullable(), reason: z.string().nullable(), at: z.string() })),
})
export type ProfileDetailView = z.infer<typeof profileDetail>

/**
 * Profiles: a paged, filtered list for a virtualised table (server-side paging, so a million rows stay
 * smooth), the full profile, an audited reveal of its personal data, and unmerging (remove a record,
 * split). Lists and details are masked: personal contact data is shown only through `profiles:reveal`.
 */
export const profileChannels = {
  'profiles:list': {
    input: z.strictObject({
      search: z.string().max(200).optional(),
      segment: z.string().min(1).optional(),
      source: z.string().min(1).optional(),
      sort: profileSort.default('id'),
      descending: z.boolean().default(false),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ total: z.number().int(), rows: z.array(profileRow) }),
  },
  'profiles:sources': {
    input: z.strictObject({}),
    output: z.array(z.strictObject({ name: z.string(), records: z.number().int() })),
  },
  'profiles:get': { input: z.strictObject({ id: z.number().int().positive() }), output: profileDetail },
  /** Unmasked personal data of one profile (golden values, identifiers, raw source rows). Written to the audit log. */
  'profiles:reveal': {
    input: z.strictObject({ id: z.number().int().positive(), why: z.string().max(200).optional() }),
    output: z.strictObject({
      golden: z.record(z.string(), z.string()),
      identifiers: z.array(z.strictObject({ kind: z.string(), value: z.string() })),
      rawRows: z.array(z.strictObject({ recordId: z.number().int(), header: z.array(z.string()), cells: z.array(z.string()) })),
    }),
  },
  'profiles:remove-record': {
    input: z.strictObject({ recordId: z.number().int().positive(), reason: z.string().max(500).optional() }),
    output: z.strictObject({ profiles: z.array(z.number().int()) }),
  },
  'profiles:split': {
    input: z.strictObject({ id: z.number().int().positive(), records: z.array(z.number().int().positive()).min(1), reason: z.string().max(500).optional() }),
    output: z.strictObject({ profiles: z.array(z.number().int()) }),
  },
} as const
