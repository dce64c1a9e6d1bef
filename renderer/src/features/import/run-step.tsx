import { useState } from 'react'
import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import { jobFraction, useJob } from '../../app/jobs-sync'
import { ErrorAlert } from '../../components/error-alert'
import { readImportReport, toCsv, type ImportReportView } from './import-report'

/** Step 3: the running import, with progress and Cancel; hands the report on when the job is done. */
export function RunStep({ jobId, onDone }: { jobId: string; onDone?: () => void }): React.JSX.Element {
  const api = useApi()
  const job = useJob(jobId)
  if (!job || job.status === 'queued' || job.status === 'running') {
    const fraction = job ? jobFraction(job) : undefined
    return (
      <Stack>
        <Text size="sm">{job?.progress ? `Phase: ${job.progress.phase}` : 'Starting the import…'}</Text>
        <Progress value={(fraction ?? 0) * 100} size="lg" animated striped aria-label="Import progress" />
        <Group>
          <Button variant="default" color="red" onClick={() => void api.invoke('jobs:cancel', { jobId }).catch(() => undefined)}>
            Cancel
          </Button>
          <Text size="xs" c="dimmed">
            Cancelling leaves the workspace as it was before the import.
          </Text>
        </Group>
      </Stack>
    )
  }
  if (job.status !== 'done') {
    return (
      <Stack>
        <ErrorAlert error={new Error(job.error?.message ?? `The import ${job.status === 'cancelled' ? 'was cancelled: nothing was written.' : `ended: ${job.status}.`}`)} title="Import did not finish" />
        {onDone ? <Button onClick={onDone}>Import another file</Button> : null}
      </Stack>
    )
  }
  const report = readImportReport(job.result)
  return report ? <ImportReportPanel report={report} {...(onDone ? { onDone } : {})} /> : <Text>The import finished.</Text>
}

function Count({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }): React.JSX.Element {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {formatNumber(value)}
      </Text>
    </Paper>
  )
}

/** The final report: the three counts, quarantine reasons, and the quarantined rows as a CSV download. */
export function ImportReportPanel({ report, onDone }: { report: ImportReportView; onDone?: () => void }): React.JSX.Element {
  const api = useApi()
  const [error, setError] = useState<unknown>()
  const download = async (): Promise<void> => {
    if (report.importId === null) return
    try {
      const q = await api.invoke('import:quarantine', { importId: report.importId })
      const csv = toCsv([['row', 'reason', ...q.header], ...q.rows.map((r) => [String(r.rowNumber), r.reason, ...r.cells])])
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      const a = document.createElement('a')
      a.href = url
      a.download = `${report.source || 'import'}-quarantine.csv`
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Stack>
      <Title order={4}>Import finished</Title>
      {report.alreadyImported ? (
        <Alert color="blue" title="Already imported">
          This exact file was imported before; nothing changed.
        </Alert>
      ) : null}
      <SimpleGrid cols={4}>
        <Count label="Records imported" value={report.recordsImported} testId="report-records" />
        <Count label="Records updated" value={report.recordsUpdated} testId="report-updated" />
        <Count label="Events imported" value={report.eventsImported} testId="report-events" />
        <Count label="Rows quarantined" value={report.rowsQuarantined} color={report.rowsQuarantined ? 'orange' : undefined} testId="report-quarantined" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {formatNumber(report.rows)} rows read into source “{report.source}” in {formatNumber(Math.round(report.durationMs / 100) / 10)} s.
      </Text>
      {report.recordsFromEvents + report.recordsFromBuyerDetails > 0 ? (
        <Text size="sm" c="dimmed" data-testid="report-from-events">
          The event rows also gave {formatNumber(report.recordsFromEvents)} person records for buyers no record named yet, and kept{' '}
          {formatNumber(report.recordsFromBuyerDetails)} buyers’ new phone numbers, addresses, mailboxes or name spellings as records in their profiles.
        </Text>
      ) : null}
      {report.rowsQuarantined > 0 ? (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Why rows were set aside</Text>
            <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => void download()} disabled={report.importId === null}>
              Download quarantined rows (CSV)
            </Button>
          </Group>
          <Table fz="sm" aria-label="Quarantine reasons">
            <Table.Tbody>
              {Object.entries(report.quarantineReasons).map(([reason, n]) => (
                <Table.Tr key={reason}>
                  <Table.Td>{reason}</Table.Td>
                  <Table.Td ta="right">{formatNumber(n)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ErrorAlert error={error} title="Could not prepare the download" />
        </Paper>
      ) : null}
      {onDone ? (
        <Group>
          <Button onClick={onDone}>Import another file</Button>
        </Group>
      ) : null}
    </Stack>
  )
}
