import { memo } from 'react'
import { Badge, Group, Progress, Select, Table, Text, Tooltip } from '@mantine/core'
import { eventFields, personFields } from '../../../../shared/domain/fields'
import type { ColumnProfileView } from '../../../../shared/api/channels/import'
import { formatPercent } from '../../app/format'

const targetOptions = [
  { group: 'Skip', items: [{ value: 'ignore', label: 'Ignore (kept in raw rows only)' }] },
  { group: 'Person', items: personFields.map((f) => ({ value: f, label: f })) },
  { group: 'Event', items: eventFields.map((f) => ({ value: f, label: f })) },
]

/** An `attribute:<name>` target named after the column, so unknown columns can still be carried along. */
const attributeFor = (column: string): string => `attribute:${column.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'column'}`

/** Step 2's core: every column with its detected type, fill rate, samples and the field it maps to. */
export const ColumnMapping = memo(function ColumnMapping({
  columns,
  mapping,
  onChange,
}: {
  columns: ColumnProfileView[]
  mapping: Record<string, string>
  onChange(column: string, target: string): void
}): React.JSX.Element {
  return (
    <Table striped highlightOnHover stickyHeader aria-label="Column mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column</Table.Th>
          <Table.Th>Detected</Table.Th>
          <Table.Th w={110}>Filled</Table.Th>
          <Table.Th>Sample values</Table.Th>
          <Table.Th w={240}>Maps to</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {columns.map((c) => {
          const target = mapping[c.name] ?? 'ignore'
          const attr = attributeFor(c.name)
          const options = target.startsWith('attribute:') && target !== attr ? [...targetOptions, { group: 'Attribute', items: [{ value: target, label: target }, { value: attr, label: attr }] }] : [...targetOptions, { group: 'Attribute', items: [{ value: attr, label: attr }] }]
          return (
            <Table.Tr key={c.index}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {c.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={c.detected === 'text' || c.detected === 'empty' ? 'gray' : 'tessera'} size="sm">
                  {c.detected}
                  {c.dateOrder ? ` ${c.dateOrder}` : ''}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Tooltip label={`${c.distinct} distinct values in the sample`}>
                  <Group gap={6} wrap="nowrap">
                    <Progress value={c.fillRate * 100} w={48} size="sm" color={c.fillRate < 0.5 ? 'orange' : 'teal'} aria-label={`${c.name} fill rate`} />
                    <Text size="xs">{formatPercent(c.fillRate)}</Text>
                  </Group>
                </Tooltip>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="xs" c="dimmed" truncate title={c.samples.join(' · ')}>
                  {c.samples.length ? c.samples.join(' · ') : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  data={options}
                  value={target}
                  onChange={(v) => onChange(c.name, v ?? 'ignore')}
                  searchable
                  allowDeselect={false}
                  aria-label={`Field for column ${c.name}`}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
})
