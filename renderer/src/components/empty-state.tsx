import type { ReactNode } from 'react'
import { Stack, Text, ThemeIcon } from '@mantine/core'
import { IconInbox } from '@tabler/icons-react'

/** What a screen or panel shows when there is nothing yet: what it is for and how to fill it. */
export function EmptyState({ title, text, action, icon }: { title: string; text?: string; action?: ReactNode; icon?: ReactNode }): React.JSX.Element {
  return (
    <Stack align="center" gap={6} py="xl" role="status">
      <ThemeIcon variant="light" size={44} radius="xl" color="gray">
        {icon ?? <IconInbox size={24} />}
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      {text ? (
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          {text}
        </Text>
      ) : null}
      {action}
    </Stack>
  )
}
