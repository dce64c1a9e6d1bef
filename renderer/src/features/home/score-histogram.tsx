import { useEffect, useMemo, useState } from 'react'
import { Badge, Button, Group, Paper, RangeSlider, Stack, Text, Title } from '@mantine/core'
import { Bar, BarChart, CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import { useApiQuery } from '../../app/use-query'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { bandsFor, snap } from './bands'

const nBins = 50

const delta = (n: number): string => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '±0')

/** Reads the hovered bin's lower edge from a recharts mouse event (its shape differs across versions). */
function binOf(state: unknown, bins: readonly { from: number }[]): number | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const idx = Number((state as { activeTooltipIndex?: unknown }).activeTooltipIndex)
  return Number.isInteger(idx) ? bins[idx]?.from : undefined
}

/**
 * The match-score histogram with the review and auto-merge thresholds as lines: drag a line on the chart
 * (or use the slider, which the keyboard can move) and the band counts update, with how many pairs move
 * between bands compared with the saved thresholds. Saving applies from the next resolution run.
 */
export function ScoreHistogram(): React.JSX.Element {
  const api = useApi()
  const h = useApiQuery('identity:histogram', { bins: nBins }, { scopes: ['review', 'profiles', 'settings'] })
  const [t, setT] = useState<{ autoMerge: number; review: number } | undefined>()
  const [drag, setDrag] = useState<'autoMerge' | 'review' | null>(null)
  const [error, setError] = useState<unknown>()
  useEffect(() => {
    if (h.data) setT(h.data.thresholds)
  }, [h.data])
  const data = useMemo(() => (h.data?.bins ?? []).map((b) => ({ ...b, mid: (b.from + b.to) / 2 })), [h.data])
  if (h.error) return <ErrorAlert error={h.error} />
  if (!h.data || !t) return <Paper withBorder p="md" radius="md" h={330} />
  const saved = h.data.thresholds
  const now = bandsFor(h.data.bins, t)
  const before = bandsFor(h.data.bins, saved)
  const changed = t.autoMerge !== saved.autoMerge || t.review !== saved.review
  const move = (x: number | undefined): void => {
    if (x === undefined || !drag) return
    const v = snap(x, nBins)
    setT((cur) => (cur ? (drag === 'autoMerge' ? { ...cur, autoMerge: Math.max(v, cur.review) } : { ...cur, review: Math.min(v, cur.autoMerge) }) : cur))
  }
  const save = async (): Promise<void> => {
    try {
      setError(undefined)
      await api.invoke('settings:set-thresholds', t)
      h.refetch()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>Match scores</Title>
          <Text size="xs" c="dimmed">
            {formatNumber(h.data.total)} scored pairs. Drag a line to see how many pairs change band.
          </Text>
        </div>
        <Group gap="xs">
          <Badge color="teal" variant="light">auto-merge {formatNumber(now.auto)} ({delta(now.auto - before.auto)})</Badge>
          <Badge color="yellow" variant="light">review {formatNumber(now.review)} ({delta(now.review - before.review)})</Badge>
          <Badge color="gray" variant="light">no match {formatNumber(now.non)} ({delta(now.non - before.non)})</Badge>
        </Group>
      </Group>
      {h.data.total === 0 ? (
        <EmptyState title="No scored pairs yet" text="Import two or more sources and run resolution: the score distribution appears here." />
      ) : (
        <Stack gap={4}>
          <div style={{ height: 220, cursor: drag ? 'ew-resize' : 'default', userSelect: 'none' }} aria-label="Match score histogram" role="img">
            <ResponsiveContainer>
              <BarChart
                data={data}
                margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
                onMouseDown={(s: unknown) => {
                  const x = binOf(s, data)
                  if (x === undefined) return
                  setDrag(Math.abs(x - t.autoMerge) <= Math.abs(x - t.review) ? 'autoMerge' : 'review')
                }}
                onMouseMove={(s: unknown) => move(binOf(s, data))}
                onMouseUp={() => setDrag(null)}
                onMouseLeave={() => setDrag(null)}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-default-border)" />
                <XAxis dataKey="mid" type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={(v: number) => v.toFixed(1)} fontSize={11} />
                <YAxis fontSize={11} width={40} allowDecimals={false} />
                <Tooltip formatter={(v) => [formatNumber(Number(v)), 'pairs']} labelFormatter={(v) => `p ≈ ${Number(v).toFixed(2)}`} />
                <ReferenceArea x1={t.review} x2={t.autoMerge} fill="var(--mantine-color-yellow-5)" fillOpacity={0.08} />
                <ReferenceArea x1={t.autoMerge} x2={1} fill="var(--mantine-color-teal-5)" fillOpacity={0.08} />
                <Bar dataKey="pairs" fill="var(--mantine-color-tessera-6)" isAnimationActive={false} />
                <ReferenceLine x={t.review} stroke="var(--mantine-color-yellow-7)" strokeWidth={3} label={{ value: `review ${t.review.toFixed(2)}`, position: 'insideTopLeft', fontSize: 11 }} />
                <ReferenceLine x={t.autoMerge} stroke="var(--mantine-color-teal-7)" strokeWidth={3} label={{ value: `auto ${t.autoMerge.toFixed(2)}`, position: 'insideTopRight', fontSize: 11 }} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <RangeSlider
            min={0}
            max={1}
            step={1 / nBins}
            minRange={0}
            value={[t.review, t.autoMerge]}
            onChange={([review, autoMerge]) => setT({ review, autoMerge })}
            label={(v) => v.toFixed(2)}
            thumbFromLabel="Review threshold"
            thumbToLabel="Auto-merge threshold"
            ml={40}
            mr={12}
          />
          <Group justify="flex-end" mt="xs">
            <ErrorAlert error={error} title="Could not save the thresholds" />
            <Button size="xs" variant="default" disabled={!changed} onClick={() => setT(saved)}>
              Reset
            </Button>
            <Button size="xs" disabled={!changed} onClick={() => void save()}>
              Save thresholds
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  )
}
