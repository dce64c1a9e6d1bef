import { describe, expect, it } from 'vitest'
import { C, K } from './comparisons'
import { withinSourceDuplicates } from './resolve'

/** One pair's levels from a partial map (missing comparisons are null). */
function pair(levels: Partial<Record<keyof typeof C, number>>): Uint8Array {
  const out = new Uint8Array(K)
  for (const [k, v] of Object.entries(levels)) out[C[k as keyof typeof C]] = v
  return out
}

describe('withinSourceDuplicates', () => {
  it.each([
    ['same names and mailbox', pair({ First: 1, Last: 1, Email: 1 }), 1],
    // Lori Pena twice in a CRM: lori1956@ on both, one row with the birth date the other's email spells.
    ['same mailbox, birth year in the email', pair({ First: 1, Last: 1, Dob: 4, Email: 1 }), 1],
    ['same mailbox, birth dates a year apart', pair({ First: 1, Last: 1, Dob: 3, Email: 1 }), 0],
    ['same mailbox, different birth dates', pair({ First: 1, Last: 1, Dob: 5, Email: 1 }), 0],
    ['same names, phone and house', pair({ First: 1, Last: 1, Phone: 1, Address: 2 }), 1],
    ['same exact names at the same full address', pair({ First: 1, Last: 1, Address: 1 }), 1],
    ['a household: first names differ at one address and landline', pair({ First: 4, Last: 1, Address: 1, Phone: 1 }), 0],
    ['nameless row at the same mailbox', pair({ Email: 1 }), 1],
    ['names only', pair({ First: 1, Last: 1 }), 0],
    // Brittany White and Brittany Taylor at brittany1981@: one woman before and after marrying.
    ['same first name and mailbox, another surname', pair({ First: 1, Last: 4, Email: 1 }), 1],
    ['a nickname and mailbox, another surname', pair({ First: 2, Last: 4, Email: 1 }), 0],
    ['same first name, another surname and mailbox', pair({ First: 1, Last: 4, Email: 6 }), 0],
  ])('%s → %i', (_what, levels, want) => expect(withinSourceDuplicates(1, levels)[0]).toBe(want))
})
