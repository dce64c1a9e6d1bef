import type { FieldTarget } from '../../../../shared/domain/fields'
import type { Mapping, PresetMatch } from '../types'
import { hubspotContacts, salesforceContacts, salesforceLeads } from './crm'
import { quickbooksCustomers, stripeCustomers, woocommerceCustomers } from './commerce'
import { klaviyoProfiles, mailchimpAudience } from './marketing'
import { shopifyCustomers, shopifyOrders } from './shopify'
import { zendeskUsers } from './support'
import { headerKey, type PresetDefinition } from './types'

export { headerKey, attributeName, type PresetDefinition } from './types'

const presets: readonly PresetDefinition[] = [
  shopifyCustomers, shopifyOrders, hubspotContacts, salesforceContacts, salesforceLeads, mailchimpAudience,
  klaviyoProfiles, stripeCustomers, zendeskUsers, woocommerceCustomers, quickbooksCustomers,
]

/** Every preset, for the wizard's "this file is from…" list and `cdp import --preset`. */
export function listPresets(): Array<{ id: string; label: string; kind: Mapping['kind'] }> {
  return presets.map((p) => ({ id: p.id, label: p.label, kind: p.kind }))
}

/** The preset with this id, or undefined. */
export function findPreset(id: string): PresetDefinition | undefined {
  return presets.find((p) => p.id === id)
}

/**
 * Recognises a known export from its header line. A preset matches when the header holds one name of each
 * of its signature groups and none of its excluding columns; confidence grows with the share of the
 * header the preset knows. Returns the best match with a mapping built for this exact header, or null.
 * Pure; never throws.
 */
export function detectPreset(header: readonly string[]): PresetMatch | null {
  const keys = new Set(header.map(headerKey))
  let best: { preset: PresetDefinition; confidence: number } | null = null
  for (const preset of presets) {
    if (preset.exclude?.some((c) => keys.has(c))) continue
    if (!preset.signature.every((group) => group.some((c) => keys.has(c)))) continue
    const known = header.filter((h) => targetFor(preset, h) !== 'ignore').length
    // The signature decides the match; coverage ranks near neighbours and tells the analyst how sure we are.
    const confidence = Math.min(1, 0.6 + 0.4 * (known / Math.max(1, header.length)))
    const better = !best || confidence > best.confidence ||
      (confidence === best.confidence && preset.signature.length > best.preset.signature.length)
    if (better) best = { preset, confidence }
  }
  if (!best) return null
  return { preset: best.preset.id, label: best.preset.label, confidence: round2(best.confidence), mapping: presetMapping(best.preset, header) }
}

/** The mapping a preset gives this header: known columns to their fields, the rest `ignore`. */
export function presetMapping(preset: PresetDefinition, header: readonly string[]): Mapping {
  const columns: Record<string, FieldTarget> = {}
  for (const h of header) columns[h] = targetFor(preset, h)
  const mapping: Mapping = { kind: preset.kind, columns }
  if (preset.eventType) mapping.eventType = preset.eventType
  if (preset.system) mapping.system = preset.system
  if (preset.quirks?.length) mapping.quirks = [...preset.quirks]
  return mapping
}

function targetFor(preset: PresetDefinition, column: string): FieldTarget {
  const direct = preset.columns[headerKey(column)]
  if (direct) return direct
  const pattern = preset.patterns?.find((p) => p.test.test(column.trim()))
  return pattern ? pattern.target(column.trim()) : 'ignore'
}

const round2 = (n: number): number => Math.round(n * 100) / 100
