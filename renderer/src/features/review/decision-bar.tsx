import { Button, Group, Kbd } from '@mantine/core'
import { IconArrowBackUp, IconCheck, IconPlayerSkipForward, IconX } from '@tabler/icons-react'

/** The four decision buttons with their keyboard shortcuts. Presentational. */
export function DecisionBar({ disabled, onDecide, onUndo }: { disabled: boolean; onDecide(d: 'approve' | 'reject' | 'skip'): void; onUndo(): void }): React.JSX.Element {
  return (
    <Group gap="xs" role="toolbar" aria-label="Decision">
      <Button color="teal" leftSection={<IconCheck size={16} />} rightSection={<Kbd size="xs">A</Kbd>} disabled={disabled} onClick={() => onDecide('approve')}>
        Same person
      </Button>
      <Button color="red" leftSection={<IconX size={16} />} rightSection={<Kbd size="xs">R</Kbd>} disabled={disabled} onClick={() => onDecide('reject')}>
        Different people
      </Button>
      <Button variant="default" leftSection={<IconPlayerSkipForward size={16} />} rightSection={<Kbd size="xs">S</Kbd>} disabled={disabled} onClick={() => onDecide('skip')}>
        Skip
      </Button>
      <Button variant="subtle" leftSection={<IconArrowBackUp size={16} />} rightSection={<Kbd size="xs">U</Kbd>} onClick={onUndo}>
        Undo
      </Button>
      <Group gap={4} ml="auto" c="dimmed" fz="xs" aria-hidden>
        <Kbd size="xs">↑</Kbd><Kbd size="xs">↓</Kbd> move
      </Group>
    </Group>
  )
}
