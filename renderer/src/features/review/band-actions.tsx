import { useState } from 'react'
import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconChecks, IconX } from '@tabler/icons-react'
import { formatNumber, formatPercent } from '../../app/format'
import type { ScoreBand } from './bands'

/**
 * Bulk approve or reject every pending item of the current band, after a confirmation that says how many
 * items and which probabilities it covers. Presentational: `onDecide` does the call.
 */
export function BandActions({ band, pending, busy, onDecide }: { band: ScoreBand; pending: number; busy: boolean; onDecide(decision: 'approve' | 'reject'): void }): React.JSX.Element {
  const [confirm, setConfirm] = useState<'approve' | 'reject' | undefined>()
  const range = `${formatPercent(band.min)} – ${formatPercent(band.max)}`
  return (
    <>
      <Group gap="xs">
        <Button size="xs" variant="light" color="teal" leftSection={<IconChecks size={14} />} disabled={pending === 0 || busy} onClick={() => setConfirm('approve')}>
          Approve band
        </Button>
        <Button size="xs" variant="light" color="red" leftSection={<IconX size={14} />} disabled={pending === 0 || busy} onClick={() => setConfirm('reject')}>
          Reject band
        </Button>
      </Group>
      <Modal opened={confirm !== undefined} onClose={() => setConfirm(undefined)} title={confirm === 'approve' ? 'Approve the whole band?' : 'Reject the whole band?'} centered>
        <Stack>
          <Text size="sm">
            {confirm === 'approve' ? 'Merge' : 'Keep apart'} the records of <b>{formatNumber(pending)}</b> pending pair(s) with a match probability of {range}.
            Each decision is recorded and can be undone one at a time.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(undefined)}>Cancel</Button>
            <Button
              color={confirm === 'approve' ? 'teal' : 'red'}
              onClick={() => {
                if (confirm) onDecide(confirm)
                setConfirm(undefined)
              }}
            >
              {confirm === 'approve' ? `Approve ${formatNumber(pending)}` : `Reject ${formatNumber(pending)}`}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
