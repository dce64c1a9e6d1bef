import { useState } from 'react'
import { Alert, Button, Code, Group, Paper, ScrollArea, Table, Text, TextInput } from '@mantine/core'
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react'
import type { Out } from '../../../../shared/api/contract'
import { errorMessage, useApi } from '../../app/api'
import { formatDateTime, formatNumber } from '../../app/format'
import { useApiQuery } from '../../app/use-query'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'

/** The hash-chained audit log, newest first, filterable by action, with a button that re-verifies the chain. */
export function AuditLog(): React.JSX.Element {
  const api = useApi()
  const [action, setAction] = useState('')
  const q = useApiQuery('audit:list', { limit: 200, ...(action.trim() ? { action: action.trim() } : {}) }, { scopes: ['review', 'exports', 'privacy', 'profiles', 'segments', 'settings'] })
  const [verify, setVerify] = useState<Out<'audit:verify'> | string | undefined>()
  const run = async (): Promise<void> => {
    try {
      setVerify(await api.invoke('audit:verify', {}))
    } catch (e) {
      setVerify(errorMessage(e))
    }
  }
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Audit log</Text>
        <Group gap="xs">
          <TextInput size="xs" aria-label="Filter by action" placeholder="Action, e.g. review or export.write" value={action} onChange={(e) => setAction(e.currentTarget.value)} />
          <Button size="xs" variant="light" leftSection={<IconShieldCheck size={14} />} onClick={() => void run()}>Verify chain</Button>
        </Group>
      </Group>
      {typeof verify === 'string' ? <Alert color="red">{verify}</Alert> : verify ? (
        <Alert mb="xs" color={verify.ok ? 'teal' : 'red'} icon={verify.ok ? <IconShieldCheck size={16} /> : <IconShieldX size={16} />} data-testid="audit-verify">
          {verify.ok
            ? `The chain holds: ${formatNumber(verify.entries)} entries, none edited, removed or reordered.`
            : `The chain is broken at entry ${verify.broken?.id ?? '?'} (${verify.broken?.reason ?? 'unknown'}).`}
        </Alert>
      ) : null}
      <ErrorAlert error={q.error} />
      {q.data && q.data.length === 0 ? <EmptyState title="No audit entries" text="Decisions, exports, erasures and reveals are logged here." /> : null}
      {q.data && q.data.length > 0 ? (
        <ScrollArea.Autosize mah={360}>
          <Table fz="xs" striped stickyHeader aria-label="Audit log">
            <Table.Thead>
              <Table.Tr><Table.Th>#</Table.Th><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>Action</Table.Th><Table.Th>Subject</Table.Th><Table.Th>Details</Table.Th><Table.Th>Hash</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.id}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td><Code>{e.action}</Code></Table.Td>
                  <Table.Td>{e.subject ?? '—'}</Table.Td>
                  <Table.Td><Text size="xs" truncate maw={320} title={e.details}>{e.details}</Text></Table.Td>
                  <Table.Td><Text size="xs" ff="monospace">{e.hash.slice(0, 10)}…</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
    </Paper>
  )
}
