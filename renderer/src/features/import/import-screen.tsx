import { useCallback, useEffect, useState } from 'react'
import { Badge, Button, Group, Loader, Paper, Select, Stack, Stepper, Tabs, Text, TextInput, Title } from '@mantine/core'
import type { FileRef } from '../../../../shared/api/channels/common'
import type { ImportMapping, InspectView } from '../../../../shared/api/channels/import'
import { useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import { refreshJobs } from '../../app/jobs-sync'
import type { ScreenProps } from '../../app/screens'
import { useAppStore } from '../../app/store'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'
import { ColumnMapping } from './column-mapping'
import { FileStep } from './file-step'
import { FilePreview, NormalisationPreview } from './preview-tables'
import { RunStep } from './run-step'

const baseName = (name: string): string => name.replace(/\.[^.]+$/, '')

/** The import wizard: file → preview and mapping → run with progress → report. */
export function ImportScreen(_props: ScreenProps): React.JSX.Element {
  const pending = useAppStore((s) => s.pendingImport)
  const [file, setFile] = useState<FileRef | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  // A file dropped on the window (desktop app) starts the wizard at the mapping step.
  useEffect(() => {
    if (!pending) return
    setFile(pending)
    setJobId(null)
    useAppStore.getState().setPendingImport(null)
  }, [pending])
  const step = jobId ? 2 : file ? 1 : 0
  const reset = useCallback(() => {
    setFile(null)
    setJobId(null)
  }, [])
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={2}>Import</Title>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="File" description={file ? file.name : 'Drop or choose'} />
        <Stepper.Step label="Preview and mapping" description="Check the columns" />
        <Stepper.Step label="Run and report" description="Import into the workspace" />
      </Stepper>
      {step === 0 ? <FileStep onChosen={setFile} /> : null}
      {step === 1 && file ? <MappingStep file={file} onBack={reset} onStarted={setJobId} /> : null}
      {step === 2 && jobId ? <RunStep jobId={jobId} onDone={reset} /> : null}
    </Stack>
  )
}

function MappingStep({ file, onBack, onStarted }: { file: FileRef; onBack(): void; onStarted(jobId: string): void }): React.JSX.Element {
  const api = useApi()
  const presets = useApiQuery('import:presets', {})
  const [source, setSource] = useState(baseName(file.name))
  const [preset, setPreset] = useState<string | null>(null)
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined)
  const [sheet, setSheet] = useState<string | null>(null)
  // Blank means the workspace's default country (Settings); the engine falls back to it.
  const workspaceCountry = useApiQuery('settings:default-country', {})
  const [country, setCountry] = useState('')
  const countryOk = country === '' || /^[A-Za-z]{2}$/.test(country)
  const extra = { ...(sheet ? { sheet } : {}), ...(country !== '' && countryOk ? { defaultCountry: country.toUpperCase() } : {}) }
  const [inspect, setInspect] = useState<InspectView | undefined>()
  const [error, setError] = useState<unknown>()
  const [starting, setStarting] = useState(false)
  const key = JSON.stringify([file.ref, preset, mapping, extra])

  useEffect(() => {
    let alive = true
    setError(undefined)
    api
      .invoke('import:inspect', { file, ...extra, ...(preset ? { preset } : {}), ...(mapping ? { mapping } : {}) })
      .then((r) => alive && setInspect(r))
      .catch((e: unknown) => alive && setError(e))
    return () => {
      alive = false
    }
    // `key` stands for file, preset and mapping.
  }, [api, key])

  const onColumn = useCallback(
    (column: string, target: string) => {
      if (!inspect) return
      const base = mapping ?? inspect.mapping
      setMapping({ ...base, columns: { ...base.columns, [column]: target } })
    },
    [inspect, mapping],
  )

  const start = async (): Promise<void> => {
    if (!inspect) return
    setStarting(true)
    setError(undefined)
    try {
      const { jobId } = await api.invoke('import:start', { file, ...extra, source: source.trim() || baseName(file.name), mapping: mapping ?? inspect.mapping })
      await refreshJobs().catch(() => undefined)
      onStarted(jobId)
    } catch (e) {
      setError(e)
    } finally {
      setStarting(false)
    }
  }

  if (!inspect) return error ? <ErrorAlert error={error} title="Could not read the file" /> : <Loader aria-label="Reading the file" />
  const r = inspect.reader
  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <TextInput label="Source name" description="Imports with the same source update each other" value={source} onChange={(e) => setSource(e.currentTarget.value)} w={240} />
            <Select
              label="Preset"
              description={inspect.preset ? `Detected: ${inspect.preset.label}` : 'None detected: columns were guessed'}
              data={(presets.data ?? []).map((p) => ({ value: p.id, label: p.label }))}
              value={preset ?? inspect.preset?.id ?? null}
              onChange={(v) => {
                setPreset(v)
                setMapping(undefined)
              }}
              placeholder="Guess from the columns"
              clearable
              w={260}
            />
            {r.sheets && r.sheets.length > 1 ? (
              <Select label="Sheet" description="This workbook has several" data={r.sheets} value={sheet ?? r.sheet ?? null} onChange={(v) => { setSheet(v); setMapping(undefined) }} w={180} allowDeselect={false} />
            ) : null}
            <TextInput label="Default country" description="For phones without +code" placeholder={workspaceCountry.data?.country ?? 'US'} value={country} onChange={(e) => setCountry(e.currentTarget.value)} w={130} maxLength={2} error={countryOk ? undefined : 'Two letters, e.g. GB'} />
          </Group>
          <Group gap="xs">
            <Badge variant="light">{r.format.toUpperCase()}</Badge>
            {r.encoding ? <Badge variant="light">{r.encoding}</Badge> : null}
            {r.delimiter ? <Badge variant="light">delimiter {r.delimiter === '\t' ? 'tab' : r.delimiter}</Badge> : null}
            <Badge variant="light" color="gray" data-testid="mapping-origin">
              mapping: {inspect.mappingOrigin}
            </Badge>
            <Badge variant="light" color="gray">
              {inspect.mapping.kind === 'event' ? `events (${inspect.mapping.eventType ?? 'event'})` : 'people'}
            </Badge>
          </Group>
        </Group>
      </Paper>
      <Tabs defaultValue="mapping" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="mapping">Column mapping ({inspect.columns.length})</Tabs.Tab>
          <Tabs.Tab value="file">File preview</Tabs.Tab>
          <Tabs.Tab value="normalised">Normalisation preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mapping" pt="sm">
          <ColumnMapping columns={inspect.columns} mapping={(mapping ?? inspect.mapping).columns} onChange={onColumn} />
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="sm">
          <FilePreview inspect={inspect} />
        </Tabs.Panel>
        <Tabs.Panel value="normalised" pt="sm">
          <NormalisationPreview inspect={inspect} />
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed">
        Profiled from the first {formatNumber(inspect.sampled)} rows. Every row is kept: rows that cannot be used are quarantined with a reason.
      </Text>
      <ErrorAlert error={error} />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Choose another file
        </Button>
        <Button onClick={() => void start()} loading={starting}>
          Import {file.name}
        </Button>
      </Group>
    </Stack>
  )
}
