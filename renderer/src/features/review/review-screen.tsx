import { useCallback, useEffect, useState } from 'react'
import { Group, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconGitMerge } from '@tabler/icons-react'
import { useApi, errorMessage } from '../../app/api'
import { formatNumber } from '../../app/format'
import type { ScreenProps } from '../../app/screens'
import { useAppStore } from '../../app/store'
import { useApiQuery } from '../../app/use-query'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { BandActions } from './band-actions'
import { bandById, moveSelection, nextAfter, scoreBands } from './bands'
import { DecisionBar } from './decision-bar'
import { ReviewItem } from './review-item'
import { QueueList } from './queue-list'

type Decision = 'approve' | 'reject' | 'skip'
const pastTense: Record<Decision | 'undo', string> = { approve: 'Approved', reject: 'Rejected', skip: 'Skipped', undo: 'Undid the last decision on' }

/**
 * The merge review queue: the pending pairs of the chosen score band, one pair at a time side by side
 * with its evidence. Keyboard: A approve, R reject, S skip, U undo, ↑/↓ (or ←/→) move. Decisions are
 * saved at once (the engine announces the change and the queue refetches), so a reload shows them.
 */
export function ReviewScreen(_props: ScreenProps): React.JSX.Element {
  const api = useApi()
  const bandId = useAppStore((s) => s.reviewBand)
  const selected = useAppStore((s) => s.reviewSelected)
  const setBand = useAppStore((s) => s.setReviewBand)
  const select = useAppStore((s) => s.setReviewSelected)
  const band = bandById(bandId)
  const list = useApiQuery('review:list', { status: 'pending', band: { min: band.min, max: band.max }, limit: 500 }, { scopes: ['review'] })
  const ids = (list.data?.items ?? []).map((i) => i.id)
  const current = selected !== undefined && ids.includes(selected) ? selected : ids[0]
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ text: string; error?: boolean } | undefined>()

  const decide = useCallback(async (d: Decision) => {
    if (current === undefined || busy) return
    setBusy(true)
    try {
      await api.invoke(`review:${d}`, { id: current })
      select(nextAfter(ids, current))
      setStatus({ text: `${pastTense[d]} pair #${current}.` })
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true })
    } finally {
      setBusy(false)
    }
  }, [api, busy, current, ids, select])

  const undo = useCallback(async () => {
    if (busy) return
    setBusy(true)
    try {
      const r = await api.invoke('review:undo', {})
      if (r.reviewIds[0] !== undefined) select(r.reviewIds[0])
      setStatus({ text: `${pastTense.undo} pair #${r.reviewIds.join(', #')}.` })
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true })
    } finally {
      setBusy(false)
    }
  }, [api, busy, select])

  const decideBand = async (decision: 'approve' | 'reject'): Promise<void> => {
    setBusy(true)
    try {
      const r = await api.invoke('review:decide-band', { min: band.min, max: band.max, decision })
      const n = decision === 'approve' ? r.approved : r.rejected
      setStatus({ text: `${decision === 'approve' ? 'Approved' : 'Rejected'} ${formatNumber(n)} pair(s)${r.conflicts ? `; ${formatNumber(r.conflicts)} left pending (a reject keeps them apart)` : ''}.` })
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true })
    } finally {
      setBusy(false)
    }
  }

  useHotkeys([
    ['a', () => void decide('approve')],
    ['r', () => void decide('reject')],
    ['s', () => void decide('skip')],
    ['u', () => void undo()],
    ['ArrowDown', () => select(moveSelection(ids, current, 1))],
    ['ArrowRight', () => select(moveSelection(ids, current, 1))],
    ['ArrowUp', () => select(moveSelection(ids, current, -1))],
    ['ArrowLeft', () => select(moveSelection(ids, current, -1))],
  ])

  // Keep the selected item in view in the queue list when the keyboard moves it.
  useEffect(() => {
    if (current !== undefined) document.querySelector(`[data-review-id="${current}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const counts = list.data?.counts
  const decided = counts ? counts.approved + counts.rejected + counts.skipped : 0
  const all = counts ? decided + counts.pending : 0
  return (
    <Stack gap="sm" h="calc(100vh - 52px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Title order={2}>Review queue</Title>
          {counts ? (
            <Stack gap={2} w={220}>
              <Progress value={all ? (decided / all) * 100 : 0} size="sm" aria-label="Review progress" />
              <Text size="xs" c="dimmed" data-testid="review-progress">
                {formatNumber(decided)} of {formatNumber(all)} decided · {formatNumber(counts.pending)} pending
              </Text>
            </Stack>
          ) : null}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl size="xs" aria-label="Score band" value={band.id} onChange={setBand} data={scoreBands.map((b) => ({ value: b.id, label: b.label }))} />
          <BandActions band={band} pending={list.data?.total ?? 0} busy={busy} onDecide={(d) => void decideBand(d)} />
        </Group>
      </Group>
      <ErrorAlert error={list.error} title="The review queue could not be loaded" />
      {status ? (
        <Text size="sm" c={status.error ? 'red' : 'dimmed'} role="status" aria-live="polite" data-testid="review-status">{status.text}</Text>
      ) : null}
      {list.data && list.data.items.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconGitMerge size={24} />}
            title={band.id === 'all' ? 'Nothing to review' : 'Nothing to review in this band'}
            text="Pairs the resolver is unsure about appear here after a resolution run. Decisions you made stay recorded; press U to undo the last one."
          />
        </Paper>
      ) : (
        <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <Paper withBorder w={230} p={4} style={{ flexShrink: 0, overflow: 'hidden' }}>
            <QueueList items={list.data?.items ?? []} selected={current} onSelect={select} />
          </Paper>
          <Stack gap="sm" style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
            <DecisionBar disabled={current === undefined || busy} onDecide={(d) => void decide(d)} onUndo={() => void undo()} />
            {current !== undefined ? <ReviewItem id={current} /> : null}
          </Stack>
        </Group>
      )}
    </Stack>
  )
}
