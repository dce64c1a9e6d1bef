import { Badge, Code, Group, ScrollArea, Table, Text, Timeline } from '@mantine/core'
import type { Out } from '../../../../shared/api/contract'
import type { ProfileDetailView } from '../../../../shared/api/channels/profiles'
import { formatDateTime, formatNumber } from '../../app/format'
import { EmptyState } from '../../components/empty-state'

export function Identifiers({ p, revealed }: { p: ProfileDetailView; revealed: Out<'profiles:reveal'> | undefined }): React.JSX.Element {
  if (p.identifiers.length === 0) return <EmptyState title="No identifiers" />
  return (
    <Table aria-label="Identifiers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Value</Table.Th>
          <Table.Th>Sources</Table.Th>
          <Table.Th>Last seen</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.identifiers.map((i, n) => (
          <Table.Tr key={`${i.kind}-${n}`}>
            <Table.Td>{i.kind}</Table.Td>
            <Table.Td ff="monospace">{revealed?.identifiers[n]?.value ?? i.value}</Table.Td>
            <Table.Td>{i.sources.join(', ')}</Table.Td>
            <Table.Td>{formatDateTime(i.lastSeen)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function ProfileTimeline({ p }: { p: ProfileDetailView }): React.JSX.Element {
  if (p.timeline.length === 0) return <EmptyState title="Nothing on the timeline" text="Orders, tickets and payments appear here once imported." />
  return (
    <Timeline bulletSize={14} lineWidth={2} active={p.timeline.length}>
      {p.timeline.map((t, i) => (
        <Timeline.Item key={i} title={`${t.type} · ${t.source}`}>
          <Text size="xs" c="dimmed">
            {formatDateTime(t.at)}
            {t.amountMinor !== null && t.currency ? ` · ${new Intl.NumberFormat(undefined, { style: 'currency', currency: t.currency }).format(t.amountMinor / 100)}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}

export function Traits({ p }: { p: ProfileDetailView }): React.JSX.Element {
  const entries = Object.entries(p.traits).filter(([, v]) => v !== null && !(typeof v === 'object' && Object.keys(v as object).length === 0))
  return (
    <Table aria-label="Traits">
      <Table.Tbody>
        {entries.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td w={200} c="dimmed">
              {k}
            </Table.Td>
            <Table.Td>{typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : <Code>{JSON.stringify(v)}</Code>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function MergeHistory({ p }: { p: ProfileDetailView }): React.JSX.Element {
  if (p.history.length === 0) return <EmptyState title="No merge history" />
  return (
    <Table aria-label="Merge history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Record</Table.Th>
          <Table.Th>Change</Table.Th>
          <Table.Th>Cause</Table.Th>
          <Table.Th>By</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.history.map((h, i) => (
          <Table.Tr key={i}>
            <Table.Td>{formatDateTime(h.at)}</Table.Td>
            <Table.Td>#{h.recordId}</Table.Td>
            <Table.Td>{h.from === null ? `new → ${h.to}` : `${h.from} → ${h.to}`}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light">
                {h.cause}
              </Badge>
              {h.reason ? ` ${h.reason}` : ''}
            </Table.Td>
            <Table.Td>{h.actor ?? 'engine'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** One source record; its raw row (as imported) once the analyst has revealed the profile. */
export function RawRow({ raw }: { raw: Out<'profiles:reveal'>['rawRows'][number] | undefined }): React.JSX.Element {
  if (!raw) return <Text size="xs" c="dimmed">Reveal the profile to see the raw row.</Text>
  return (
    <ScrollArea type="auto">
      <Group gap={4} wrap="nowrap">
        <Table withColumnBorders fz="xs" aria-label={`Raw row of record ${raw.recordId}`}>
          <Table.Thead>
            <Table.Tr>
              {raw.header.map((h, i) => (
                <Table.Th key={i} style={{ whiteSpace: 'nowrap' }}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              {raw.cells.map((c, i) => (
                <Table.Td key={i} style={{ whiteSpace: 'nowrap' }}>
                  {c}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Group>
    </ScrollArea>
  )
}
