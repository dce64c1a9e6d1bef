import { useEffect, useMemo, useRef, useState } from 'react'
import { ActionIcon, Box, Button, Checkbox, Group, Menu, Paper, Select, Skeleton, Stack, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconColumns, IconEye, IconEyeOff, IconSearch } from '@tabler/icons-react'
import { getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ProfileRow } from '../../../../shared/api/channels/profiles'
import { useApi } from '../../app/api'
import { formatNumber } from '../../app/format'
import type { ScreenProps } from '../../app/screens'
import { useAppStore } from '../../app/store'
import { useApiQuery } from '../../app/use-query'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { profileColumns } from './profile-columns'
import { useProfilePages } from './use-profile-pages'

const rowHeight = 40
const noRows: ProfileRow[] = []

/** Every profile in one virtualised table: search, segment and source filters, column chooser, masked PII. */
export function ProfilesScreen(_props: ScreenProps): React.JSX.Element {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 200)
  const [segment, setSegment] = useState<string | null>(null)
  const [source, setSource] = useState<string | null>(null)
  const segments = useApiQuery('segments:list', {}, { scopes: ['segments'] })
  const sources = useApiQuery('profiles:sources', {}, { scopes: ['sources', 'records'] })
  const filters = useMemo(() => ({ search: debounced, segment, source }), [debounced, segment, source])
  const pages = useProfilePages(filters)
  const [visibility, setVisibility] = useState<VisibilityState>(() => Object.fromEntries(profileColumns.filter((c) => c.optional).map((c) => [c.id, false])))
  // TanStack Table owns the column model (visibility, order); rows come from the paged cache, not `data`.
  const columnDefs = useMemo<ColumnDef<ProfileRow>[]>(() => profileColumns.map((c) => ({ id: c.id, header: c.header, size: c.width })), [])
  const table = useReactTable({ data: noRows, columns: columnDefs, state: { columnVisibility: visibility }, onColumnVisibilityChange: setVisibility, getCoreRowModel: getCoreRowModel() })
  const visible = table.getVisibleLeafColumns().map((col) => profileColumns.find((c) => c.id === col.id)!)

  return (
    <Stack gap="sm" h="calc(100vh - 52px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between">
        <Title order={2}>Profiles</Title>
        <Text size="sm" c="dimmed" data-testid="profiles-total">
          {pages.total === undefined ? '' : `${formatNumber(pages.total)} profiles`}
        </Text>
      </Group>
      <Group gap="sm">
        <TextInput
          placeholder="Search name, email, phone, company…"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
          aria-label="Search profiles"
          autoFocus
        />
        <Select placeholder="Any segment" data={(segments.data ?? []).map((s) => s.name)} value={segment} onChange={setSegment} clearable aria-label="Filter by segment" w={200} />
        <Select placeholder="Any source" data={(sources.data ?? []).map((s) => s.name)} value={source} onChange={setSource} clearable aria-label="Filter by source" w={200} />
        <Menu closeOnItemClick={false} position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={<IconColumns size={16} />} ml="auto">
              Columns
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {table.getAllLeafColumns().map((col) => (
              <Menu.Item key={col.id}>
                <Checkbox label={String(col.columnDef.header)} checked={col.getIsVisible()} onChange={col.getToggleVisibilityHandler()} />
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ErrorAlert error={pages.error} title="Could not load profiles" />
      <ProfilesGrid pages={pages} columns={visible} />
    </Stack>
  )
}

function ProfilesGrid({ pages, columns }: { pages: ReturnType<typeof useProfilePages>; columns: typeof profileColumns }): React.JSX.Element {
  const api = useApi()
  const navigate = useAppStore((s) => s.navigate)
  const scrollRef = useRef<HTMLDivElement>(null)
  const [revealed, setRevealed] = useState<Record<number, Record<string, string>>>({})
  const count = pages.total ?? 0
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensure } = pages
  useEffect(() => {
    if (count > 0) ensure(first, last)
  }, [ensure, first, last, count])
  const width = columns.reduce((w, c) => w + c.width, 0) + 48
  const toggleReveal = async (id: number): Promise<void> => {
    if (revealed[id]) {
      setRevealed(({ [id]: _gone, ...rest }) => rest)
      return
    }
    const r = await api.invoke('profiles:reveal', { id, why: 'profiles table' })
    setRevealed((s) => ({ ...s, [id]: r.golden }))
  }

  if (pages.total === 0) return <EmptyState title="No profiles match" text="Import a file, or clear the search and filters." />
  return (
    <Paper withBorder radius="md" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
      <Box ref={scrollRef} style={{ overflow: 'auto', flex: 1 }} role="grid" aria-label="Profiles" aria-rowcount={count}>
        <Box style={{ position: 'sticky', top: 0, zIndex: 1, display: 'flex', width, background: 'var(--mantine-color-default-hover)', borderBottom: '1px solid var(--mantine-color-default-border)' }} role="row">
          <Box w={48} />
          {columns.map((c) => (
            <Box key={c.id} w={c.width} px="sm" py={8} role="columnheader">
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {c.header}
              </Text>
            </Box>
          ))}
        </Box>
        <Box style={{ height: virtualizer.getTotalSize(), position: 'relative', width }}>
          {items.map((item) => {
            const row = pages.row(item.index)
            return (
              <Box key={item.key} role="row" aria-rowindex={item.index + 2} style={{ position: 'absolute', top: item.start, height: rowHeight, width, display: 'flex', alignItems: 'center', borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                {row ? (
                  <>
                    <Box w={48} ta="center">
                      <Tooltip label={revealed[row.id] ? 'Mask again' : 'Reveal contact details (recorded in the audit log)'}>
                        <ActionIcon variant="subtle" size="sm" aria-label={`Reveal ${row.displayName ?? row.id}`} onClick={() => void toggleReveal(row.id).catch(() => undefined)}>
                          {revealed[row.id] ? <IconEyeOff size={14} /> : <IconEye size={14} />}
                        </ActionIcon>
                      </Tooltip>
                    </Box>
                    <UnstyledButton
                      onClick={() => navigate({ screen: 'profile', param: String(row.id) })}
                      style={{ display: 'flex', alignItems: 'center', height: '100%' }}
                      aria-label={`Open ${row.displayName ?? `profile ${row.id}`}`}
                      className="tessera-row"
                    >
                      {columns.map((c) => (
                        <Box key={c.id} w={c.width} px="sm" role="gridcell" style={{ overflow: 'hidden' }}>
                          {c.render(row, revealed[row.id])}
                        </Box>
                      ))}
                    </UnstyledButton>
                  </>
                ) : (
                  <Skeleton height={14} mx="md" width={width - 80} />
                )}
              </Box>
            )
          })}
        </Box>
      </Box>
    </Paper>
  )
}
