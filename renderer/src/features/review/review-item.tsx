import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { formatPercent } from '../../app/format'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'
import { EvidenceWaterfall } from './evidence-waterfall'
import { probabilityColour } from './queue-list'
import { RecordCompare } from './record-compare'

const weightFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })

/** One review item: loads its detail and shows the records side by side with the evidence. */
export function ReviewItem({ id }: { id: number }): React.JSX.Element {
  const q = useApiQuery('review:get', { id }, { scopes: ['review'] })
  if (q.error) return <ErrorAlert error={q.error} title={`Pair #${id} could not be loaded`} />
  const d = q.data
  if (!d || d.id !== id) return <Loader size="sm" aria-label="Loading the pair" />
  return (
    <Stack gap="sm" aria-label={`Pair ${id}`} data-testid="review-item" data-review-item={id}>
      <Group gap="sm">
        <Title order={4}>Pair #{d.id}</Title>
        <Badge variant="light" color={probabilityColour(d.probability)} size="lg">{formatPercent(d.probability)} match</Badge>
        <Text size="sm" c="dimmed">weight {weightFmt.format(d.weight)} · band {d.band}</Text>
        {d.sameProfile ? <Badge color="gray" variant="outline">already in one profile</Badge> : null}
      </Group>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="sm">
        <RecordCompare detail={d} />
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={4}>Evidence (match weight, bits)</Text>
          <EvidenceWaterfall steps={d.waterfall.steps} finalWeight={d.waterfall.finalWeight} />
        </Paper>
      </SimpleGrid>
    </Stack>
  )
}
