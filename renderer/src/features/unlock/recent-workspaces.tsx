import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { IconDatabase } from '@tabler/icons-react'
import { useApi } from '../../app/api'
import { formatDateTime } from '../../app/format'
import { useAppStore } from '../../app/store'
import { useApiQuery } from '../../app/use-query'

/** Recently opened workspaces; a click opens one (with the remembered key, or asks for the passphrase). */
export function RecentWorkspaces(): React.JSX.Element {
  const api = useApi()
  const recent = useApiQuery('workspace:recent', {}, { scopes: ['workspace'] })
  const items = recent.data ?? []
  const pick = async (ref: (typeof items)[number]): Promise<void> => {
    if (ref.remembered) {
      useAppStore.getState().setStatus(await api.invoke('workspace:open', { file: ref.file }))
      return
    }
    // Point the unlock form at it: opening without a passphrase would fail, so ask for one.
    const s = useAppStore.getState().status
    if (s) useAppStore.getState().setStatus({ ...s, state: 'locked', file: ref.file, remembered: false })
  }
  return (
    <Stack gap="xs">
      <Title order={5} c="dimmed">
        Recent workspaces
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet on this device.
        </Text>
      ) : (
        items.map((r) => (
          <UnstyledButton key={r.file.ref} onClick={() => void pick(r).catch(() => undefined)} disabled={!r.exists} aria-label={`Open ${r.file.name}`}>
            <Paper withBorder p="sm" radius="md" opacity={r.exists ? 1 : 0.5}>
              <Group gap="sm" wrap="nowrap">
                <IconDatabase size={18} />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {r.file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.exists ? formatDateTime(r.lastOpenedAt) : 'File missing'}
                  </Text>
                </div>
                {r.remembered ? (
                  <Badge size="xs" variant="light">
                    remembered
                  </Badge>
                ) : null}
              </Group>
            </Paper>
          </UnstyledButton>
        ))
      )}
    </Stack>
  )
}
