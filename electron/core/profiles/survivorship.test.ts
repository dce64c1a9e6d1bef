import { describe, expect, it } from 'vitest'
import { pickWinner, type Candidate, type SurvivorshipRule } from './survivorship'

const c = (recordId: number, sourceName: string, seenAt: string, values: Candidate['values']): Candidate =>
  ({ recordId, rawRowId: recordId * 10, sourceId: sourceName.length, sourceName, importId: 1, seenAt, values })

const crmOld = c(1, 'HubSpot', '2023-01-01', { city: 'Lyon', street: '1 rue A', postcode: '69001', first_name: 'Jon' })
const shopNew = c(2, 'Shopify', '2026-01-01', { city: 'Paris', street: '2 rue B', first_name: 'Jonathan' })
const mailMid = c(3, 'Mailchimp', '2024-06-01', { city: 'Paris', street: null, first_name: 'Jon' })
const empty = c(4, 'Stripe', '2026-06-01', { city: '  ', first_name: null })

describe('pickWinner', () => {
  const table: [string, SurvivorshipRule, readonly ('city' | 'street' | 'postcode' | 'first_name')[], number | undefined, string][] = [
    ['most recent non-empty wins (blank values never win)', { rule: 'most_recent' }, ['city'], 2, 'most_recent'],
    ['first non-empty is the oldest record with a value', { rule: 'first_non_empty' }, ['city'], 1, 'first_non_empty'],
    ['longest value wins', { rule: 'longest' }, ['first_name'], 2, 'longest'],
    ['most frequent value wins, ties to the most recent holder', { rule: 'most_frequent' }, ['first_name'], 3, 'most_frequent(2/3)'],
    ['source priority follows the listed order', { rule: 'source_priority', sources: ['hubspot', 'Shopify'] }, ['city'], 1, 'source_priority:HubSpot'],
    ['unlisted sources fall back to most recent', { rule: 'source_priority', sources: ['Zendesk'] }, ['city'], 2, 'source_priority:unlisted,most_recent'],
    ['a field group picks one record for all its parts', { rule: 'most_recent' }, ['street', 'city', 'postcode'], 2, 'most_recent'],
  ]
  it.each(table)('%s', (_name, rule, fields, winner, ruleName) => {
    const w = pickWinner(fields, [crmOld, shopNew, mailMid, empty], rule)
    expect(w?.candidate.recordId).toBe(winner)
    expect(w?.rule).toBe(ruleName)
  })

  it('returns nothing when no record has a value', () => {
    expect(pickWinner(['postcode'], [shopNew, empty], { rule: 'most_recent' })).toBeUndefined()
  })

  it('is deterministic on equal timestamps: the higher record id wins', () => {
    const a = c(10, 'A', '2025-01-01', { city: 'X' })
    const b = c(11, 'B', '2025-01-01', { city: 'Y' })
    expect(pickWinner(['city'], [a, b], { rule: 'most_recent' })?.candidate.recordId).toBe(11)
    expect(pickWinner(['city'], [b, a], { rule: 'most_recent' })?.candidate.recordId).toBe(11)
  })
})
