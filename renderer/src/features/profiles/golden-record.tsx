import { Badge, Group, HoverCard, Stack, Table, Text, UnstyledButton } from '@mantine/core'
import type { ProfileDetailView } from '../../../../shared/api/channels/profiles'
import { formatDateTime } from '../../app/format'

type Golden = ProfileDetailView['golden'][number]

/** Where one golden value came from: source, file, row, record, the survivorship rule, when it was observed. */
export function ProvenanceCard({ g }: { g: Golden }): React.JSX.Element {
  const p = g.provenance
  return (
    <Stack gap={4} data-testid="provenance">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        Provenance
      </Text>
      <Text size="sm">
        Source <b>{p.source}</b>
      </Text>
      <Text size="sm">
        File <b>{p.fileName}</b>, row {p.rowNumber} (import #{p.importId})
      </Text>
      <Text size="sm">Record #{p.recordId}</Text>
      <Text size="sm">
        Chosen by rule <b>{g.rule}</b>
      </Text>
      {p.observedAt ? <Text size="sm">Observed {formatDateTime(p.observedAt)}</Text> : null}
    </Stack>
  )
}

/** The golden record: every value with its source; hover or click a value for its full provenance. */
export function GoldenRecord({ golden, revealed }: { golden: Golden[]; revealed: Record<string, string> | undefined }): React.JSX.Element {
  return (
    <Table aria-label="Golden record" verticalSpacing={8}>
      <Table.Tbody>
        {golden.map((g) => (
          <Table.Tr key={g.attribute}>
            <Table.Td w={180}>
              <Text size="sm" c="dimmed">
                {g.attribute.replace(/_/g, ' ')}
              </Text>
            </Table.Td>
            <Table.Td>
              <HoverCard width={320} shadow="md" openDelay={150} position="bottom-start" withArrow>
                <HoverCard.Target>
                  <UnstyledButton aria-label={`${g.attribute}: show provenance`}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500} ff={g.masked && !revealed?.[g.attribute] ? 'monospace' : undefined}>
                        {revealed?.[g.attribute] ?? g.value}
                      </Text>
                      <Badge size="xs" variant="outline" color="gray">
                        {g.provenance.source}
                      </Badge>
                    </Group>
                  </UnstyledButton>
                </HoverCard.Target>
                <HoverCard.Dropdown>
                  <ProvenanceCard g={g} />
                </HoverCard.Dropdown>
              </HoverCard>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
