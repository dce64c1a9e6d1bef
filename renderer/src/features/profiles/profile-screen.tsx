import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core'
import { IconArrowLeft, IconDownload, IconEye, IconTrash } from '@tabler/icons-react'
import type { Out } from '../../../../shared/api/contract'
import { useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import type { ScreenProps } from '../../app/screens'
import { useAppStore } from '../../app/store'
import { useApiQuery } from '../../app/use-query'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { GoldenRecord } from './golden-record'
import { downloadBase64 } from '../exports/download'
import { Identifiers, MergeHistory, ProfileTimeline, Traits } from './profile-sections'
import { SourceRecords } from './source-records'

/** One person: golden record with provenance, identifiers, source records, timeline, traits, segments, history. */
export function ProfileScreen({ param }: ScreenProps): React.JSX.Element {
  const id = Number(param)
  const navigate = useAppStore((s) => s.navigate)
  const valid = Number.isInteger(id) && id > 0
  const q = useApiQuery('profiles:get', { id: valid ? id : 1 }, { scopes: ['profiles', 'records', 'privacy'], enabled: valid })
  if (!valid) return <EmptyState title="No such profile" />
  if (q.error) return <ErrorAlert error={q.error} title="Could not load the profile" />
  if (!q.data) return <Loader aria-label="Loading profile" />
  return <ProfileView p={q.data} onBack={() => navigate({ screen: 'profiles' })} />
}

function ProfileView({ p, onBack }: { p: Out<'profiles:get'>; onBack(): void }): React.JSX.Element {
  const api = useApi()
  const navigate = useAppStore((s) => s.navigate)
  const [revealed, setRevealed] = useState<Out<'profiles:reveal'>>()
  const [error, setError] = useState<unknown>()
  const [forgetOpen, setForgetOpen] = useState(false)
  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    setError(undefined)
    try {
      await fn()
    } catch (e) {
      setError(e)
    }
  }
  const [exporting, setExporting] = useState(false)
  const [notice, setNotice] = useState<React.ReactNode>()
  const subjectExport = async (): Promise<void> => {
    setExporting(true)
    await act(async () => {
      const r = await api.invoke('privacy:subject-export', { profileId: p.id })
      downloadBase64(r.fileName, r.mime, r.base64)
      setNotice(`Subject access export saved as ${r.fileName} (${formatNumber(r.counts.records ?? 0)} records, ${formatNumber(r.counts.events ?? 0)} events).`)
    })
    setExporting(false)
  }
  const onSplit = (profiles: number[]): void => {
    const fresh = profiles.filter((x) => x !== p.id)
    setNotice(fresh.length > 0
      ? <>Split into {fresh.map((x) => <Anchor key={x} component="button" size="sm" onClick={() => navigate({ screen: 'profile', param: String(x) })}>profile #{x}</Anchor>)}.</>
      : 'Split done.')
  }
  const reveal = (): Promise<void> => act(async () => setRevealed(await api.invoke('profiles:reveal', { id: p.id, why: 'profile detail' })))
  const t = p.traits
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component="button" size="sm" onClick={onBack}>
            <Group gap={4}>
              <IconArrowLeft size={14} /> Profiles
            </Group>
          </Anchor>
          <Title order={2} mt={4}>
            {p.displayName ?? `Profile ${p.id}`}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light">Profile #{p.id}</Badge>
            {p.requestedId !== undefined ? <Badge color="orange" variant="light">#{p.requestedId} was merged into this profile</Badge> : null}
            {p.segments.map((s) => (
              <Badge key={s.id} color="grape" variant="light">
                {s.name}
              </Badge>
            ))}
          </Group>
        </div>
        <Group gap="xs">
          <Tooltip label="Shows contact details and raw rows; recorded in the audit log">
            <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void reveal()} disabled={revealed !== undefined}>
              {revealed ? 'Revealed' : 'Reveal'}
            </Button>
          </Tooltip>
          <Tooltip label="Everything held about this person as JSON (a copy of each table stays private to this session); recorded in the audit log">
            <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void subjectExport()}>
              Subject access export
            </Button>
          </Tooltip>
          <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setForgetOpen(true)}>
            Forget this person
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {notice ? <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setNotice(undefined)} closeButtonLabel="Dismiss">{notice}</Alert> : null}
      <SimpleGrid cols={4}>
        <Stat label="Records" value={formatNumber(p.records.length)} />
        <Stat label="Orders" value={formatNumber(typeof t.orderCount === 'number' ? t.orderCount : 0)} />
        <Stat label="Sources" value={formatNumber(new Set(p.records.map((r) => r.source)).size)} />
        <Stat label="Identifiers" value={formatNumber(p.identifiers.length)} />
      </SimpleGrid>
      <Tabs defaultValue="golden">
        <Tabs.List>
          <Tabs.Tab value="golden">Golden record</Tabs.Tab>
          <Tabs.Tab value="identifiers">Identifiers</Tabs.Tab>
          <Tabs.Tab value="records">Source records ({p.records.length})</Tabs.Tab>
          <Tabs.Tab value="timeline">Timeline ({p.timeline.length})</Tabs.Tab>
          <Tabs.Tab value="traits">Traits</Tabs.Tab>
          <Tabs.Tab value="history">Merge history</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p="md" radius="md" mt="sm">
          <Tabs.Panel value="golden">
            <GoldenRecord golden={p.golden} revealed={revealed?.golden} />
          </Tabs.Panel>
          <Tabs.Panel value="identifiers">
            <Identifiers p={p} revealed={revealed} />
          </Tabs.Panel>
          <Tabs.Panel value="records">
            <SourceRecords p={p} revealed={revealed} act={act} onSplit={onSplit} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline">
            <ProfileTimeline p={p} />
          </Tabs.Panel>
          <Tabs.Panel value="traits">
            <Traits p={p} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <MergeHistory p={p} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
      <ForgetModal opened={forgetOpen} onClose={() => setForgetOpen(false)} id={p.id} name={p.displayName ?? `profile ${p.id}`} onDone={onBack} />
    </Stack>
  )
}

function Stat({ label, value }: { label: string; value: string }): React.JSX.Element {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  )
}

function ForgetModal({ opened, onClose, id, name, onDone }: { opened: boolean; onClose(): void; id: number; name: string; onDone(): void }): React.JSX.Element {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const forget = async (): Promise<void> => {
    setBusy(true)
    try {
      await api.invoke('privacy:forget', { target: { profileId: id } })
      onClose()
      onDone()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Forget this person?" centered>
      <Stack>
        <Text size="sm">
          Erases <b>{name}</b>: their records, events and raw rows, and adds them to the suppression list so a later import cannot bring them back. This cannot be undone.
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep
          </Button>
          <Button color="red" loading={busy} onClick={() => void forget()}>
            Forget permanently
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
