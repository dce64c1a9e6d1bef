import { Badge, Group, Text } from '@mantine/core'
import type { ProfileRow } from '../../../../shared/api/channels/profiles'
import { formatDate, formatNumber } from '../../app/format'

/** A column of the profiles table: id, header, width, and how a row renders in it. */
export interface ProfileColumn {
  id: string
  header: string
  width: number
  render(row: ProfileRow, revealed: Record<string, string> | undefined): React.ReactNode
  /** Hidden until chosen in the column chooser. */
  optional?: boolean
}

const money = (spend: Record<string, number>): string => {
  const entries = Object.entries(spend)
  if (entries.length === 0) return '—'
  return entries.map(([cur, minor]) => new Intl.NumberFormat(undefined, { style: 'currency', currency: cur }).format(minor / 100)).join(' + ')
}

export const profileColumns: ProfileColumn[] = [
  { id: 'name', header: 'Name', width: 180, render: (r) => <Text size="sm" fw={600} truncate>{r.displayName ?? `Profile ${r.id}`}</Text> },
  { id: 'email', header: 'Email', width: 200, render: (r, v) => <Text size="sm" ff={v?.email ? undefined : 'monospace'} truncate>{v?.email ?? r.email ?? '—'}</Text> },
  { id: 'phone', header: 'Phone', width: 150, render: (r, v) => <Text size="sm" truncate>{v?.phone ?? r.phone ?? '—'}</Text> },
  { id: 'company', header: 'Company', width: 130, render: (r) => <Text size="sm" truncate>{r.company ?? '—'}</Text> },
  { id: 'city', header: 'City', width: 130, render: (r) => <Text size="sm" truncate>{[r.city, r.country].filter(Boolean).join(', ') || '—'}</Text> },
  {
    id: 'sources',
    header: 'Sources',
    width: 210,
    render: (r) => (
      <Group gap={4} wrap="nowrap">
        {r.sources.map((s) => (
          <Badge key={s} size="xs" variant="light">
            {s}
          </Badge>
        ))}
      </Group>
    ),
  },
  { id: 'records', header: 'Records', width: 80, render: (r) => <Text size="sm" ta="right">{formatNumber(r.recordCount)}</Text> },
  { id: 'orders', header: 'Orders', width: 80, render: (r) => <Text size="sm" ta="right">{formatNumber(r.orderCount)}</Text>, optional: true },
  { id: 'spend', header: 'Spend', width: 120, render: (r) => <Text size="sm" ta="right">{money(r.spend)}</Text>, optional: true },
  { id: 'lastOrder', header: 'Last order', width: 120, render: (r) => <Text size="sm">{formatDate(r.lastOrderAt)}</Text>, optional: true },
  { id: 'tags', header: 'Tags', width: 140, render: (r) => <Text size="sm" truncate>{r.tags.join(', ') || '—'}</Text>, optional: true },
]
