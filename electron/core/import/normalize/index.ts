/**
 * Import normalisers: each turns one raw cell into the value the engine stores beside the raw one (never instead
 * of it). All are pure, never throw, return null for empty input and say why they reject a value.
 */
export type { Norm } from './types'
export { cleanCell, isJunkValue, isPlaceholder, type CellFlag } from './clean'
export { normalizeEmail, emailMatchKey } from './email'
export { normalizePhone } from './phone'
export { foldForMatch } from './fold'
export { normalizeName } from './name'
export { splitFullName, type NameParts } from './split-name'
export { normalizePostcode } from './postcode'
export { normalizeCountry } from './country'
export { normalizeRegion } from './region'
export { decideDateOrder, parseDate, type DateOrder } from './date'
export { parseMoney, currencyExponent } from './money'
export { parseConsent, parseTags } from './consent'
