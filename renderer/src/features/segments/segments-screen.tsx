import { useEffect, useState } from 'react'
import { Badge, Button, Group, NavLink, Paper, ScrollArea, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { IconDeviceFloppy, IconFilterPlus } from '@tabler/icons-react'
import type { SavedSegmentView } from '../../../../shared/api/channels/segments'
import type { SegmentRule } from '../../../../shared/domain/segment-rule'
import { errorMessage, useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import type { ScreenProps } from '../../app/screens'
import { navigate } from '../../app/store'
import { useApiQuery } from '../../app/use-query'
import { ErrorAlert } from '../../components/error-alert'
import type { Vocabulary } from './condition-editor'
import { GroupEditor } from './group-editor'
import { LivePreview } from './live-preview'
import { OverlapPanel } from './overlap-panel'
import { emptyRule } from './rule-model'

interface Draft {
  /** The saved segment this draft edits; undefined for a new one. */
  saved?: string
  name: string
  description: string
  rule: SegmentRule
}

const noVocab: Vocabulary = { sources: [], eventTypes: [], customTraits: [], segments: [] }

/**
 * Segments: saved segments on the left, the visual rule builder in the middle, the live count, sample
 * and overlap on the right. `#/segments/NAME` opens a saved segment; saving an existing one adds a
 * version (exports keep the version they used).
 */
export function SegmentsScreen({ param }: ScreenProps): React.JSX.Element {
  const api = useApi()
  const list = useApiQuery('segments:list', {}, { scopes: ['segments', 'profiles'] })
  const vocabQ = useApiQuery('segments:vocabulary', {}, { scopes: ['segments', 'sources'] })
  const vocab = vocabQ.data ?? noVocab
  const [draft, setDraft] = useState<Draft>({ name: '', description: '', rule: emptyRule() })
  const [saveState, setSaveState] = useState<{ text: string; error?: boolean } | undefined>()

  // Open the segment named in the route once the list has it (only when the route or the list changes, not on every edit).
  useEffect(() => {
    const s = list.data?.find((x) => x.name === param)
    if (s && draft.saved !== s.name) setDraft({ saved: s.name, name: s.name, description: s.description, rule: s.rule })
  }, [param, list.data])

  const save = async (): Promise<void> => {
    try {
      const s = await api.invoke('segments:save', { name: draft.name.trim(), description: draft.description, rule: draft.rule, replace: draft.saved === draft.name.trim() })
      setDraft({ saved: s.name, name: s.name, description: s.description, rule: s.rule })
      // No navigation here: the route change would remount the screen and drop this confirmation.
      setSaveState({ text: `Saved "${s.name}" (version ${s.version}, ${formatNumber(s.count)} profiles).` })
    } catch (e) {
      setSaveState({ text: errorMessage(e), error: true })
    }
  }

  const names = (list.data ?? []).map((s) => s.name)
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between">
          <Title order={2}>{draft.saved ? draft.saved : 'New segment'}</Title>
          <Button leftSection={<IconDeviceFloppy size={16} />} disabled={draft.name.trim() === ''} onClick={() => void save()}>
            {draft.saved && draft.saved === draft.name.trim() ? 'Save new version' : 'Save segment'}
          </Button>
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Name" required placeholder="e.g. Lapsed buyers" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
          <Textarea label="Description" autosize minRows={1} maxRows={3} placeholder="Who they are and why" value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} />
        </Group>
        {saveState ? <Text size="sm" c={saveState.error ? 'red' : 'teal'} role="status" data-testid="segment-save-status">{saveState.text}</Text> : null}
        <ErrorAlert error={vocabQ.error} title="The field lists could not be loaded" />
        <GroupEditor group={draft.rule} vocab={vocab} depth={0} path="1" onChange={(rule) => setDraft({ ...draft, rule })} />
      </Stack>
      <Stack gap="sm" w={290} style={{ flexShrink: 0 }}>
        <LivePreview rule={draft.rule} />
        <SavedList segments={list.data} error={list.error} active={draft.saved} onNew={() => {
          setDraft({ name: '', description: '', rule: emptyRule() })
          setSaveState(undefined)
          navigate({ screen: 'segments' })
        }} />
        <OverlapPanel names={names} />
      </Stack>
    </Group>
  )
}

/** The saved segments with their current size; choosing one opens it (`#/segments/NAME`). */
function SavedList({ segments, error, active, onNew }: { segments: SavedSegmentView[] | undefined; error: unknown; active: string | undefined; onNew(): void }): React.JSX.Element {
  return (
    <Paper withBorder p={4}>
      <Group justify="space-between" px={6} py={4}>
        <Text size="sm" fw={600}>Saved segments</Text>
        <Button variant="light" size="compact-xs" leftSection={<IconFilterPlus size={14} />} onClick={onNew}>New</Button>
      </Group>
      <ErrorAlert error={error} />
      {segments && segments.length === 0 ? <Text size="sm" c="dimmed" px={6} pb={6}>None yet: build a rule and save it.</Text> : null}
      <ScrollArea.Autosize mah={220} aria-label="Saved segments">
        {(segments ?? []).map((s) => (
          <NavLink key={s.id} active={s.name === active} label={s.name} onClick={() => navigate({ screen: 'segments', param: s.name })}
            description={s.description || `version ${s.version}`} rightSection={<Badge size="xs" variant="light">{formatNumber(s.count)}</Badge>} />
        ))}
      </ScrollArea.Autosize>
    </Paper>
  )
}
