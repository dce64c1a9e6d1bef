import { ActionIcon, Autocomplete, Button, Group, NumberInput, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core'
import { IconPlus, IconX } from '@tabler/icons-react'
import type { Condition, EventCondition, GoldenAttribute, PropertyFilter } from '../../../../shared/domain/segment-rule'
import { ComparisonEditor, RelativeWindow } from './comparison-editor'
import { defaultComparison, fieldOptions, kindOf, propertyFilterOf, propertyFilterText, propertyOps, type FieldOption } from './rule-model'

/** What the pickers offer, from the workspace (`segments:vocabulary`). */
export interface Vocabulary {
  sources: string[]
  eventTypes: string[]
  customTraits: string[]
  segments: string[]
}

const yesNo = (yes: string, no: string): { value: string; label: string }[] => [{ value: 'yes', label: yes }, { value: 'no', label: no }]

/** One leaf of the rule: the inputs its kind needs. Presentational; `label` names it for screen readers. */
export function ConditionEditor({ node, vocab, label, onChange }: { node: Condition; vocab: Vocabulary; label: string; onChange(n: Condition): void }): React.JSX.Element {
  switch (node.kind) {
    case 'attribute': case 'trait':
      return <FieldCondition node={node} vocab={vocab} label={label} onChange={onChange} />
    case 'event':
      return <EventEditor node={node} vocab={vocab} label={label} onChange={onChange} />
    case 'consent':
      return (
        <Group gap={6} wrap="nowrap">
          <Select size="xs" w={110} aria-label={`${label} channel`} allowDeselect={false} data={['email', 'sms', 'ads']} value={node.channel}
            onChange={(v) => (v === 'email' || v === 'sms' || v === 'ads') && onChange({ ...node, channel: v })} />
          <Text size="xs" c="dimmed">consent is</Text>
          <Select size="xs" w={120} aria-label={`${label} consent`} allowDeselect={false} data={['granted', 'denied', 'unknown']} value={node.value}
            onChange={(v) => (v === 'granted' || v === 'denied' || v === 'unknown') && onChange({ ...node, value: v })} />
        </Group>
      )
    case 'source':
      return (
        <Group gap={6} wrap="nowrap">
          <Select size="xs" w={130} aria-label={`${label} presence`} allowDeselect={false} data={yesNo('has records in', 'has no records in')} value={node.present ? 'yes' : 'no'}
            onChange={(v) => onChange({ ...node, present: v === 'yes' })} />
          <Autocomplete size="xs" w={220} aria-label={`${label} source`} data={vocab.sources} value={node.source} onChange={(source) => onChange({ ...node, source })} />
        </Group>
      )
    case 'tag':
      return (
        <Group gap={6} wrap="nowrap">
          <Select size="xs" w={150} aria-label={`${label} has`} allowDeselect={false} data={yesNo('has any tag of', 'has none of the tags')} value={node.has ? 'yes' : 'no'}
            onChange={(v) => onChange({ ...node, has: v === 'yes' })} />
          <TagsInput size="xs" w={260} aria-label={`${label} tags`} value={node.tags} onChange={(tags) => tags.length && onChange({ ...node, tags })} />
        </Group>
      )
    case 'segment':
      return (
        <Group gap={6} wrap="nowrap">
          <Select size="xs" w={130} aria-label={`${label} membership`} allowDeselect={false} data={yesNo('is in', 'is not in')} value={node.member ? 'yes' : 'no'}
            onChange={(v) => onChange({ ...node, member: v === 'yes' })} />
          <Select size="xs" w={220} aria-label={`${label} segment`} data={vocab.segments} value={node.segment || null} placeholder="Saved segment"
            onChange={(segment) => segment && onChange({ ...node, segment })} />
        </Group>
      )
  }
}

function FieldCondition({ node, vocab, label, onChange }: { node: Extract<Condition, { kind: 'attribute' | 'trait' }>; vocab: Vocabulary; label: string; onChange(n: Condition): void }): React.JSX.Element {
  const options = fieldOptions(vocab.customTraits)
  const value = node.kind === 'attribute' ? `attribute:${node.attribute}` : `trait:${node.trait}`
  const groups = (['Attributes', 'Traits', 'Custom traits'] as const)
    .map((group) => ({ group, items: options.filter((o) => o.group === group).map((o) => ({ value: o.value, label: `${o.label} · ${o.kind}` })) }))
    .filter((g) => g.items.length > 0)
  const pick = (v: string | null): void => {
    const opt = options.find((o: FieldOption) => o.value === v)
    if (!opt) return
    const [, name] = /^(?:attribute|trait):(.+)$/.exec(opt.value) ?? []
    if (!name) return
    const keep = opt.kind === kindOf(node) ? node.test : defaultComparison(opt.kind)
    onChange(opt.value.startsWith('attribute:') ? { kind: 'attribute', attribute: name as GoldenAttribute, test: keep } : { kind: 'trait', trait: name, test: keep })
  }
  return (
    <Group gap={6} wrap="wrap" align="flex-start">
      <Select size="xs" w={180} searchable aria-label={`${label} field`} allowDeselect={false} data={groups} value={value} onChange={pick} />
      <ComparisonEditor kind={kindOf(node)} test={node.test} label={label} onChange={(test) => onChange({ ...node, test })} />
    </Group>
  )
}

function EventEditor({ node, vocab, label, onChange }: { node: EventCondition; vocab: Vocabulary; label: string; onChange(n: Condition): void }): React.JSX.Element {
  const relative = node.window && 'last' in node.window ? node.window : undefined
  return (
    <Stack gap={4}>
    <Group gap={6} wrap="wrap">
      <Select size="xs" w={90} aria-label={`${label} did`} allowDeselect={false} data={yesNo('did', 'did not')} value={node.did ? 'yes' : 'no'}
        onChange={(v) => onChange({ ...node, did: v === 'yes' })} />
      <Autocomplete size="xs" w={140} aria-label={`${label} event type`} data={vocab.eventTypes} value={node.type} onChange={(type) => type && onChange({ ...node, type })} />
      <Text size="xs" c="dimmed">at least</Text>
      <NumberInput size="xs" w={80} min={1} aria-label={`${label} at least`} value={node.atLeast} onChange={(v) => onChange({ ...node, atLeast: Math.max(1, Math.round(Number(v) || 1)) })} />
      <Text size="xs" c="dimmed">times</Text>
      <Select size="xs" w={120} aria-label={`${label} when`} allowDeselect={false} data={[{ value: 'ever', label: 'ever' }, { value: 'last', label: 'in the last' }]}
        value={relative ? 'last' : 'ever'}
        onChange={(v) => {
          const { window: _w, ...rest } = node
          onChange(v === 'last' ? { ...rest, window: { last: 90, unit: 'days' } } : rest)
        }} />
      {relative ? <RelativeWindow last={relative.last} unit={relative.unit} label={label} onChange={(w) => onChange({ ...node, window: w })} /> : null}
    </Group>
    {node.where.map((f, i) => (
      <PropertyFilterRow key={i} filter={f} label={`${label} where ${i + 1}`}
        onChange={(next) => onChange({ ...node, where: next === null ? node.where.filter((_, j) => j !== i) : node.where.map((x, j) => (j === i ? next : x)) })} />
    ))}
    {node.where.length < 20 ? (
      <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconPlus size={12} />} style={{ alignSelf: 'flex-start' }}
        aria-label={`${label} add property filter`} onClick={() => onChange({ ...node, where: [...node.where, { property: 'status', op: 'equals', value: '' }] })}>
        where…
      </Button>
    ) : null}
    </Stack>
  )
}

/** "where <property> <op> <value>" on the event's properties ($amount, $currency and $source_key address columns). */
function PropertyFilterRow({ filter, label, onChange }: { filter: PropertyFilter; label: string; onChange(f: PropertyFilter | null): void }): React.JSX.Element {
  const text = propertyFilterText(filter)
  return (
    <Group gap={6} wrap="nowrap" pl="md">
      <Text size="xs" c="dimmed">where</Text>
      <Autocomplete size="xs" w={130} aria-label={`${label} property`} data={['status', '$amount', '$currency', '$source_key']} value={filter.property}
        onChange={(p) => p && onChange(propertyFilterOf(p, filter.op, text))} />
      <Select size="xs" w={100} aria-label={`${label} operator`} allowDeselect={false} data={propertyOps} value={filter.op}
        onChange={(op) => op && onChange(propertyFilterOf(filter.property, op as PropertyFilter['op'], text))} />
      {filter.op === 'exists' ? null : filter.op === 'in' ? (
        <TagsInput size="xs" w={200} aria-label={`${label} values`} placeholder="Type and press Enter" value={Array.isArray(filter.value) ? filter.value.map(String).filter(Boolean) : []}
          onChange={(vals) => onChange(propertyFilterOf(filter.property, 'in', vals.join(',')))} />
      ) : (
        <TextInput size="xs" w={150} aria-label={`${label} value`} placeholder="value" value={text}
          onChange={(e) => onChange(propertyFilterOf(filter.property, filter.op, e.currentTarget.value))} />
      )}
      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Remove ${label}`} onClick={() => onChange(null)}><IconX size={14} /></ActionIcon>
    </Group>
  )
}
