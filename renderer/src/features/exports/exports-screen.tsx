import { Badge, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { formatDateTime, formatNumber } from '../../app/format'
import type { ScreenProps } from '../../app/screens'
import { useApiQuery } from '../../app/use-query'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { reasonLabel } from './download'
import { ExportWizard } from './export-wizard'

/** Exports: the wizard on top, the log of every export written from this workspace below. */
export function ExportsScreen(_props: ScreenProps): React.JSX.Element {
  return (
    <Stack gap="md">
      <Title order={2}>Exports</Title>
      <ExportWizard />
      <ExportHistory />
    </Stack>
  )
}

/** Every export written from this workspace; export jobs announce `jobs`, so that scope refreshes it too. */
function ExportHistory(): React.JSX.Element {
  const q = useApiQuery('exports:history', { limit: 50 }, { scopes: ['exports', 'jobs'] })
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">Export history</Text>
      <ErrorAlert error={q.error} />
      {q.data && q.data.length === 0 ? <EmptyState title="No exports yet" text="Every file you write is logged here with its SHA-256, so it can be traced later." /> : null}
      {q.data && q.data.length > 0 ? (
        <Table fz="sm" striped highlightOnHover aria-label="Export history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th><Table.Th>Segment</Table.Th><Table.Th>Destination</Table.Th><Table.Th ta="right">Rows</Table.Th>
              <Table.Th>Left out</Table.Th><Table.Th>File</Table.Th><Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((e) => {
              const out = Object.entries(e.excluded)
              return (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.segment ?? '(deleted)'}</Table.Td>
                  <Table.Td>{e.preset} {e.hashed ? <Badge size="xs" color="grape" variant="light">hashed</Badge> : null}</Table.Td>
                  <Table.Td ta="right">{formatNumber(e.included)}</Table.Td>
                  <Table.Td>{out.length ? out.map(([r, n]) => `${reasonLabel(r)} ${formatNumber(n)}`).join(', ') : '—'}</Table.Td>
                  <Table.Td><Tooltip label={`SHA-256 ${e.sha256}`}><Text size="sm" truncate maw={220}>{e.fileName}</Text></Tooltip></Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  )
}
