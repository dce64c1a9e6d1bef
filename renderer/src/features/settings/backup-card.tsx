import { useState } from 'react'
import { Button, Paper, Stack, Text, TextInput } from '@mantine/core'
import { IconDatabaseExport } from '@tabler/icons-react'
import { errorMessage, useApi } from '../../app/api'

/**
 * Backup: an encrypted single-file copy of the workspace, written by a background job (see Jobs). In the
 * app the native save dialog picks the file; in a browser the analyst types a path on this machine.
 * Restoring is done from the command line (`cdp restore`) while no app has the workspace open.
 */
export function BackupCard(): React.JSX.Element {
  const api = useApi()
  const [path, setPath] = useState('')
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | undefined>()
  const start = async (): Promise<void> => {
    try {
      let file: { ref: string; name: string } | null
      if (api.shell === 'electron') file = (await api.invoke('files:choose', { purpose: 'backup', suggestedName: 'workspace-backup.tessera' })).file
      else file = (await api.invoke('files:from-path', { path: path.trim(), purpose: 'backup' })).file
      if (!file) return
      await api.invoke('workspace:backup-start', { file })
      setMsg({ text: `Backing up to ${file.name}: follow it in Jobs.` })
    } catch (e) {
      setMsg({ text: errorMessage(e), error: true })
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>Backup</Text>
        <Text size="xs" c="dimmed">An encrypted copy, verified before it is kept. Restore with <code>cdp restore</code> while the workspace is closed.</Text>
        {api.shell === 'bridge' ? (
          <TextInput size="xs" label="Backup file (path on this machine)" placeholder="~/Backups/workspace.tessera" value={path} onChange={(e) => setPath(e.currentTarget.value)} />
        ) : null}
        {msg ? <Text size="sm" c={msg.error ? 'red' : 'teal'} role="status">{msg.text}</Text> : null}
        <Button size="xs" leftSection={<IconDatabaseExport size={14} />} disabled={api.shell === 'bridge' && path.trim() === ''} onClick={() => void start()} style={{ alignSelf: 'flex-start' }}>
          Back up now
        </Button>
      </Stack>
    </Paper>
  )
}
