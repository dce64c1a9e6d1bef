import { Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { SegmentRule } from '../../../../shared/domain/segment-rule'
import { formatNumber } from '../../app/format'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'

/**
 * The rule's live size and a sample of its members, recomputed 400 ms after the last edit (not on every
 * keystroke) and whenever profiles change. A rule the engine refuses shows its message with the node path.
 */
export function LivePreview({ rule }: { rule: SegmentRule }): React.JSX.Element {
  const [debounced] = useDebouncedValue(rule, 400)
  const q = useApiQuery('segments:preview', { rule: debounced, sample: 8 }, { scopes: ['profiles', 'segments'] })
  const stale = debounced !== rule || q.loading
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">Profiles matching now</Text>
          {stale ? <Loader size="xs" aria-label="Counting" /> : null}
        </Group>
        <Title order={2} data-testid="segment-count" aria-live="polite">{q.data && !q.error ? formatNumber(q.data.count) : '—'}</Title>
        <ErrorAlert error={q.error} title="This rule cannot run yet" />
        {q.data && q.data.sample.length > 0 ? (
          <Table fz="xs" verticalSpacing={4} aria-label="Sample of matching profiles">
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>City</Table.Th><Table.Th ta="right">Orders</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.sample.map((s) => (
                <Table.Tr key={s.profileId}>
                  <Table.Td><Text size="xs" truncate maw={150}>{s.displayName ?? `#${s.profileId}`}</Text></Table.Td>
                  <Table.Td><Text size="xs" truncate maw={90}>{s.city ?? '—'}</Text></Table.Td>
                  <Table.Td ta="right">{formatNumber(s.orderCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  )
}
