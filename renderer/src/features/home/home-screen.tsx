import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip as MTooltip } from '@mantine/core'
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { Out } from '../../../../shared/api/contract'
import { formatNumber } from '../../app/format'
import type { ScreenProps } from '../../app/screens'
import { useAppStore } from '../../app/store'
import { useApiQuery } from '../../app/use-query'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { ScoreHistogram } from './score-histogram'

/** The workspace at a glance: counts, records per source, source overlap, match scores and thresholds. */
export function HomeScreen(_props: ScreenProps): React.JSX.Element {
  const info = useApiQuery('workspace:info', {}, { scopes: ['records', 'profiles', 'review', 'privacy', 'sources'] })
  const overlap = useApiQuery('identity:overlap', {}, { scopes: ['records', 'profiles', 'sources'] })
  const navigate = useAppStore((s) => s.navigate)
  const c = info.data?.counts
  const cards: Array<[string, number | undefined, string | undefined]> = [
    ['Sources', c?.sources, 'import'],
    ['Records', c?.records, undefined],
    ['Profiles', c?.profiles, 'profiles'],
    ['Pending reviews', c?.pendingReviews, 'review'],
    ['Suppressed', c?.suppressed, undefined],
  ]
  return (
    <Stack gap="md" maw={1280}>
      <Title order={2}>Home</Title>
      <ErrorAlert error={info.error} />
      <SimpleGrid cols={5}>
        {cards.map(([label, value, screen]) => (
          <Paper key={label} withBorder p="md" radius="md" style={screen ? { cursor: 'pointer' } : undefined} onClick={screen ? () => navigate({ screen }) : undefined} aria-label={`${label}: ${value ?? ''}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            {value === undefined ? <Skeleton h={28} mt={4} /> : <Text fw={700} fz={26} data-testid={`count-${label.toLowerCase().replace(/ /g, '-')}`}>{formatNumber(value)}</Text>}
          </Paper>
        ))}
      </SimpleGrid>
      {c && c.records === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState title="No data yet" text="Start by importing an export from your shop, CRM, email or support tool." />
        </Paper>
      ) : (
        <>
          <SimpleGrid cols={2}>
            <RecordsPerSource data={overlap.data} />
            <SourceOverlap data={overlap.data} />
          </SimpleGrid>
          <ScoreHistogram />
        </>
      )}
    </Stack>
  )
}

function RecordsPerSource({ data }: { data: Out<'identity:overlap'> | undefined }): React.JSX.Element {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        Records per source
      </Title>
      {!data ? (
        <Skeleton h={200} />
      ) : (
        <div style={{ height: Math.max(120, data.sources.length * 36 + 30) }} role="img" aria-label="Records per source">
          <ResponsiveContainer>
            <BarChart data={data.sources} layout="vertical" margin={{ left: 10, right: 20 }}>
              <XAxis type="number" fontSize={11} allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={130} fontSize={12} />
              <Tooltip formatter={(v) => formatNumber(Number(v))} />
              <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="records" name="records" fill="var(--mantine-color-tessera-6)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
              <Bar dataKey="profiles" name="people" fill="var(--mantine-color-tessera-3)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Paper>
  )
}

/** A source × source matrix: how many people each pair of sources has in common, shaded by share. */
function SourceOverlap({ data }: { data: Out<'identity:overlap'> | undefined }): React.JSX.Element {
  if (!data) return <Paper withBorder p="md" radius="md"><Skeleton h={200} /></Paper>
  const names = data.sources.map((s) => s.name)
  const shared = (a: string, b: string): number => (a === b ? (data.sources.find((s) => s.name === a)?.profiles ?? 0) : (data.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.profiles ?? 0))
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Source overlap</Title>
        <Text size="xs" c="dimmed">
          people in both
        </Text>
      </Group>
      {names.length < 2 ? (
        <EmptyState title="One source so far" text="Import another source to see which people they share." />
      ) : (
        <Table withColumnBorders fz="sm" aria-label="Source overlap">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {names.map((n) => (
                <Table.Th key={n} ta="center">
                  {n}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {names.map((a) => {
              const own = shared(a, a) || 1
              return (
                <Table.Tr key={a}>
                  <Table.Th>{a}</Table.Th>
                  {names.map((b) => {
                    const n = shared(a, b)
                    const share = a === b ? 1 : n / own
                    return (
                      <MTooltip key={b} label={a === b ? `${formatNumber(n)} people in ${a}` : `${formatNumber(n)} of ${a}'s people are also in ${b}`}>
                        <Table.Td ta="center" style={{ background: `color-mix(in srgb, var(--mantine-color-tessera-6) ${Math.round(share * 55)}%, transparent)` }}>
                          {formatNumber(n)}
                        </Table.Td>
                      </MTooltip>
                    )
                  })}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
