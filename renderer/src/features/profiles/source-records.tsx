import { useState } from 'react'
import { Button, Checkbox, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core'
import { IconArrowsSplit, IconUnlink } from '@tabler/icons-react'
import type { Out } from '../../../../shared/api/contract'
import { useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import { ErrorAlert } from '../../components/error-alert'
import { RawRow } from './profile-sections'

type Detail = Out<'profiles:get'>

interface SourceRecordsProps {
  p: Detail
  revealed: Out<'profiles:reveal'> | undefined
  /** Runs an action, showing its error in the profile's error area. */
  act(fn: () => Promise<unknown>): Promise<void>
  /** After a split: the new profile's id, to offer a way there. */
  onSplit(newProfiles: number[]): void
}

/**
 * The profile's source records with their raw rows; tick records to split them out into a new profile
 * (with a reason for the audit log), or remove one record on its own. A split must leave at least one
 * record behind, so ticking every record disables it.
 */
export function SourceRecords({ p, revealed, act, onSplit }: SourceRecordsProps): React.JSX.Element {
  const client = useApi()
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set())
  const [splitOpen, setSplitOpen] = useState(false)
  const toggle = (id: number, on: boolean): void => {
    const next = new Set(picked)
    if (on) next.add(id)
    else next.delete(id)
    setPicked(next)
  }
  const canSplit = picked.size > 0 && picked.size < p.records.length
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {picked.size === 0 ? 'Tick records that belong to someone else to split them into a new profile.' : `${formatNumber(picked.size)} of ${formatNumber(p.records.length)} records selected`}
        </Text>
        <Button size="xs" variant="light" color="orange" leftSection={<IconArrowsSplit size={14} />} disabled={!canSplit} onClick={() => setSplitOpen(true)}>
          Split into new profile
        </Button>
      </Group>
      {p.records.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" mb={6}>
            <Checkbox
              checked={picked.has(r.id)}
              onChange={(e) => toggle(r.id, e.currentTarget.checked)}
              aria-label={`Select record ${r.id} from ${r.source}`}
              label={
                <Text size="sm" span>
                  <b>{r.source}</b> record #{r.id}
                  {r.sourceKey ? ` (id ${r.sourceKey})` : ''}, import #{r.importId} row {r.rowNumber}
                  {r.detailOf !== null ? ` — billing details of record #${r.detailOf}'s order` : ''}
                </Text>
              }
            />
            <Button size="compact-xs" variant="subtle" color="orange" leftSection={<IconUnlink size={12} />} disabled={p.records.length < 2}
              onClick={() => void act(() => client.invoke('profiles:remove-record', { recordId: r.id, reason: 'removed in profile detail' }))}>
              Remove from profile
            </Button>
          </Group>
          <RawRow raw={revealed?.rawRows.find((x) => x.recordId === r.id)} />
        </Paper>
      ))}
      <SplitModal opened={splitOpen} onClose={() => setSplitOpen(false)} profileId={p.id} records={[...picked]}
        onDone={(profiles) => { setPicked(new Set()); setSplitOpen(false); onSplit(profiles) }} />
    </Stack>
  )
}

function SplitModal({ opened, onClose, profileId, records, onDone }: {
  opened: boolean; onClose(): void; profileId: number; records: number[]; onDone(profiles: number[]): void
}): React.JSX.Element {
  const client = useApi()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const split = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      const r = await client.invoke('profiles:split', { id: profileId, records, ...(reason.trim() ? { reason: reason.trim() } : {}) })
      setReason('')
      onDone(r.profiles)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Split into a new profile" centered>
      <Stack>
        <Text size="sm">
          Moves {records.length === 1 ? 'record' : 'records'} {records.map((r) => `#${r}`).join(', ')} into a new profile. Automatic matching will not join them back.
        </Text>
        <Textarea label="Reason (kept in the merge history and audit log)" placeholder="e.g. different person sharing a family inbox" maxLength={500}
          autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="orange" loading={busy} onClick={() => void split()}>Split</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
