import { Badge, Group, NavLink, ScrollArea, Text } from '@mantine/core'
import type { ReviewListItemView } from '../../../../shared/api/channels/review'

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 })

/** Colour of a probability badge: the closer to a coin toss, the warmer. */
export function probabilityColour(p: number): string {
  if (p >= 0.7) return 'teal'
  if (p >= 0.5) return 'yellow'
  if (p >= 0.3) return 'orange'
  return 'red'
}

/** The queue's items, most useful first; the selected one is highlighted. Presentational. */
export function QueueList({ items, selected, onSelect }: { items: readonly ReviewListItemView[]; selected: number | undefined; onSelect(id: number): void }): React.JSX.Element {
  return (
    <ScrollArea h="100%" type="auto" aria-label="Review queue items">
      {items.map((it, i) => (
        <NavLink
          key={it.id}
          active={it.id === selected}
          onClick={() => onSelect(it.id)}
          aria-current={it.id === selected ? 'true' : undefined}
          data-review-id={it.id}
          label={
            <Group justify="space-between" wrap="nowrap" gap={6}>
              <Text size="sm" fw={500}>#{i + 1}</Text>
              <Badge size="sm" variant="light" color={probabilityColour(it.probability)} style={{ flexShrink: 0 }}>{percent.format(it.probability)}</Badge>
            </Group>
          }
          description={<Text size="xs" c="dimmed" truncate>{it.sourceA} {it.rowA} ↔ {it.sourceB} {it.rowB}</Text>}
        />
      ))}
    </ScrollArea>
  )
}
