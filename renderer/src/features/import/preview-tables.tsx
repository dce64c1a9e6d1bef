import { Badge, ScrollArea, Stack, Table, Text } from '@mantine/core'
import type { InspectView } from '../../../../shared/api/channels/import'

/** The file as read: header and the first rows, in a scrollable grid. */
export function FilePreview({ inspect }: { inspect: InspectView }): React.JSX.Element {
  return (
    <ScrollArea h={360} type="auto">
      <Table striped withColumnBorders stickyHeader aria-label="File preview" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            {inspect.header.map((h, i) => (
              <Table.Th key={i} style={{ whiteSpace: 'nowrap' }}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspect.rows.map((row, r) => (
            <Table.Tr key={r}>
              <Table.Td c="dimmed">{r + 1}</Table.Td>
              {row.map((cell, i) => (
                <Table.Td key={i} style={{ whiteSpace: 'nowrap', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' }} title={cell}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}

/** What the import would write for the first rows: each raw value beside its normalised form. */
export function NormalisationPreview({ inspect }: { inspect: InspectView }): React.JSX.Element {
  return (
    <ScrollArea h={360} type="auto">
      <Stack gap="sm">
        {inspect.preview.map((p) => (
          <Table key={p.rowNumber} withTableBorder fz="xs" aria-label={`Row ${p.rowNumber} normalised`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Row {p.rowNumber}</Table.Th>
                <Table.Th>
                  {p.outcome === 'quarantined' ? (
                    <Badge color="orange" size="xs">
                      quarantined: {p.reason}
                    </Badge>
                  ) : (
                    <Badge color="teal" size="xs">
                      {p.outcome}
                    </Badge>
                  )}
                </Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(p.normalised).map(([field, value]) => {
                const column = Object.entries(inspect.mapping.columns).find(([, t]) => t === field || `id:${t}` === field)?.[0]
                return (
                  <Table.Tr key={field}>
                    <Table.Td c="dimmed">{field}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" span>
                        {column !== undefined ? (p.raw[column] ?? '') : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" fw={600} span>
                        → {value}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        ))}
      </Stack>
    </ScrollArea>
  )
}
