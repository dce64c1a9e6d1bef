import { useEffect, useState } from 'react'
import { Button, NumberInput, Paper, Stack, Text } from '@mantine/core'
import { errorMessage, useApi } from '../../app/api'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'

/** The two match-probability thresholds: above auto-merge pairs merge, between the two they wait for review. */
export function ThresholdsCard(): React.JSX.Element {
  const api = useApi()
  const q = useApiQuery('settings:thresholds', {}, { scopes: ['settings'] })
  const [t, setT] = useState<{ autoMerge: number; review: number } | undefined>()
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | undefined>()
  useEffect(() => {
    if (q.data) setT(q.data)
  }, [q.data])
  const save = async (): Promise<void> => {
    if (!t) return
    try {
      await api.invoke('settings:set-thresholds', t)
      setMsg({ text: 'Saved: they apply from the next resolution run.' })
    } catch (e) {
      setMsg({ text: errorMessage(e), error: true })
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>Match thresholds</Text>
        <ErrorAlert error={q.error} />
        <NumberInput label="Auto-merge at probability ≥" min={0.01} max={1} step={0.05} decimalScale={2} value={t?.autoMerge ?? ''}
          onChange={(v) => t && setT({ ...t, autoMerge: Number(v) })} />
        <NumberInput label="Send to review at probability ≥" min={0.01} max={1} step={0.05} decimalScale={2} value={t?.review ?? ''}
          onChange={(v) => t && setT({ ...t, review: Number(v) })} />
        <Text size="xs" c="dimmed">Pairs between the two wait in the review queue; below review they stay apart.</Text>
        {msg ? <Text size="sm" c={msg.error ? 'red' : 'teal'} role="status">{msg.text}</Text> : null}
        <Button size="xs" onClick={() => void save()} disabled={!t} style={{ alignSelf: 'flex-start' }}>Save thresholds</Button>
      </Stack>
    </Paper>
  )
}
