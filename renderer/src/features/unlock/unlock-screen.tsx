import { useState } from 'react'
import { Anchor, Box, Button, Center, Checkbox, Group, Paper, PasswordInput, Progress, SegmentedControl, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import type { FileRef } from '../../../../shared/api/channels/common'
import { useApi } from '../../app/api'
import { Logo } from '../../app/app-layout'
import { useAppStore } from '../../app/store'
import { ErrorAlert } from '../../components/error-alert'
import { RecentWorkspaces } from './recent-workspaces'
import { passphraseStrength } from './strength'

const strengthColor = ['red', 'red', 'orange', 'teal', 'green'] as const

/**
 * Unlock or create a workspace. Locked: one passphrase field for the workspace shown. Otherwise: create a
 * new workspace or open another (native dialog in the app; a typed path in the browser, which has none).
 */
export function UnlockScreen(): React.JSX.Element {
  const status = useAppStore((s) => s.status)
  const [mode, setMode] = useState<'unlock' | 'create' | 'open'>(status?.state === 'locked' ? 'unlock' : 'create')
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <Paper withBorder shadow="sm" radius="md" p="xl" w={440}>
          <Stack gap="md">
            <Group gap="sm">
              <Logo size={32} />
              <div>
                <Title order={2}>Tessera</Title>
                <Text size="sm" c="dimmed">
                  Your customer data, unified on this computer.
                </Text>
              </div>
            </Group>
            <SegmentedControl
              fullWidth
              value={mode}
              onChange={(v) => setMode(v as typeof mode)}
              aria-label="What to do"
              data={[
                ...(status?.state === 'locked' ? [{ value: 'unlock', label: 'Unlock' }] : []),
                { value: 'create', label: 'New workspace' },
                { value: 'open', label: 'Open another' },
              ]}
            />
            {mode === 'unlock' ? <UnlockForm /> : <FileForm key={mode} mode={mode} />}
          </Stack>
        </Paper>
        <Box w={320} visibleFrom="md">
          <RecentWorkspaces />
        </Box>
      </Group>
    </Center>
  )
}

function RememberOption({ value, onChange }: { value: boolean; onChange(v: boolean): void }): React.JSX.Element {
  const canRemember = useAppStore((s) => s.status?.canRemember ?? false)
  const box = (
    <Checkbox
      label="Remember on this device"
      description={canRemember ? 'Keeps the key in your OS keychain: unlock without typing.' : 'Only in the desktop app: a browser has no OS keychain to keep the key safe.'}
      checked={canRemember && value}
      disabled={!canRemember}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  )
  return box
}

function UnlockForm(): React.JSX.Element {
  const api = useApi()
  const status = useAppStore((s) => s.status)
  const [passphrase, setPassphrase] = useState('')
  const [remember, setRemember] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const submit = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      const next = await api.invoke('workspace:unlock', status?.remembered && !passphrase ? {} : { passphrase, remember })
      useAppStore.getState().setStatus(next)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Stack gap="sm">
        <Group gap={6}>
          <IconLock size={16} />
          <Text size="sm">
            <b>{status?.file?.name ?? 'Workspace'}</b> is locked.
          </Text>
        </Group>
        <PasswordInput label="Passphrase" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} placeholder={status?.remembered ? 'Remembered on this device: leave empty' : ''} />
        {status?.remembered ? null : <RememberOption value={remember} onChange={setRemember} />}
        <ErrorAlert error={error} title="Could not unlock" />
        <Button type="submit" loading={busy} disabled={!passphrase && !status?.remembered}>
          Unlock
        </Button>
      </Stack>
    </form>
  )
}

function FileForm({ mode }: { mode: 'create' | 'open' }): React.JSX.Element {
  const api = useApi()
  const [path, setPath] = useState(mode === 'create' ? 'Tessera/workspace.tessera' : '')
  const [chosen, setChosen] = useState<FileRef | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [remember, setRemember] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [noDialog, setNoDialog] = useState(api.shell === 'bridge')
  const strength = passphraseStrength(passphrase)
  const mismatch = mode === 'create' && repeat.length > 0 && repeat !== passphrase

  const choose = async (): Promise<void> => {
    const r = await api.invoke('files:choose', { purpose: mode === 'create' ? 'workspace-create' : 'workspace-open' })
    if (!r.supported) setNoDialog(true)
    else if (r.file) setChosen(r.file)
  }
  const submit = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      const file = chosen ?? (await api.invoke('files:from-path', { path, purpose: mode === 'create' ? 'workspace-create' : 'workspace-open' })).file
      const next = mode === 'create' ? await api.invoke('workspace:create', { file, passphrase, remember }) : await api.invoke('workspace:open', { file, passphrase, remember })
      useAppStore.getState().setStatus(next)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const ready = (chosen !== null || path.trim().length > 0) && passphrase.length >= (mode === 'create' ? 8 : 1) && !mismatch && (mode === 'open' || repeat === passphrase)
  return (
    <form onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Stack gap="sm">
        {noDialog ? (
          <TextInput
            label="Workspace file"
            description="A path in your home folder (the browser cannot show a file dialog)."
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            spellCheck={false}
          />
        ) : (
          <Group justify="space-between">
            <Text size="sm">{chosen ? chosen.name : 'No file chosen'}</Text>
            <Button variant="default" onClick={() => void choose()}>
              {mode === 'create' ? 'Choose location…' : 'Choose file…'}
            </Button>
          </Group>
        )}
        <PasswordInput label="Passphrase" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} />
        {mode === 'create' ? (
          <>
            <Tooltip label={`About ${strength.bits} bits`} disabled={strength.bits === 0} position="right">
              <Box>
                <Progress value={(strength.score / 4) * 100} color={strengthColor[strength.score]} size="sm" aria-label="Passphrase strength" />
                <Text size="xs" c="dimmed" mt={4}>
                  Strength: {strength.label}. A few unrelated words make a passphrase that is strong and easy to remember. It cannot be recovered if lost.
                </Text>
              </Box>
            </Tooltip>
            <PasswordInput label="Repeat passphrase" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={mismatch ? 'The two passphrases differ' : undefined} />
          </>
        ) : null}
        <RememberOption value={remember} onChange={setRemember} />
        <ErrorAlert error={error} title={mode === 'create' ? 'Could not create the workspace' : 'Could not open the workspace'} />
        <Button type="submit" loading={busy} disabled={!ready}>
          {mode === 'create' ? 'Create encrypted workspace' : 'Open'}
        </Button>
        {noDialog && api.shell === 'electron' ? (
          <Anchor size="xs" component="button" type="button" onClick={() => setNoDialog(false)}>
            Use the file dialog instead
          </Anchor>
        ) : null}
      </Stack>
    </form>
  )
}
