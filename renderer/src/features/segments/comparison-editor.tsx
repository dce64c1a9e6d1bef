import { Group, NumberInput, Select, TagsInput, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { Comparison, ValueKind } from '../../../../shared/domain/segment-rule'
import { comparisonFor, operatorOptions } from './rule-model'

const units = [
  { value: 'days', label: 'days' }, { value: 'weeks', label: 'weeks' }, { value: 'months', label: 'months' }, { value: 'years', label: 'years' },
]
type Unit = 'days' | 'weeks' | 'months' | 'years'
const isUnit = (v: string | null): v is Unit => v === 'days' || v === 'weeks' || v === 'months' || v === 'years'
const num = (v: string | number): number => (typeof v === 'number' ? v : Number(v) || 0)

/**
 * An operator that fits the value kind and the inputs its operands need: text, a list, a number, a range,
 * a date picker, or a relative window ("in the last 90 days"). Presentational.
 */
export function ComparisonEditor({ kind, test, onChange, label }: { kind: ValueKind; test: Comparison; onChange(t: Comparison): void; label: string }): React.JSX.Element {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Select
        size="xs" w={120} aria-label={`${label} operator`} allowDeselect={false} data={operatorOptions(kind)} value={test.op}
        onChange={(op) => op && onChange(comparisonFor(op as Comparison['op'], test))}
      />
      <Operands kind={kind} test={test} onChange={onChange} label={label} />
    </Group>
  )
}

function Operands({ kind, test, onChange, label }: { kind: ValueKind; test: Comparison; onChange(t: Comparison): void; label: string }): React.JSX.Element | null {
  switch (test.op) {
    case 'equals': case 'not_equals': case 'contains': case 'starts_with':
      return kind === 'number'
        ? <NumberInput size="xs" w={140} aria-label={`${label} value`} value={Number(test.value) || 0} onChange={(v) => onChange({ ...test, value: String(num(v)) })} />
        : <TextInput size="xs" w={200} aria-label={`${label} value`} value={test.value} onChange={(e) => onChange({ ...test, value: e.currentTarget.value })} />
    case 'in': case 'not_in':
      return <TagsInput size="xs" w={260} aria-label={`${label} values`} placeholder="Type and press Enter" value={test.values.filter(Boolean)} onChange={(values) => onChange({ ...test, values: values.length ? values : [''] })} />
    case 'is_empty': case 'is_not_empty':
      return null
    case 'gt': case 'gte': case 'lt': case 'lte':
      return <NumberInput size="xs" w={140} aria-label={`${label} value`} value={test.value} onChange={(v) => onChange({ ...test, value: num(v) })} />
    case 'between':
      return (
        <Group gap={4} wrap="nowrap">
          <NumberInput size="xs" w={110} aria-label={`${label} minimum`} value={test.min} onChange={(v) => onChange({ ...test, min: num(v) })} />
          <NumberInput size="xs" w={110} aria-label={`${label} maximum`} value={test.max} onChange={(v) => onChange({ ...test, max: num(v) })} />
        </Group>
      )
    case 'before': case 'after':
      return <DateInput size="xs" w={150} aria-label={`${label} date`} valueFormat="YYYY-MM-DD" value={test.date} onChange={(d) => d && onChange({ ...test, date: d.slice(0, 10) })} />
    case 'between_dates':
      return (
        <Group gap={4} wrap="nowrap">
          <DateInput size="xs" w={140} aria-label={`${label} from`} valueFormat="YYYY-MM-DD" value={test.from} onChange={(d) => d && onChange({ ...test, from: d.slice(0, 10) })} />
          <DateInput size="xs" w={140} aria-label={`${label} to`} valueFormat="YYYY-MM-DD" value={test.to} onChange={(d) => d && onChange({ ...test, to: d.slice(0, 10) })} />
        </Group>
      )
    case 'in_last': case 'not_in_last':
      return <RelativeWindow last={test.last} unit={test.unit} label={label} onChange={(w) => onChange({ ...test, ...w })} />
  }
}

/** "the last N days/weeks/months/years". */
export function RelativeWindow({ last, unit, label, onChange }: { last: number; unit: Unit; label: string; onChange(w: { last: number; unit: Unit }): void }): React.JSX.Element {
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput size="xs" w={90} min={1} max={100000} aria-label={`${label} amount`} value={last} onChange={(v) => onChange({ last: Math.max(1, Math.round(num(v))), unit })} />
      <Select size="xs" w={100} aria-label={`${label} unit`} allowDeselect={false} data={units} value={unit} onChange={(u) => isUnit(u) && onChange({ last, unit: u })} />
    </Group>
  )
}
