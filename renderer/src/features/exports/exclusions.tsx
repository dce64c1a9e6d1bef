import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ExportPreviewView } from '../../../../shared/api/channels/exports'
import { formatNumber, formatPercent } from '../../app/format'
import { reasonLabel } from './download'

/** The consent/suppression gate's answer: who goes in, who is left out and why, identifier coverage. Presentational. */
export function ExportPreviewPanel({ preview }: { preview: ExportPreviewView }): React.JSX.Element {
  const reasons = Object.entries(preview.excluded).sort((a, b) => b[1] - a[1])
  const excluded = preview.members - preview.included
  return (
    <Stack gap="sm" data-testid="export-preview">
      <SimpleGrid cols={3}>
        <Stat label="In the segment" value={formatNumber(preview.members)} />
        <Stat label="In the file" value={formatNumber(preview.included)} colour="teal" testId="export-included" />
        <Stat label="Left out" value={formatNumber(excluded)} colour={excluded ? 'orange' : undefined} />
      </SimpleGrid>
      <Group grow align="flex-start">
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={4}>Left out, by reason</Text>
          {reasons.length === 0 ? <Text size="sm" c="dimmed">Nobody: every member can be exported.</Text> : (
            <Table fz="sm" verticalSpacing={4} aria-label="Exclusions by reason">
              <Table.Tbody>
                {reasons.map(([r, n]) => (
                  <Table.Tr key={r}><Table.Td>{reasonLabel(r)}</Table.Td><Table.Td ta="right">{formatNumber(n)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={4}>Identifier coverage</Text>
          <Coverage label="Email" share={preview.coverage.email} />
          <Coverage label="Phone" share={preview.coverage.phone} />
          <Text size="xs" c="dimmed" mt={4}>Columns: {preview.columns.join(', ')}</Text>
        </Paper>
      </Group>
      {preview.warnings.map((w) => <Alert key={w} color="yellow" icon={<IconAlertTriangle size={16} />}>{w}</Alert>)}
    </Stack>
  )
}

function Stat({ label, value, colour, testId }: { label: string; value: string; colour?: string; testId?: string }): React.JSX.Element {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} c={colour} data-testid={testId}>{value}</Text>
    </Paper>
  )
}

function Coverage({ label, share }: { label: string; share: number }): React.JSX.Element {
  return (
    <Stack gap={2} mb={6}>
      <Group justify="space-between"><Text size="sm">{label}</Text><Text size="sm" c="dimmed">{formatPercent(share)}</Text></Group>
      <Progress value={share * 100} size="sm" aria-label={`${label} coverage`} />
    </Stack>
  )
}
