import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Tooltip } from '@mantine/core'
import { IconFolderPlus, IconPlus, IconTrash } from '@tabler/icons-react'
import type { Condition, RuleGroup, RuleNode } from '../../../../shared/domain/segment-rule'
import { ConditionEditor, type Vocabulary } from './condition-editor'
import { conditionKinds, newCondition, type ConditionKind } from './rule-model'

const opLabels = [
  { value: 'all', label: 'All of' }, { value: 'any', label: 'Any of' }, { value: 'none', label: 'None of' },
]

/**
 * One group of the rule (all / any / none of its children) with its conditions and nested groups,
 * recursively. Edits go up as a whole new group; `onRemove` is absent for the root. Presentational.
 */
export function GroupEditor({ group, vocab, depth, path, onChange, onRemove }: {
  group: RuleGroup; vocab: Vocabulary; depth: number; path: string; onChange(g: RuleGroup): void; onRemove?: () => void
}): React.JSX.Element {
  const setChild = (i: number, n: RuleNode | null): void =>
    onChange({ ...group, children: n === null ? group.children.filter((_, j) => j !== i) : group.children.map((c, j) => (j === i ? n : c)) })
  return (
    <Paper withBorder p="xs" radius="sm" bg={depth % 2 ? 'var(--mantine-color-default-hover)' : undefined} role="group" aria-label={`Group ${path}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <SegmentedControl size="xs" aria-label={`Group ${path} combines`} data={opLabels} value={group.op}
              onChange={(op) => (op === 'all' || op === 'any' || op === 'none') && onChange({ ...group, op })} />
            <Text size="xs" c="dimmed">{group.op === 'all' ? 'every condition holds' : group.op === 'any' ? 'at least one holds' : 'no condition holds'}</Text>
          </Group>
          {onRemove ? (
            <Tooltip label="Remove group">
              <ActionIcon variant="subtle" color="red" aria-label={`Remove group ${path}`} onClick={onRemove}><IconTrash size={16} /></ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
        {group.children.length === 0 ? <Text size="sm" c="dimmed" px={4}>No conditions yet: every profile matches.</Text> : null}
        {group.children.map((child, i) => {
          const childPath = `${path}.${i + 1}`
          return child.kind === 'group' ? (
            <GroupEditor key={i} group={child} vocab={vocab} depth={depth + 1} path={childPath} onChange={(g) => setChild(i, g)} onRemove={() => setChild(i, null)} />
          ) : (
            <ConditionRow key={i} node={child} vocab={vocab} label={`Condition ${childPath}`} onChange={(n) => setChild(i, n)} onRemove={() => setChild(i, null)} />
          )
        })}
        <AddButtons vocab={vocab} path={path} onAdd={(n) => onChange({ ...group, children: [...group.children, n] })} canNest={depth < 10} />
      </Stack>
    </Paper>
  )
}

function ConditionRow({ node, vocab, label, onChange, onRemove }: { node: Condition; vocab: Vocabulary; label: string; onChange(n: Condition): void; onRemove(): void }): React.JSX.Element {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" aria-label={label} role="group">
      <Select size="xs" w={130} aria-label={`${label} kind`} allowDeselect={false} data={conditionKinds} value={node.kind}
        onChange={(k) => k && k !== node.kind && onChange(newCondition(k as ConditionKind, vocab))} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <ConditionEditor node={node} vocab={vocab} label={label} onChange={onChange} />
      </div>
      <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${label}`} onClick={onRemove}><IconTrash size={16} /></ActionIcon>
    </Group>
  )
}

function AddButtons({ vocab, path, onAdd, canNest }: { vocab: Vocabulary; path: string; onAdd(n: RuleNode): void; canNest: boolean }): React.JSX.Element {
  return (
    <Group gap={6}>
      <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={14} />} aria-label={`Add condition to group ${path}`} onClick={() => onAdd(newCondition('attribute', vocab))}>
        Condition
      </Button>
      {canNest ? (
        <Button size="compact-xs" variant="subtle" leftSection={<IconFolderPlus size={14} />} aria-label={`Add group to group ${path}`} onClick={() => onAdd({ kind: 'group', op: 'any', children: [] })}>
          Group
        </Button>
      ) : null}
    </Group>
  )
}
