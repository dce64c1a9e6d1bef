import { useState } from 'react'
import { Alert, Badge, Button, Code, Group, MultiSelect, Paper, Radio, Select, SimpleGrid, Stack, Stepper, Switch, Text } from '@mantine/core'
import { IconCheck, IconDownload } from '@tabler/icons-react'
import type { ExportPresetView } from '../../../../shared/api/channels/exports'
import { errorMessage, useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'
import { downloadBase64 } from './download'
import { ExportPreviewPanel } from './exclusions'
import { runExportJob, type ExportJobResult } from './run-export-job'

interface Choice {
  segment: string | null
  preset: string | null
  hashed: boolean
  columns: string[]
}

/**
 * The export wizard: segment → destination preset → columns and hashing → consent/suppression preview →
 * save. In the app the file goes where the native save dialog says; in a browser the bridge writes it to
 * its private folder and the page downloads it.
 */
export function ExportWizard(): React.JSX.Element {
  const api = useApi()
  const [step, setStep] = useState(0)
  const [c, setC] = useState<Choice>({ segment: null, preset: null, hashed: true, columns: [] })
  const [result, setResult] = useState<ExportJobResult | undefined>()
  const [writing, setWriting] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const segments = useApiQuery('segments:list', {}, { scopes: ['segments'] })
  const presets = useApiQuery('exports:presets', {})
  const columns = useApiQuery('exports:columns', {})
  const preset = presets.data?.find((p) => p.id === c.preset)
  const generic = preset?.columns === null
  const request = {
    segment: c.segment ?? '', preset: c.preset ?? '', hashed: Boolean(preset?.hashable && c.hashed),
    ...(generic && c.columns.length ? { columns: c.columns } : {}),
  }
  const preview = useApiQuery('exports:preview', request, { enabled: step >= 3 && Boolean(c.segment && c.preset), scopes: ['profiles', 'privacy', 'segments'] })

  const save = async (): Promise<void> => {
    setError(undefined)
    try {
      let file: { ref: string; name: string } | undefined
      if (api.shell === 'electron') {
        const chosen = await api.invoke('files:choose', { purpose: 'export', suggestedName: `${c.segment ?? 'export'}.${preset?.format ?? 'csv'}` })
        if (!chosen.file) return
        file = chosen.file
      }
      setWriting(true)
      const r = await runExportJob(api, { ...request, ...(file ? { file } : {}) })
      setResult(r)
      if (!file) {
        const d = await api.invoke('exports:download', { exportId: r.exportId })
        downloadBase64(d.fileName, d.mime, d.base64)
      }
      setStep(5)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setWriting(false)
    }
  }

  const canNext = [Boolean(c.segment), Boolean(c.preset), true, Boolean(preview.data && preview.data.included > 0)][step] ?? false
  return (
    <Paper withBorder p="md">
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Segment" description={c.segment ?? 'Who'}>
          <ErrorAlert error={segments.error} />
          {segments.data && segments.data.length === 0 ? <Text c="dimmed">Save a segment first (Segments screen).</Text> : null}
          <Select label="Segment to export" placeholder="Choose a saved segment" searchable maw={420} value={c.segment}
            data={(segments.data ?? []).map((s) => ({ value: s.name, label: `${s.name} · ${formatNumber(s.count)} profiles` }))}
            onChange={(segment) => setC({ ...c, segment })} />
        </Stepper.Step>
        <Stepper.Step label="Destination" description={preset?.label ?? 'Where'}>
          <ErrorAlert error={presets.error} />
          <Radio.Group value={c.preset} onChange={(p) => setC({ ...c, preset: p, columns: [] })} label="Destination preset">
            <SimpleGrid cols={3} mt="xs">
              {(presets.data ?? []).map((p) => <PresetCard key={p.id} preset={p} />)}
            </SimpleGrid>
          </Radio.Group>
        </Stepper.Step>
        <Stepper.Step label="Columns" description={preset?.hashable && c.hashed ? 'hashed' : 'plain'}>
          {generic ? (
            <MultiSelect label="Columns" description="Leave empty for the default columns" searchable maw={640} value={c.columns}
              placeholder={(columns.data?.defaults ?? []).join(', ')} data={columns.data?.available ?? []} onChange={(cols) => setC({ ...c, columns: cols })} />
          ) : (
            <Stack gap={4}>
              <Text size="sm">{preset?.label} takes a fixed header:</Text>
              <Code>{(preset?.columns ?? []).join(', ')}</Code>
            </Stack>
          )}
          {preset?.hashable ? (
            <Switch mt="md" checked={c.hashed} onChange={(e) => setC({ ...c, hashed: e.currentTarget.checked })}
              label="Hash identifiers (SHA-256 of the normalised value)" description="The platform matches hashed values; the file then holds no readable emails or phones." />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label="Preview" description="Consent and suppression">
          <ErrorAlert error={preview.error} title="The preview failed" />
          {preview.data ? <ExportPreviewPanel preview={preview.data} /> : <Text c="dimmed" size="sm">Checking consent and suppression…</Text>}
        </Stepper.Step>
        <Stepper.Step label="Save" description="Write the file">
          <Text size="sm" mb="sm">
            {formatNumber(preview.data?.included ?? 0)} profiles go into a {preset?.format.toUpperCase()} file for {preset?.label}. The file is written in the background
            (see Jobs) and logged with its SHA-256.
          </Text>
          {error ? <Alert color="red" role="alert">{error}</Alert> : null}
          <Button leftSection={<IconDownload size={16} />} loading={writing} onClick={() => void save()}>{api.shell === 'electron' ? 'Save file…' : 'Save and download'}</Button>
        </Stepper.Step>
        <Stepper.Completed>
          {result ? (
            <Alert color="teal" icon={<IconCheck size={16} />} title="Export written" data-testid="export-result">
              <Text size="sm">{result.fileName}: {formatNumber(result.included)} rows.</Text>
              <Text size="xs" ff="monospace" data-testid="export-sha">SHA-256 {result.sha256}</Text>
            </Alert>
          ) : null}
          <Button mt="sm" variant="default" onClick={() => { setStep(0); setResult(undefined) }}>New export</Button>
        </Stepper.Completed>
      </Stepper>
      {step < 4 ? (
        <Group justify="flex-end" mt="md">
          {step > 0 ? <Button variant="default" onClick={() => setStep(step - 1)}>Back</Button> : null}
          <Button disabled={!canNext} onClick={() => setStep(step + 1)}>Next</Button>
        </Group>
      ) : null}
    </Paper>
  )
}

function PresetCard({ preset }: { preset: ExportPresetView }): React.JSX.Element {
  return (
    <Radio.Card value={preset.id} p="sm" radius="md" aria-label={preset.label}>
      <Group wrap="nowrap" align="flex-start" gap="xs">
        <Radio.Indicator />
        <Stack gap={2}>
          <Text fw={600} size="sm">{preset.label}</Text>
          <Group gap={4}>
            <Badge size="xs" variant="light">{preset.format}</Badge>
            {preset.hashable ? <Badge size="xs" variant="light" color="grape">hashable</Badge> : null}
            {preset.consent.map((ch) => <Badge key={ch} size="xs" variant="outline" color="gray">{ch} consent</Badge>)}
          </Group>
        </Stack>
      </Group>
    </Radio.Card>
  )
}
