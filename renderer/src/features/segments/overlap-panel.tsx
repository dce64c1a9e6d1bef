import { useState } from 'react'
import { Group, Paper, Progress, Select, Stack, Text, Tooltip } from '@mantine/core'
import { formatNumber } from '../../app/format'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'

/** How two saved segments overlap: only A, both, only B, as numbers and one stacked bar. */
export function OverlapPanel({ names }: { names: string[] }): React.JSX.Element {
  const [a, setA] = useState<string | null>(names[0] ?? null)
  const [b, setB] = useState<string | null>(names[1] ?? null)
  const ready = a !== null && b !== null && names.includes(a) && names.includes(b)
  const q = useApiQuery('segments:overlap', { a: a ?? 'x', b: b ?? 'x' }, { enabled: ready, scopes: ['profiles', 'segments'] })
  const o = ready ? q.data : undefined
  const union = o ? o.onlyA + o.both + o.onlyB : 0
  const pct = (n: number): number => (union ? (n / union) * 100 : 0)
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>Overlap of two segments</Text>
        {names.length < 2 ? <Text size="sm" c="dimmed">Save two segments to compare them.</Text> : (
          <>
            <Group gap={6} grow>
              <Select size="xs" aria-label="First segment" data={names} value={a} onChange={setA} />
              <Select size="xs" aria-label="Second segment" data={names} value={b} onChange={setB} />
            </Group>
            <ErrorAlert error={ready ? q.error : undefined} />
            {o ? (
              <>
                <Progress.Root size={18} aria-label="Overlap">
                  <Tooltip label={`Only ${a}: ${formatNumber(o.onlyA)}`}><Progress.Section value={pct(o.onlyA)} color="indigo" /></Tooltip>
                  <Tooltip label={`Both: ${formatNumber(o.both)}`}><Progress.Section value={pct(o.both)} color="teal" /></Tooltip>
                  <Tooltip label={`Only ${b}: ${formatNumber(o.onlyB)}`}><Progress.Section value={pct(o.onlyB)} color="grape" /></Tooltip>
                </Progress.Root>
                <Group justify="space-between" gap={4} data-testid="segment-overlap">
                  <Text size="xs"><Text span c="indigo" fw={700}>{formatNumber(o.onlyA)}</Text> only first</Text>
                  <Text size="xs"><Text span c="teal" fw={700}>{formatNumber(o.both)}</Text> both</Text>
                  <Text size="xs"><Text span c="grape" fw={700}>{formatNumber(o.onlyB)}</Text> only second</Text>
                </Group>
              </>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  )
}
