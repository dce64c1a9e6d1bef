import { useEffect, useState } from 'react'
import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react'
import type { SurvivorshipRuleView, SurvivorshipView } from '../../../../shared/api/channels/settings'
import { errorMessage, useApi } from '../../app/api'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'

const ruleLabels: Record<string, string> = {
  source_priority: 'Source priority', most_recent: 'Most recent', most_frequent: 'Most frequent', longest: 'Longest', first_non_empty: 'First non-empty',
}
const groupLabels: Record<string, string> = {
  name: 'Name', email: 'Email', phone: 'Phone', company: 'Company', address: 'Address', birth_date: 'Birth date', gender: 'Gender',
}
type Rules = Record<string, SurvivorshipRuleView>

/** The order a source-priority rule starts from: the stored one, then the other sources alphabetically. */
function withAllSources(order: readonly string[], sources: readonly string[]): string[] {
  return [...order, ...sources.filter((s) => !order.includes(s))]
}

/**
 * Survivorship: for each attribute group, which record's value becomes the golden value. Saving stores
 * the rules and starts a full profile refresh (a job, shown in Jobs) so every golden record follows them.
 */
export function SurvivorshipCard(): React.JSX.Element {
  const api = useApi()
  const q = useApiQuery('settings:survivorship', {}, { scopes: ['settings', 'sources'] })
  const [rules, setRules] = useState<Rules | undefined>()
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | undefined>()
  useEffect(() => {
    if (q.data) setRules(Object.fromEntries(q.data.groups.map((g) => [g.group, g.rule])))
  }, [q.data])
  const save = async (): Promise<void> => {
    if (!rules) return
    try {
      await api.invoke('settings:set-survivorship', { rules })
      await api.invoke('profiles:refresh-start', { all: true })
      setMsg({ text: 'Saved. Golden records are being rebuilt: follow it in Jobs.' })
    } catch (e) {
      setMsg({ text: errorMessage(e), error: true })
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>Survivorship rules</Text>
        <Text size="xs" c="dimmed">Which record’s value wins in a profile’s golden record. Name and address parts always come from one record together.</Text>
        <ErrorAlert error={q.error} />
        {q.data && rules ? <RulesTable view={q.data} rules={rules} onChange={(group, rule) => setRules({ ...rules, [group]: rule })} /> : q.error ? null : <Text size="sm" c="dimmed">Loading rules…</Text>}
        {msg ? <Text size="sm" c={msg.error ? 'red' : 'teal'} role="status">{msg.text}</Text> : null}
        <Button size="xs" onClick={() => void save()} disabled={!rules} style={{ alignSelf: 'flex-start' }}>Save and rebuild profiles</Button>
      </Stack>
    </Paper>
  )
}

interface RulesTableProps { view: SurvivorshipView; rules: Rules; onChange(group: string, rule: SurvivorshipRuleView): void }

/** One row per attribute group: its rule, and for source priority the sources in order with move buttons. */
function RulesTable({ view, rules, onChange }: RulesTableProps): React.JSX.Element {
  const choose = (group: string, kind: string | null): void => {
    if (!kind) return
    if (kind === 'source_priority') {
      const current = rules[group]
      const order = withAllSources(current?.rule === 'source_priority' ? current.sources : [], view.sources)
      if (order.length > 0) onChange(group, { rule: 'source_priority', sources: order })
      return
    }
    onChange(group, { rule: kind as Exclude<SurvivorshipRuleView['rule'], 'source_priority'> })
  }
  const kinds = view.ruleKinds.map((k) => ({ value: k, label: ruleLabels[k] ?? k, disabled: k === 'source_priority' && view.sources.length === 0 }))
  return (
    <Table verticalSpacing={4} fz="sm" aria-label="Survivorship rules">
      <Table.Thead><Table.Tr><Table.Th>Attribute</Table.Th><Table.Th>Rule</Table.Th><Table.Th>Source order</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {view.groups.map((g) => {
          const rule = rules[g.group] ?? g.rule
          return (
            <Table.Tr key={g.group}>
              <Table.Td><Tooltip label={g.fields.join(', ')}><Text size="sm" fw={500}>{groupLabels[g.group] ?? g.group}</Text></Tooltip></Table.Td>
              <Table.Td w={180}>
                <Select size="xs" data={kinds} value={rule.rule} allowDeselect={false} aria-label={`Rule for ${groupLabels[g.group] ?? g.group}`} onChange={(v) => choose(g.group, v)} />
              </Table.Td>
              <Table.Td>
                {rule.rule === 'source_priority'
                  ? <SourceOrder group={groupLabels[g.group] ?? g.group} sources={rule.sources} onChange={(sources) => onChange(g.group, { rule: 'source_priority', sources })} />
                  : <Text size="xs" c="dimmed">—</Text>}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}

/** Sources in order of trust; arrows move one up or down (keyboard reachable, labelled). */
function SourceOrder({ group, sources, onChange }: { group: string; sources: string[]; onChange(s: string[]): void }): React.JSX.Element {
  const move = (i: number, by: -1 | 1): void => {
    const next = [...sources]
    const [item] = next.splice(i, 1)
    if (item === undefined) return
    next.splice(i + by, 0, item)
    onChange(next)
  }
  return (
    <Group gap={6}>
      {sources.map((s, i) => (
        <Badge key={s} variant="light" size="lg" radius="sm" styles={{ label: { textTransform: 'none' } }}
          leftSection={<Text span size="xs" c="dimmed">{i + 1}</Text>}
          rightSection={
            <Group gap={0} wrap="nowrap">
              <ActionIcon size="xs" variant="subtle" aria-label={`Move ${s} up for ${group}`} disabled={i === 0} onClick={() => move(i, -1)}><IconArrowUp size={12} /></ActionIcon>
              <ActionIcon size="xs" variant="subtle" aria-label={`Move ${s} down for ${group}`} disabled={i === sources.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={12} /></ActionIcon>
            </Group>
          }>
          {s}
        </Badge>
      ))}
    </Group>
  )
}
