import { useState } from 'react'
import { Button, NumberInput, Paper, PasswordInput, Stack, Text } from '@mantine/core'
import { errorMessage, useApi } from '../../app/api'
import { useAppStore } from '../../app/store'

/** Changes the workspace passphrase (the engine re-keys the file; refused while jobs run). */
export function PassphraseCard(): React.JSX.Element {
  const api = useApi()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | undefined>()
  const mismatch = repeat !== '' && repeat !== next
  const change = async (): Promise<void> => {
    try {
      await api.invoke('workspace:change-passphrase', { current, next })
      setCurrent(''); setNext(''); setRepeat('')
      setMsg({ text: 'Passphrase changed.' })
    } catch (e) {
      setMsg({ text: errorMessage(e), error: true })
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>Passphrase</Text>
        <PasswordInput size="xs" label="Current passphrase" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} autoComplete="current-password" />
        <PasswordInput size="xs" label="New passphrase" description="At least 8 characters; a few random words are best." value={next} onChange={(e) => setNext(e.currentTarget.value)} autoComplete="new-password" />
        <PasswordInput size="xs" label="Repeat new passphrase" value={repeat} error={mismatch ? 'Does not match' : undefined} onChange={(e) => setRepeat(e.currentTarget.value)} autoComplete="new-password" />
        {msg ? <Text size="sm" c={msg.error ? 'red' : 'teal'} role="status">{msg.text}</Text> : null}
        <Button size="xs" disabled={!current || next.length < 8 || next !== repeat} onClick={() => void change()} style={{ alignSelf: 'flex-start' }}>Change passphrase</Button>
      </Stack>
    </Paper>
  )
}

/** Minutes of inactivity before the workspace locks itself (0 = never). */
export function AutoLockCard(): React.JSX.Element {
  const api = useApi()
  const current = useAppStore((s) => s.status?.autoLockMinutes)
  const setStatus = useAppStore((s) => s.setStatus)
  const [minutes, setMinutes] = useState<number | undefined>()
  const [msg, setMsg] = useState<string | undefined>()
  const value = minutes ?? current ?? 15
  const save = async (): Promise<void> => {
    try {
      setStatus(await api.invoke('workspace:set-auto-lock', { minutes: value }))
      setMsg(value === 0 ? 'The workspace will not lock by itself.' : `Locks after ${value} idle minute(s).`)
    } catch (e) {
      setMsg(errorMessage(e))
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>Auto-lock</Text>
        <NumberInput size="xs" label="Lock after idle minutes" description="0 never locks. A running job counts as activity." min={0} max={1440} value={value}
          onChange={(v) => setMinutes(Math.max(0, Math.round(Number(v) || 0)))} />
        {msg ? <Text size="sm" c="dimmed" role="status">{msg}</Text> : null}
        <Button size="xs" onClick={() => void save()} style={{ alignSelf: 'flex-start' }}>Save auto-lock</Button>
      </Stack>
    </Paper>
  )
}
