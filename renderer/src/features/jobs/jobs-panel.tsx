import { ActionIcon, Badge, Button, Drawer, Group, Indicator, Paper, Progress, RingProgress, Stack, Text, Tooltip } from '@mantine/core'
import { IconListCheck, IconX } from '@tabler/icons-react'
import { useShallow } from 'zustand/react/shallow'
import type { JobView } from '../../../../shared/api/channels'
import { useApi } from '../../app/api'
import { formatDateTime, formatNumber, formatPercent } from '../../app/format'
import { jobFraction } from '../../app/jobs-sync'
import { useAppStore } from '../../app/store'
import { EmptyState } from '../../components/empty-state'

const active = (j: JobView): boolean => j.status === 'running' || j.status === 'queued'

const statusColor: Record<JobView['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
  cancelled: 'orange',
  interrupted: 'orange',
}

/** Header button: how many jobs run, with overall progress; opens the panel. Visible on every screen. */
export function JobsIndicator(): React.JSX.Element {
  const running = useAppStore(useShallow((s) => s.jobs.filter(active)))
  const open = useAppStore((s) => s.setJobsPanelOpen)
  const first = running[0]
  const fraction = first ? jobFraction(first) : undefined
  return (
    <Tooltip label={running.length ? `${running.length} job(s) running` : 'Jobs'}>
      {running.length ? (
        <Button variant="light" size="compact-sm" onClick={() => open(true)} aria-label={`Jobs: ${running.length} running`}
          leftSection={<RingProgress size={22} thickness={3} sections={[{ value: (fraction ?? 0) * 100, color: 'tessera' }]} />}>
          {first ? `${first.kind} ${fraction === undefined ? '' : formatPercent(fraction)}` : ''}
        </Button>
      ) : (
        <Indicator disabled size={8}>
          <ActionIcon variant="subtle" size="lg" aria-label="Jobs" onClick={() => open(true)}>
            <IconListCheck size={18} />
          </ActionIcon>
        </Indicator>
      )}
    </Tooltip>
  )
}

/** The jobs drawer: running jobs with progress and Cancel, then recent ones with their outcome. */
export function JobsPanel(): React.JSX.Element {
  const opened = useAppStore((s) => s.jobsPanelOpen)
  const setOpen = useAppStore((s) => s.setJobsPanelOpen)
  const jobs = useAppStore((s) => s.jobs)
  return (
    <Drawer opened={opened} onClose={() => setOpen(false)} position="right" size={380} title="Jobs" aria-label="Jobs panel">
      {jobs.length === 0 ? (
        <EmptyState title="No jobs yet" text="Imports, resolution runs and exports show here with their progress." />
      ) : (
        <Stack gap="xs">
          {jobs.map((j) => (
            <JobCard key={j.id} job={j} />
          ))}
        </Stack>
      )}
    </Drawer>
  )
}

/** One job: kind, status, phase and progress; Cancel while it runs. */
export function JobCard({ job }: { job: JobView }): React.JSX.Element {
  const api = useApi()
  const fraction = jobFraction(job)
  const p = job.progress
  return (
    <Paper withBorder p="sm" radius="md" data-testid="job-card">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600} size="sm" tt="capitalize">
            {job.kind}
          </Text>
          <Badge size="xs" color={statusColor[job.status]} variant="light">
            {job.status}
          </Badge>
        </Group>
        {active(job) ? (
          <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconX size={12} />} onClick={() => void api.invoke('jobs:cancel', { jobId: job.id }).catch(() => undefined)}>
            Cancel
          </Button>
        ) : null}
      </Group>
      {active(job) ? (
        <>
          <Progress value={(fraction ?? 0) * 100} animated={fraction === undefined} striped={fraction === undefined} mt={6} aria-label={`${job.kind} progress`} />
          <Text size="xs" c="dimmed" mt={4}>
            {p ? `${p.phase}: ${formatNumber(p.done)}${p.total !== null ? ` of ${formatNumber(p.total)}` : ''}` : 'Waiting to start'}
          </Text>
        </>
      ) : (
        <Text size="xs" c={job.error ? 'red' : 'dimmed'} mt={4}>
          {job.error ? job.error.message : `Finished ${formatDateTime(job.finishedAt)}`}
        </Text>
      )}
    </Paper>
  )
}
