import { Paper, Text, useComputedColorScheme } from '@mantine/core'
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { WaterfallStepView } from '../../../../shared/api/channels/review'
import { waterfallBars, type WaterfallBar } from './bands'

const weightFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })

/**
 * The Fellegi-Sunter evidence as a waterfall: the prior, then each comparison's match weight (log2 Bayes
 * factor) moving the running total up (agreement, green) or down (disagreement, red). The final total is
 * the pair's weight; 0 is even odds. Presentational.
 */
export function EvidenceWaterfall({ steps, finalWeight }: { steps: readonly WaterfallStepView[]; finalWeight: number }): React.JSX.Element {
  const dark = useComputedColorScheme('light') === 'dark'
  const bars = waterfallBars(steps)
  const height = Math.max(160, bars.length * 28 + 40)
  const axis = dark ? '#909296' : '#495057'
  return (
    <div role="img" aria-label={`Match evidence: ${bars.map((b) => `${b.label} ${weightFmt.format(b.weight)}`).join(', ')}; total ${weightFmt.format(finalWeight)}`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke={dark ? '#373A40' : '#dee2e6'} />
          <XAxis type="number" tick={{ fontSize: 11, fill: axis }} domain={['auto', 'auto']} />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12, fill: axis }} interval={0} />
          <ReferenceLine x={0} stroke={axis} />
          <Tooltip content={<StepTooltip />} cursor={{ fill: dark ? 'rgba(255,255,255,0.05)' : 'rgba(0,0,0,0.04)' }} />
          <Bar dataKey="range" isAnimationActive={false} radius={2}>
            {bars.map((b) => (
              <Cell key={b.label} fill={b.weight >= 0 ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-red-6)'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

function StepTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: WaterfallBar }> }): React.JSX.Element | null {
  const bar = active ? payload?.[0]?.payload : undefined
  if (!bar) return null
  return (
    <Paper withBorder shadow="sm" p={6}>
      <Text size="xs" fw={600}>{bar.label}{bar.detail ? ` · ${bar.detail}` : ''}</Text>
      <Text size="xs" c={bar.weight >= 0 ? 'teal' : 'red'}>{weightFmt.format(bar.weight)} bits</Text>
    </Paper>
  )
}
