import { Badge, Group, Table, Text, Tooltip } from '@mantine/core'
import type { FieldAgreementValue, ReviewDetailView } from '../../../../shared/api/channels/review'
import { formatNumber } from '../../app/format'

const agreementColour: Record<FieldAgreementValue, string> = { same: 'teal', close: 'yellow', different: 'red', missing: 'gray' }
const agreementLabel: Record<FieldAgreementValue, string> = { same: 'Same', close: 'Close', different: 'Different', missing: 'Missing' }

/** A field name as a person reads it: `birth_date` → Birth date. */
export const fieldLabel = (f: string): string => (f.charAt(0).toUpperCase() + f.slice(1)).replace(/_/g, ' ')

function cellStyle(a: FieldAgreementValue): React.CSSProperties {
  if (a === 'missing') return {}
  return { background: `var(--mantine-color-${agreementColour[a]}-light)` }
}

/**
 * The two records of a review item side by side, one row per field, each row coloured by how the values
 * agree (same, close, different; rows where both are empty are left out). Presentational.
 */
export function RecordCompare({ detail }: { detail: ReviewDetailView }): React.JSX.Element {
  const [a, b] = detail.records
  const rows = detail.agreement.filter((r) => r.a !== null || r.b !== null)
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} aria-label="Records side by side" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>Field</Table.Th>
          <Table.Th>
            <RecordHeading side="A" source={a.source} row={a.row} profileId={a.profileId} size={a.profileSize} />
          </Table.Th>
          <Table.Th>
            <RecordHeading side="B" source={b.source} row={b.row} profileId={b.profileId} size={b.profileSize} />
          </Table.Th>
          <Table.Th w={112}>Agreement</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.field} data-agreement={r.agreement}>
            <Table.Td>
              <Text size="sm" c="dimmed">{fieldLabel(r.field)}</Text>
            </Table.Td>
            <Table.Td style={cellStyle(r.agreement)}>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>{r.a ?? '—'}</Text>
            </Table.Td>
            <Table.Td style={cellStyle(r.agreement)}>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>{r.b ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={agreementColour[r.agreement]}>{agreementLabel[r.agreement]}</Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function RecordHeading({ side, source, row, profileId, size }: { side: string; source: string; row: number; profileId: number; size: number }): React.JSX.Element {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="filled" size="sm" color={side === 'A' ? 'indigo' : 'grape'}>{side}</Badge>
      <Tooltip label={`Profile ${profileId} holds ${formatNumber(size)} record(s)`}>
        <Text size="sm" fw={600} truncate>
          {source} <Text span c="dimmed" size="xs">row {formatNumber(row)}</Text>
        </Text>
      </Tooltip>
    </Group>
  )
}
