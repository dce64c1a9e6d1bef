import { describe, expect, it } from 'vitest'
import { normalizeCountry, normalizePostcode, normalizeRegion } from './index'

describe('normalizeCountry', () => {
  it.each([
    ['US', 'US'], ['us', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['United States', 'US'], ['united states of america', 'US'],
    ['America', 'US'], ['UK', 'GB'], ['GBR', 'GB'], ['United Kingdom', 'GB'], ['England', 'GB'], ['Great Britain', 'GB'],
    ['Deutschland', 'DE'], ['Germany', 'DE'], ['DEU', 'DE'], ['España', 'ES'], ['Espana', 'ES'], ['Nederland', 'NL'],
    ['Holland', 'NL'], ['The Netherlands', 'NL'], ['Schweiz', 'CH'], ['Suisse', 'CH'], ['Österreich', 'AT'],
    ['Côte d’Ivoire', 'CI'], ['Ivory Coast', 'CI'], ['South Korea', 'KR'], ['Korea, Republic of', 'KR'],
    ['Russian Federation', 'RU'], ['Türkiye', 'TR'], ['Italia', 'IT'], ['Polska', 'PL'], ['Brasil', 'BR'],
    ['México', 'MX'], ['UAE', 'AE'], ['Czech Republic', 'CZ'], ['Viet Nam', 'VN'], ['Pakistan', 'PK'], ['PAK', 'PK'],
    ['  australia ', 'AU'], ['NZ', 'NZ'], ['Éire', 'IE'],
  ])('%j → %s', (raw, code) => expect(normalizeCountry(raw)).toBe(code))

  it.each(['', ' ', 'Atlantis', 'XX', 'QQQ'])('%j → null', (raw) => expect(normalizeCountry(raw)).toBeNull())
})

describe('normalizeRegion', () => {
  it.each([
    ['California', undefined, 'US-CA'], ['CA', undefined, 'US-CA'], ['ca', 'US', 'US-CA'], ['New York', undefined, 'US-NY'],
    ['nsw', undefined, 'AU-NSW'], ['vic', 'AU', 'AU-VIC'], ['WA', undefined, 'US-WA'], ['WA', 'Australia', 'AU-WA'],
    ['Ontario', undefined, 'CA-ON'], ['Québec', undefined, 'CA-QC'], ['qc', 'Canada', 'CA-QC'], ['Quebec', 'CA', 'CA-QC'],
    ['Scotland', 'GB', 'GB-SCT'], ['Bayern', 'DE', 'DE-BY'], ['Bavaria', undefined, 'DE-BY'], ['us-tx', undefined, 'US-TX'],
    ['Washington D.C.', 'USA', 'US-DC'], ['Île-de-France', 'FR', 'Île-de-France'], ['  Gotham ', undefined, 'Gotham'],
    ['Punjab', 'PK', 'Punjab'],
  ])('%j in %s → %s', (raw, country, code) => expect(normalizeRegion(raw, country)).toBe(code))

  it('returns null for empty input', () => expect(normalizeRegion(' ')).toBeNull())
})

describe('normalizePostcode', () => {
  it.each([
    ['sw1a1aa', 'GB', 'SW1A 1AA'], ['SW1A  1AA', 'United Kingdom', 'SW1A 1AA'], ['m1 1ae', 'GB', 'M1 1AE'],
    ['ec1a1bb', 'UK', 'EC1A 1BB'], ['1234ab', 'NL', '1234 AB'], ['1234 ab', 'Netherlands', '1234 AB'],
    ['02134', 'US', '02134'], ['2134', 'US', '02134'], ['021341234', 'US', '02134-1234'], ['02134-1234', 'US', '02134-1234'],
    ["'04616", 'US', '04616'], ['k1a0b1', 'CA', 'K1A 0B1'], ['K1A 0B1', 'Canada', 'K1A 0B1'], ['1067', 'DE', '01067'],
    ['00950', 'PL', '00-950'], ['11434', 'SE', '114 34'], ['2000', 'AU', '2000'], ['d02x285', 'IE', 'D02 X285'],
    ['04616', undefined, '04616'], ['  ab12 3cd ', undefined, 'AB12 3CD'], ['weird-code', 'GB', 'WEIRD-CODE'],
    ['123456', 'US', '123456'],
  ])('%j in %s → %j', (raw, country, out) => expect(normalizePostcode(raw, country)).toBe(out))

  it.each(['', 'n/a', '-', '00000'])('%j → null', (raw) => expect(normalizePostcode(raw, 'US')).toBeNull())
})
