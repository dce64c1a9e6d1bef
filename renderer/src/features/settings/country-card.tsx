import { useEffect, useMemo, useState } from 'react'
import { Button, Paper, Select, Stack, Text } from '@mantine/core'
import { errorMessage, useApi } from '../../app/api'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'

/** Common two-letter codes; the analyst's own locale's region is added when missing. Names come from Intl. */
const common = ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PL', 'PT', 'IN', 'JP', 'BR', 'MX', 'ZA']

function countryOptions(current: string | undefined): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(undefined, { type: 'region' })
  const region = new Intl.Locale(navigator.language).maximize().region
  const codes = [...new Set([...common, ...(region ? [region] : []), ...(current ? [current] : [])])]
  return codes.map((c) => ({ value: c, label: `${names.of(c) ?? c} (${c})` })).sort((a, b) => a.label.localeCompare(b.label))
}

/** The country phone numbers without an international prefix are read in on import (the wizard starts from it). */
export function CountryCard(): React.JSX.Element {
  const api = useApi()
  const q = useApiQuery('settings:default-country', {}, { scopes: ['settings'] })
  const [country, setCountry] = useState<string | undefined>()
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | undefined>()
  useEffect(() => {
    if (q.data) setCountry(q.data.country)
  }, [q.data])
  const options = useMemo(() => countryOptions(country), [country])
  const save = async (): Promise<void> => {
    if (!country) return
    try {
      const r = await api.invoke('settings:set-default-country', { country })
      setMsg({ text: `Saved: new imports read national numbers as ${r.country}.` })
    } catch (e) {
      setMsg({ text: errorMessage(e), error: true })
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>Default country</Text>
        <ErrorAlert error={q.error} />
        <Select label="Phones without a country code" searchable data={options} value={country ?? null} allowDeselect={false}
          onChange={(v) => v && setCountry(v)} />
        <Text size="xs" c="dimmed">Used on import when a row has no country column; the import wizard can still override it per file.</Text>
        {msg ? <Text size="sm" c={msg.error ? 'red' : 'teal'} role="status">{msg.text}</Text> : null}
        <Button size="xs" onClick={() => void save()} disabled={!country} style={{ alignSelf: 'flex-start' }}>Save country</Button>
      </Stack>
    </Paper>
  )
}
